// API start to `/ready`: the built API (`node dist/main.js`) on a SQLite data dir already holding
// the demo data (seeded once, not timed), from spawn to the first 200 of /ready; then its RSS
// once idle. Repeated (a fresh process each time, same data dir) and the median kept.
import * as apiProcess from './_api.mjs';
import { median, round1 as round } from './_stats.mjs';

export const name = 'startup';

const READY_LIMIT_MS = 3000;
const IDLE_RSS_LIMIT_MB = 200;
const IDLE_WAIT_MS = 2000;

export async function run(ctx) {
  const runs = ctx.quick ? 1 : 5;
  const prepared = await apiProcess.prepareApi(ctx, 'startup');
  apiProcess.seedDemo(prepared);
  const readyMs = [];
  const idleMb = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const api = await apiProcess.startApi(prepared);
      try {
        readyMs.push(api.readyMs);
        // Idle: nothing but the /ready probe has been asked; timers (sweeps) are scheduled.
        await new Promise((done) => setTimeout(done, ctx.quick ? 500 : IDLE_WAIT_MS));
        idleMb.push(apiProcess.rssMb(api.pid));
      } finally {
        await api.stop();
      }
    }
  } finally {
    apiProcess.removeData(prepared);
  }
  const ready = median(readyMs);
  const rss = median(idleMb);
  ctx.log(
    `startup: /ready after ${round(ready)} ms, idle RSS ${round(rss)} MB (median of ${runs})`,
  );
  return {
    rows: [
      {
        scenario: 'API start to /ready (SQLite, demo data)',
        project: { label: 'node dist/main.js', ms: round(ready) },
        baseline: null,
        ratio: null,
        target: `< ${READY_LIMIT_MS / 1000} s`,
        met: ready < READY_LIMIT_MS,
        notes: `median of ${runs}: ${readyMs.map(Math.round).join('/')} ms (spawn to first 200)`,
      },
      {
        scenario: 'API idle RSS after start',
        project: { label: 'VmRSS', mb: round(rss) },
        baseline: null,
        ratio: null,
        target: `< ${IDLE_RSS_LIMIT_MB} MB`,
        met: rss < IDLE_RSS_LIMIT_MB,
        notes:
          `median of ${runs}: ${idleMb.map(round).join('/')} MB, ` +
          `${ctx.quick ? 0.5 : IDLE_WAIT_MS / 1000} s after /ready; MALLOC_ARENA_MAX=2`,
      },
    ],
  };
}
