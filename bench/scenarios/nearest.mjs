// GET /stations?lat&lng&limit=10 at 100,000 stations (5,000 in quick mode) beside the same
// endpoint at 150 stations: the cost of "nearest" must stay flat as the network grows.
import { startApi } from '../lib/api.mjs';
import { assertMostlyOk, cannonServer, refusals, side } from '../lib/cannon.mjs';
import { accessToken, dataset, queryPoints } from '../lib/dataset.mjs';

export const name = 'nearest';

/** Signed-in workers asking (the rate limit counts per user; anonymous callers share an IP). */
function requests() {
  const tokens = Array.from({ length: 500 }, (_, n) =>
    accessToken(`00000000-0000-4000-9000-${String(n).padStart(12, '0')}`),
  );
  return queryPoints(1_000).map((at, n) => ({
    path: `/api/v1/stations?lat=${at.lat}&lng=${at.lng}&limit=10`,
    headers: { authorization: `Bearer ${tokens[n % tokens.length]}` },
  }));
}

export async function run(ctx) {
  const small = await dataset(ctx, 'small');
  const big = await dataset(ctx, 'big');
  const measure = (data, title) =>
    cannonServer(ctx, startApi, { databaseUrl: data.url }, { requests: requests(), title });
  const base = await measure(small, `nearest 10 at ${small.stations.length} stations`);
  const project = await measure(big, `nearest 10 at ${big.stations.length} stations`);
  assertMostlyOk('nearest', project);
  assertMostlyOk('nearest baseline', base);
  const ratio = project.rps / base.rps;
  return {
    rows: [
      {
        scenario: 'nearest 10 stations',
        project: side(`${big.stations.length} stations`, project),
        baseline: side(`${small.stations.length} stations`, base),
        ratio,
        target: 'ratio ≥ 0.5, p99 < 20 ms',
        met: ratio >= 0.5 && project.p99 < 20,
        notes: refusals(project).join('; ') || undefined,
      },
    ],
  };
}
