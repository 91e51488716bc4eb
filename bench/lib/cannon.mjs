// Drives an HTTP server with autocannon from a second process.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'cannon-child.mjs');
let runs = 0;

/**
 * Starts a server (`start` is `startApi` or `startBaseline`, given `options`), loads it with
 * `requests` and stops it, also when the load fails.
 */
export async function cannonServer(ctx, start, options, { requests, title }) {
  const server = await start(ctx, options);
  try {
    return await cannon(ctx, { url: server.url, requests, title });
  } finally {
    await server.stop();
  }
}

/**
 * Load `url` with `requests` (cycled in order) for the context's duration and connections.
 * Returns {rps, p50, p99, ok, non2xx, errors, timeouts, total, sent, prepared, statusCodes}.
 */
export async function cannon(ctx, { url, requests, connections = ctx.connections, title }) {
  runs += 1;
  const file = join(ctx.tmpDir, `cannon-${runs}.json`);
  const list = requests.map((request) => ({
    method: request.method ?? 'GET',
    path: request.path,
    headers: {
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    ...(request.body === undefined
      ? {}
      : { body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body) }),
  }));
  writeFileSync(
    file,
    JSON.stringify({
      url,
      connections,
      durationSec: ctx.durationSec,
      warmupSec: ctx.quick ? 1 : 3,
      requests: list,
    }),
  );
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`autocannon child exited ${code}`)),
    );
  });
  const result = JSON.parse(output.trim().split('\n').pop());
  ctx.log(
    `  ${title ?? url}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
      `${result.ok} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors (${result.sent}/${result.prepared} prepared used)`,
  );
  if (result.non2xx > 0) ctx.log(`    status codes: ${JSON.stringify(result.statusCodes)}`);
  return result;
}

/** A Row side from an autocannon result. */
export const side = (label, result) => ({
  label,
  rps: Math.round(result.rps),
  p50: result.p50,
  p99: result.p99,
});

/** Notes on refusals and reused one-time requests; a benchmark of refusals is worthless. */
export function refusals(result, { oneTime = false } = {}) {
  const notes = [];
  if (result.non2xx > 0)
    notes.push(`${result.non2xx} non-2xx ${JSON.stringify(result.statusCodes)}`);
  if (result.errors > 0) notes.push(`${result.errors} connection errors`);
  if (oneTime && result.sent > result.prepared)
    notes.push(`prepared requests reused (${result.sent}/${result.prepared})`);
  return notes;
}

/** Throws when a run answered mostly refusals or errors: the scenario is broken, not slow. */
export function assertMostlyOk(name, result) {
  // Timeouts are slowness, recorded in the row; refusals and broken connections are not.
  const total = result.ok + result.non2xx + (result.errors - result.timeouts);
  // None finished inside a short window is slowness (recorded), not a crash.
  if (total > 0 && result.ok / total < 0.95) {
    throw new Error(
      `${name}: only ${result.ok} of ${total} requests succeeded ${JSON.stringify(result.statusCodes)}`,
    );
  }
}
