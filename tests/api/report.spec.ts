import { PNG } from 'pngjs';
import { randomUUID } from 'node:crypto';
import { call, clientHeaders, newWorker, post, staffToken } from '../support/client';
import { api, system } from '../support/system';

// The few response fields this check reads (the contract's full types live in @yizhan/contracts).
interface Media {
  id: string;
  url: string;
  thumbUrl: string;
}
interface Category {
  code: string;
  name: string;
}
interface Report {
  id: string;
  status: string;
  category: string;
  photos: Media[];
  points: { amount: number; status: string } | null;
  timeline: Array<{ action: string; actorRole: string }>;
  allowedActions: string[];
}
interface Station {
  id: string;
  lat: number;
  lng: number;
}

/** A small picture with some structure (a gradient), as PNG bytes. */
function picture(seed: number): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const at = (y * png.width + x) * 4;
      png.data[at] = (x * 4 + seed * 40) % 256;
      png.data[at + 1] = (y * 5 + seed * 70) % 256;
      png.data[at + 2] = ((x + y) * 3) % 256;
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

async function upload(token: string, bytes: Buffer, name: string) {
  const form = new FormData();
  // A Buffer may sit on a SharedArrayBuffer, which Blob's types refuse: copy it into a plain one.
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  const headers = clientHeaders(token);
  delete headers['content-type'];
  const response = await fetch(api('/media'), { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as Media };
}

/**
 * A rider reports a tilted guardrail with two photos against the system as `pnpm start` runs
 * it; the Liuyang handler accepts, dispatches and resolves it; Hanyang's handler cannot see it.
 */
describe('reports (black box)', () => {
  let station: Station;

  beforeAll(async () => {
    // The demo station nearest the centre of 浏阳.
    const list = await call<{ items: Station[] }>('GET', '/stations?lat=28.16&lng=113.64&limit=1');
    const found = list.body.items[0];
    if (!found) throw new Error('No Liuyang demo station');
    station = found;
  });

  it('files, handles and pays a report, and keeps it from the other district', async () => {
    const worker = await newWorker();
    for (const kind of ['location', 'photos']) {
      expect((await post('/me/consents', { kind, version: '1' }, worker.token)).status).toBe(201);
    }
    const categories = await call<Category[]>(
      'GET',
      `/report-categories?lat=${station.lat}&lng=${station.lng}`,
      { token: worker.token },
    );
    expect(categories.body.map((c) => c.name)).toContain('护栏/设施损坏');

    const photos = [
      await upload(worker.token, picture(1), 'IMG_0001.png'),
      await upload(worker.token, picture(2), '../../etc/passwd.png'),
    ];
    expect(photos.map((p) => p.status)).toEqual([201, 201]);
    const signed = await fetch(`${system().apiOrigin}${photos[0].body.url}`);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('image/jpeg');
    const tampered = await fetch(
      `${system().apiOrigin}${photos[0].body.url.replace(/sig=./, 'sig=x')}`,
    );
    expect(tampered.status).toBe(404);

    const body = {
      clientRequestId: randomUUID(),
      category: 'facility_damage',
      description: '桥上护栏倾斜，电动车经过容易刮到',
      lat: station.lat + 0.001,
      lng: station.lng,
      address: '浏阳河大桥北侧',
      mediaIds: photos.map((p) => p.body.id),
    };
    const filed = await post<Report>('/reports', body, worker.token);
    expect(filed.status).toBe(201);
    expect(filed.body.photos).toHaveLength(2);
    const retried = await post<Report>('/reports', body, worker.token);
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(filed.body.id);

    const stranger = await staffToken('handler@hanyang');
    expect((await call('GET', `/reports/${filed.body.id}`, { token: stranger })).status).toBe(404);
    expect((await post(`/reports/${filed.body.id}/accept`, {}, stranger)).status).toBe(404);

    const handler = await staffToken('handler@liuyang');
    const queue = await call<{ items: Array<{ id: string }> }>('GET', '/reports?limit=100', {
      token: handler,
    });
    expect(queue.body.items.map((item) => item.id)).toContain(filed.body.id);
    expect(
      (await post(`/reports/${filed.body.id}/accept`, { note: '已收到' }, handler)).status,
    ).toBe(200);
    const departments = await call<Array<{ id: string; name: string }>>('GET', '/departments', {
      token: handler,
    });
    const cityDepartment = departments.body.find((d) => d.name.includes('城市管理'));
    expect(cityDepartment).toBeDefined();
    expect(
      (
        await post(
          `/reports/${filed.body.id}/dispatch`,
          { departmentId: cityDepartment?.id },
          handler,
        )
      ).status,
    ).toBe(200);
    // The handler's photo needs their own consent too: granted here, not left over from the
    // browser test in which handler@liuyang agrees in the resolve sheet (that ran first until
    // the journeys moved, and this test failed when it ran first).
    expect((await post('/me/consents', { kind: 'photos', version: '1' }, handler)).status).toBe(
      201,
    );
    const fix = await upload(handler, picture(3), 'fixed.png');
    expect(fix.status).toBe(201);
    const resolved = await post<Report>(
      `/reports/${filed.body.id}/resolve`,
      { note: '护栏已扶正加固', mediaIds: [fix.body.id] },
      handler,
    );
    expect(resolved.status).toBe(200);
    expect(
      (await post(`/reports/${filed.body.id}/reject`, { reason: '晚了' }, handler)).status,
    ).toBe(409);

    const seen = await call<Report>('GET', `/reports/${filed.body.id}`, { token: worker.token });
    expect(seen.body.timeline.map((step) => step.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'resolve',
    ]);
    expect(seen.body.points).toEqual({ amount: 20, status: 'posted' });
    const balance = await call<{ balance: number }>('GET', '/points/balance', {
      token: worker.token,
    });
    expect(balance.body.balance).toBe(20);
    const notices = await call<{ items: unknown[]; unread: number }>('GET', '/notifications', {
      token: worker.token,
    });
    expect(notices.body.unread).toBe(3);
  });
});
