// A handler's report queue (GET /reports, first page) with 100,000 reports in the district
// (5,000 in quick mode) beside the same with 1,000.
import { startApi } from '../lib/api.mjs';
import { assertMostlyOk, cannonServer, refusals, side } from '../lib/cannon.mjs';
import { accessToken, dataset, LIUYANG } from '../lib/dataset.mjs';

export const name = 'reports';

function requests() {
  return Array.from({ length: 500 }, (_, n) => ({
    path: '/api/v1/reports',
    headers: {
      authorization: `Bearer ${accessToken(
        `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`,
        [{ role: 'handler', regionId: LIUYANG }],
      )}`,
    },
  }));
}

export async function run(ctx) {
  const small = await dataset(ctx, 'small');
  const big = await dataset(ctx, 'big');
  const measure = (data, title) =>
    cannonServer(ctx, startApi, { databaseUrl: data.url }, { requests: requests(), title });
  const count = (data) => `${data.reports.toLocaleString('en')} reports`;
  const base = await measure(small, `handler queue, ${count(small)}`);
  const project = await measure(big, `handler queue, ${count(big)}`);
  assertMostlyOk('reports', project);
  assertMostlyOk('reports baseline', base);
  const ratio = project.rps / base.rps;
  return {
    rows: [
      {
        scenario: 'handler report list',
        project: side(count(big), project),
        baseline: side(count(small), base),
        ratio,
        target: 'ratio ≥ 0.5',
        met: ratio >= 0.5,
        notes: refusals(project).join('; ') || undefined,
      },
    ],
  };
}
