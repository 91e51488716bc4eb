// An empty authenticated route beside bare fastify's GET /ping. The API's GET /health carries
// no work of its own; with a bearer token the global guard verifies it (signature, claims,
// session revocation) like on any route, so this measures the framework's per-request cost.
import { startApi, startBaseline } from '../lib/api.mjs';
import { assertMostlyOk, cannonServer, refusals, side } from '../lib/cannon.mjs';
import { accessToken, dataset } from '../lib/dataset.mjs';

export const name = 'auth';

export async function run(ctx) {
  const data = await dataset(ctx, 'small');
  const tokens = Array.from({ length: 200 }, (_, n) =>
    accessToken(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
  );
  const base = await cannonServer(
    ctx,
    startBaseline,
    {},
    {
      requests: [{ path: '/ping' }],
      title: 'bare fastify GET /ping',
    },
  );
  const project = await cannonServer(
    ctx,
    startApi,
    { databaseUrl: data.url },
    {
      requests: tokens.map((token) => ({
        path: '/health',
        headers: { authorization: `Bearer ${token}` },
      })),
      title: 'API GET /health with a bearer token',
    },
  );
  assertMostlyOk('auth', project);
  const ratio = project.rps / base.rps;
  return {
    rows: [
      {
        scenario: 'empty authenticated route',
        project: side('API GET /health + bearer token', project),
        baseline: side('bare fastify GET /ping', base),
        ratio,
        target: 'ratio ≥ 0.6',
        met: ratio >= 0.6,
        notes: refusals(project).join('; ') || undefined,
      },
    ],
  };
}
