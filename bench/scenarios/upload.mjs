// Photo upload: a 12 MP phone-like JPEG through `POST /api/v1/media` against sharp alone doing
// the same re-encode in this process; then 4 uploads at once, without pause, while autocannon
// drives real check-ins (one per fresh worker, so each is a genuine 201), sampling the API's
// RSS. The API is the built one on a fresh SQLite data dir with the demo data, run as
// `pnpm start` runs it (MALLOC_ARENA_MAX=2).
import autocannon from 'autocannon';
import * as apiProcess from './_api.mjs';
import { median, round1 as round } from './_stats.mjs';
import { configureLikeApi, phoneLikePhoto, processLikeApi } from './_photo.mjs';

// Check-ins arrive at a fixed rate (riders, not a flood): a few connections carry them, and
// autocannon refuses more connections than requests in a 1-second quick run.
const CHECKIN_CONNECTIONS = 4;

export const name = 'upload';

const PARALLEL_UPLOADS = 4;
const RSS_LIMIT_MB = 512;
const CHECKIN_P99_LIMIT_MS = 100;
const RATIO_LIMIT = 1.3;

export async function run(ctx) {
  const photo = await phoneLikePhoto(ctx.tmpDir);
  configureLikeApi();
  const singles = ctx.quick ? 1 : 5;
  const loadSeconds = ctx.quick ? 2 : Math.max(10, ctx.durationSec);
  const checkinRate = ctx.quick ? 10 : 20;
  const idleSeconds = ctx.quick ? 0 : 3;
  // Check-ins that only warm the path (JIT, prepared statements), not recorded.
  const warmupCheckins = ctx.quick ? 5 : 100;
  const checkinCount = checkinRate * (loadSeconds + idleSeconds) + warmupCheckins;

  const prepared = await apiProcess.prepareApi(ctx, 'upload');
  apiProcess.seedDemo(prepared);
  const api = await apiProcess.startApi(prepared);
  try {
    const uploaders = await apiProcess.newWorkers(prepared, PARALLEL_UPLOADS, ['photos']);
    // Spare workers: autocannon builds a connection's next request before it stops.
    const checkinWorkers = await apiProcess.newWorkers(
      prepared,
      checkinCount + 4 * CHECKIN_CONNECTIONS + 10,
      ['location'],
    );
    const stations = await openStations(prepared);
    ctx.log(
      `upload: photo ${(photo.length / 1e6).toFixed(2)} MB, ${uploaders.length} uploaders, ` +
        `${checkinWorkers.length} check-in workers, ${stations.length} stations`,
    );

    // Warm both sides (first libvips use, JIT, the API's first multipart request).
    await upload(prepared, uploaders[0], photo);
    await processLikeApi(photo);

    // One upload at a time, alternating with the baseline so both see the same machine load.
    const apiMs = [];
    const sharpMs = [];
    for (let i = 0; i < singles; i += 1) {
      let started = performance.now();
      await processLikeApi(photo);
      sharpMs.push(performance.now() - started);
      started = performance.now();
      await upload(prepared, uploaders[i % uploaders.length], photo);
      apiMs.push(performance.now() - started);
    }
    const apiMedian = median(apiMs);
    const sharpMedian = median(sharpMs);

    // Idle check-in latency, for comparison (full runs only; its workers are the first ones).
    const sign = apiProcess.posterCodeSigner(prepared);
    const queue = checkinQueue(checkinWorkers, stations, sign);
    await checkins(prepared, queue, {
      rate: 50,
      seconds: warmupCheckins / 50,
      connections: CHECKIN_CONNECTIONS,
    });
    let idle = null;
    let idleCpuMs = null;
    if (!ctx.quick) {
      const cpuBefore = apiProcess.cpuMs(api.pid);
      idle = await checkins(prepared, queue, {
        rate: checkinRate,
        seconds: idleSeconds,
        connections: CHECKIN_CONNECTIONS,
      });
      idleCpuMs = (apiProcess.cpuMs(api.pid) - cpuBefore) / Math.max(1, idle.ok + idle.non2xx);
    }

    // 4 uploads at once, continuously, for as long as the check-ins run.
    const rss = sampleRss(api.pid);
    const hwmBefore = apiProcess.rssMb(api.pid, 'VmHWM');
    let loading = true;
    const uploadMs = [];
    const loops = uploaders.map(async (worker) => {
      let done = 0;
      while (loading || done === 0) {
        const started = performance.now();
        await upload(prepared, worker, photo);
        uploadMs.push(performance.now() - started);
        done += 1;
      }
    });
    const loaded = await checkins(prepared, queue, {
      rate: checkinRate,
      seconds: loadSeconds,
      connections: CHECKIN_CONNECTIONS,
    });
    loading = false;
    await Promise.all(loops);
    const peakMb = rss.stop();
    const idleRssMb = apiProcess.rssMb(api.pid);

    if (loaded.ok === 0) throw new Error(`no check-in succeeded: ${JSON.stringify(loaded)}`);
    const ratio = Math.round((apiMedian / sharpMedian) * 100) / 100;
    ctx.log(
      `upload: single API ${round(apiMedian)} ms vs sharp ${round(sharpMedian)} ms; ` +
        `${uploadMs.length} uploads under load, RSS peak ${round(peakMb)} MB; check-ins ` +
        `p50 ${loaded.p50} p99 ${loaded.p99} ms (${loaded.ok} ok, ${loaded.non2xx} non-2xx)`,
    );
    return {
      rows: [
        {
          scenario: 'photo upload 12 MP (one at a time)',
          project: { label: 'POST /api/v1/media', ms: round(apiMedian) },
          baseline: { label: 'sharp alone, same pipeline, in-process', ms: round(sharpMedian) },
          ratio,
          target: `≤ ${RATIO_LIMIT}× sharp alone`,
          met: ratio <= RATIO_LIMIT,
          notes:
            `${(photo.length / 1e6).toFixed(2)} MB 4000×3000 JPEG (EXIF orientation 6); median ` +
            `of ${singles}; API ${apiMs.map(Math.round).join('/')} ms, sharp ` +
            `${sharpMs.map(Math.round).join('/')} ms`,
        },
        {
          scenario: `photo upload: API RSS, ${PARALLEL_UPLOADS} at once`,
          project: { label: 'API peak RSS (VmRSS sampled every 20 ms)', mb: round(peakMb) },
          baseline: null,
          ratio: null,
          target: `< ${RSS_LIMIT_MB} MB`,
          met: peakMb < RSS_LIMIT_MB,
          notes:
            `${uploadMs.length} uploads in ${loadSeconds} s, each ${round(median(uploadMs))} ms ` +
            `median, ${round(Math.max(...uploadMs))} ms max; RSS before ${round(hwmBefore)} MB ` +
            `(VmHWM), after ${round(idleRssMb)} MB; MALLOC_ARENA_MAX=2`,
        },
        {
          scenario: `check-in p99 during ${PARALLEL_UPLOADS} parallel uploads`,
          project: {
            label: `POST /api/v1/checkins at ${checkinRate}/s`,
            rps: round(loaded.rps),
            p50: loaded.p50,
            p99: loaded.p99,
          },
          baseline: idle
            ? { label: 'same, no uploads', rps: round(idle.rps), p50: idle.p50, p99: idle.p99 }
            : null,
          ratio: idle ? Math.round((loaded.p99 / Math.max(idle.p99, 1)) * 100) / 100 : null,
          target: `p99 < ${CHECKIN_P99_LIMIT_MS} ms`,
          met: loaded.p99 < CHECKIN_P99_LIMIT_MS && loaded.non2xx === 0,
          notes:
            `${loaded.ok} check-ins 201, ${loaded.non2xx} non-2xx, ${loaded.errors} errors; ` +
            `one check-in per fresh worker (SQLite)` +
            (idleCpuMs === null
              ? ''
              : `; API CPU ${round(idleCpuMs)} ms per check-in without uploads`),
        },
      ],
    };
  } finally {
    await api.stop();
    apiProcess.removeData(prepared);
  }
}

async function openStations(prepared) {
  const reply = await apiProcess.call(
    prepared.url,
    'GET',
    '/stations?lat=28.16&lng=113.64&radius=20000&limit=100',
  );
  if (reply.status !== 200) throw new Error(`GET /stations: ${reply.status} ${reply.text}`);
  const open = reply.body.items.filter((station) => station.status !== 'closed');
  if (open.length === 0) throw new Error('no open demo station');
  return open;
}

async function upload(prepared, worker, photo) {
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${prepared.url}/api/v1/media`, {
    method: 'POST',
    headers: apiProcess.clientHeaders(worker.token, false),
    body: form,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /media answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Check-in requests, each a fresh worker at a station it has never visited, on its poster. */
function checkinQueue(workers, stations, sign) {
  let next = 0;
  return () => {
    const worker = workers[next];
    if (!worker) throw new Error('ran out of check-in workers');
    const station = stations[next % stations.length];
    next += 1;
    return {
      method: 'POST',
      path: '/api/v1/checkins',
      headers: apiProcess.clientHeaders(worker.token),
      body: JSON.stringify({
        code: sign(station.id),
        lat: station.lat,
        lng: station.lng,
        accuracy: 20,
      }),
    };
  };
}

async function checkins(prepared, nextRequest, { rate, seconds, connections }) {
  const result = await autocannon({
    url: prepared.url,
    connections,
    overallRate: rate,
    amount: Math.round(rate * seconds),
    timeout: 10,
    requests: [{ setupRequest: (request) => ({ ...request, ...nextRequest() }) }],
  });
  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Samples a process's VmRSS every 20 ms; `stop()` gives the highest value seen. */
function sampleRss(pid) {
  let peak = apiProcess.rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, apiProcess.rssMb(pid));
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, apiProcess.rssMb(pid));
    },
  };
}
