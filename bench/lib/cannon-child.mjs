// Runs autocannon in its own process (so the load generator does not share a thread with
// anything it measures) and prints its summary as one JSON line.
// argv[2]: a JSON file {url, connections, durationSec, requests: [{method, path, headers, body}]}.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const list = config.requests;
let next = 0;

// One request first: a refusal shows its body here, where it explains itself.
{
  const first = list[next++ % list.length];
  const response = await fetch(config.url + first.path, {
    method: first.method,
    headers: first.headers,
    body: first.body,
  });
  if (!response.ok) {
    process.stderr.write(
      `first request ${first.method} ${first.path}: ${response.status} ${await response.text()}\n`,
    );
  }
}

const result = await autocannon({
  // Warm-up (JIT, connection pools, caches) before counting; it uses prepared requests too.
  warmup: { connections: config.connections, duration: config.warmupSec },
  url: config.url,
  connections: config.connections,
  duration: config.durationSec,
  // Each request takes the next prepared one, so no two requests repeat a one-time action.
  requests: [
    {
      setupRequest: (request) => {
        const prepared = list[next % list.length];
        next += 1;
        return { ...request, ...prepared };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    prepared: list.length,
    sent: next,
    statusCodes: result.statusCodeStats,
  })}\n`,
);
