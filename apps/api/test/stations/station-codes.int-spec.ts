import { CodeRotationResponse, LiveCodeResponse } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { parseStationCode } from '../../src/modules/stations/station-code';
import { StationCodes } from '../../src/modules/stations/station-codes';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { StationsController } from '../../src/modules/stations/stations.controller';
import { createDistrict, createUser, District } from '../support/accounts';
import { createStation } from '../support/factories';
import { api, outcome } from '../support/http';
import { decodeQrDataUrl, decodeQrPng, pngSize } from '../support/qr';
import { counterStaff, tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Ten seconds into a 30-second live-code step (Tuesday 2026-11-24 10:00:10 in Beijing). */
const NOW = new Date('2026-11-24T10:00:10+08:00');
const LIUYANG = { lat: 28.16, lng: 113.64 };
const HANYANG = { lat: 30.55, lng: 114.25 };

describe(`${StationsController.name}: station codes, live code and poster (integration)`, () => {
  const ctx = useTestApp();
  let codes: StationCodes;
  let liuyang: District;
  let hanyang: District;
  let admin = '';
  let hanyangAdmin = '';
  let worker = '';
  let handler = '';

  beforeAll(async () => {
    ctx.setNow(NOW);
    codes = ctx.app.get(StationCodes);
    liuyang = await createDistrict(ctx.app, 'liuyang', LIUYANG);
    hanyang = await createDistrict(ctx.app, 'hanyang', HANYANG);
    admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
    hanyangAdmin = await tokenFor(ctx.app, hanyang.staff.district_admin);
    worker = await tokenFor(ctx.app, await createUser(ctx.app));
    handler = await tokenFor(ctx.app, liuyang.staff.handler);
  });

  const rowOf = (id: string) => ctx.dataSource.getRepository(StationEntity).findOneByOrFail({ id });
  const newStation = (input: Partial<Parameters<typeof createStation>[1]> = {}) =>
    createStation(ctx.dataSource, { region: liuyang.street, ...LIUYANG, ...input });
  const managerOf = (station: StationEntity) => counterStaff(ctx.app, { station });
  const rotate = (token: string, id: string) =>
    api<CodeRotationResponse>(ctx.app, {
      method: 'POST',
      path: `/stations/${id}/code-rotation`,
      token,
    });
  const liveCode = (token: string | undefined, id: string) =>
    api<LiveCodeResponse>(ctx.app, { path: `/stations/${id}/live-code`, token });
  const poster = async (token: string | undefined, id: string) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/stations/${id}/poster`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      png: response.rawPayload,
      code: response.headers['content-type'] === 'image/png' ? null : response.json().error?.code,
    };
  };
  /** Whether `text` is a genuine, current code of the station as it is stored now. */
  const validates = async (text: string | null, stationId: string) => {
    const parsed = text === null ? null : parseStationCode(text);
    return parsed !== null && codes.isValid(parsed, await rowOf(stationId));
  };

  describe('GET /stations/:id/poster', () => {
    it('is an A4 PNG whose QR code carries the station’s current poster code', async () => {
      const station = await newStation({ name: '才常广场商圈“奔跑者”红色驿站' });

      const response = await poster(admin, station.id);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-disposition']).toBe(
        `inline; filename="station-${station.id}-poster.png"`,
      );
      expect(response.headers['cache-control']).toBe('no-store');
      expect(pngSize(response.png)).toEqual({ width: 1240, height: 1754 });
      const text = decodeQrPng(response.png);
      expect(parseStationCode(text ?? '')).toMatchObject({
        method: 'poster',
        stationId: station.id,
        counter: 1,
      });
      expect(text).toBe(codes.posterCode(await rowOf(station.id)));
      expect(await validates(text, station.id)).toBe(true);
    });

    it('is printed for the station’s own manager too', async () => {
      const station = await newStation();

      const response = await poster(await managerOf(station), station.id);

      expect(response.status).toBe(200);
      expect(await validates(decodeQrPng(response.png), station.id)).toBe(true);
    });

    it('survives a very long name, emoji and markup in the station’s texts', async () => {
      const station = await newStation({
        name: `${'很长的驿站名字'.repeat(14)}🚴‍♂️👩‍👩‍👧`.slice(0, 100),
        address: `</text><script>alert("x")</script> & 'quotes' ${'地址'.repeat(100)}`.slice(
          0,
          255,
        ),
      });

      const response = await poster(admin, station.id);

      expect(response.status).toBe(200);
      expect(await validates(decodeQrPng(response.png), station.id)).toBe(true);
    });

    it('answers 404 to another district’s admin and another station’s manager', async () => {
      const station = await newStation();
      const otherManager = await managerOf(await newStation());

      expect((await poster(hanyangAdmin, station.id)).code).toBe('NOT_FOUND');
      expect((await poster(otherManager, station.id)).status).toBe(404);
      expect((await poster(admin, hanyang.station.id)).status).toBe(404);
      expect((await poster(admin, randomUUID())).status).toBe(404);
    });

    it('refuses a worker and a handler with 403, and a caller without a token with 401', async () => {
      const station = await newStation();

      expect(await poster(worker, station.id)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(await poster(handler, station.id)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(await poster(undefined, station.id)).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    });
  });

  describe('POST /stations/:id/code-rotation', () => {
    it('retires the printed poster: its code stops validating, the new poster’s does', async () => {
      const station = await newStation();
      const printed = decodeQrPng((await poster(admin, station.id)).png);
      expect(await validates(printed, station.id)).toBe(true);

      const response = await rotate(admin, station.id);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ stationId: station.id, codeVersion: 2 });
      expect(await validates(printed, station.id)).toBe(false);
      const reprinted = decodeQrPng((await poster(admin, station.id)).png);
      expect(reprinted).not.toBe(printed);
      expect(await validates(reprinted, station.id)).toBe(true);
      const audit = await ctx.dataSource
        .getRepository(AuditEntryEntity)
        .findBy({ action: 'station.code_rotation', targetId: station.id });
      expect(audit).toEqual([
        expect.objectContaining({
          actorId: liuyang.staff.district_admin.id,
          before: { codeVersion: 1 },
          after: { codeVersion: 2 },
        }),
      ]);
    });

    it('counts every rotation, even sent at once', async () => {
      const station = await newStation();

      const responses = await Promise.all([1, 2, 3, 4].map(() => rotate(admin, station.id)));

      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      expect(responses.map((response) => response.body.codeVersion).sort((a, b) => a - b)).toEqual([
        2, 3, 4, 5,
      ]);
      expect((await rowOf(station.id)).codeVersion).toBe(5);
    });

    it('refuses the station’s manager, a handler and a worker with 403, changing nothing', async () => {
      const station = await newStation();
      const manager = await managerOf(station);

      for (const token of [manager, handler, worker]) {
        expect(outcome(await rotate(token, station.id))).toEqual([403, 'FORBIDDEN']);
      }
      expect((await rowOf(station.id)).codeVersion).toBe(1);
    });

    it('answers 404 to another district’s admin, changing nothing', async () => {
      const station = await newStation();

      expect(outcome(await rotate(hanyangAdmin, station.id))).toEqual([404, 'NOT_FOUND']);
      expect(outcome(await rotate(admin, hanyang.station.id))).toEqual([404, 'NOT_FOUND']);
      expect(outcome(await rotate(admin, 'not-a-station'))).toEqual([404, 'NOT_FOUND']);
      expect((await rowOf(station.id)).codeVersion).toBe(1);
      expect((await rowOf(hanyang.station.id)).codeVersion).toBe(1);
    });
  });

  describe('GET /stations/:id/live-code', () => {
    it('gives the manager the current rotating code as text and as a QR image, not to be cached', async () => {
      const station = await newStation();

      const response = await liveCode(await managerOf(station), station.id);

      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({
        stationId: station.id,
        code: codes.liveCode(station).code,
        qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        expiresAt: '2026-11-24T02:00:30.000Z',
        refreshInSeconds: 20,
      });
      expect(decodeQrDataUrl(response.body.qrDataUrl)).toBe(response.body.code);
      expect(parseStationCode(response.body.code)).toMatchObject({
        method: 'live',
        stationId: station.id,
      });
      expect(await validates(response.body.code, station.id)).toBe(true);
    });

    it('asks to refresh in at least a second at the very end of a step', async () => {
      const station = await newStation();
      ctx.setNow(new Date('2026-11-24T02:00:29.999Z'));
      try {
        const response = await liveCode(admin, station.id);

        expect(response.body).toMatchObject({
          expiresAt: '2026-11-24T02:00:30.000Z',
          refreshInSeconds: 1,
        });
      } finally {
        ctx.setNow(NOW);
      }
    });

    it('changes with a rotation: the earlier generation’s live code stops validating', async () => {
      const station = await newStation();
      const before = (await liveCode(admin, station.id)).body.code;

      await rotate(admin, station.id);
      const after = (await liveCode(admin, station.id)).body.code;

      expect(after).not.toBe(before);
      expect(await validates(before, station.id)).toBe(false);
      expect(await validates(after, station.id)).toBe(true);
    });

    it('is shown at a temporarily closed station, and refused with 409 at a closed one', async () => {
      const paused = await newStation({ status: 'temporarily_closed' });
      const closed = await newStation({ status: 'closed' });

      expect((await liveCode(admin, paused.id)).status).toBe(200);
      const refused = await liveCode(admin, closed.id);
      expect(outcome(refused)).toEqual([409, 'CONFLICT']);
      expect(refused.text).toContain('closed');
    });

    it('answers 404 outside the caller’s stations and 403 to roles that run none', async () => {
      const station = await newStation();
      const otherManager = await managerOf(await newStation());

      expect(outcome(await liveCode(hanyangAdmin, station.id))).toEqual([404, 'NOT_FOUND']);
      expect(outcome(await liveCode(otherManager, station.id))).toEqual([404, 'NOT_FOUND']);
      expect(outcome(await liveCode(worker, station.id))).toEqual([403, 'FORBIDDEN']);
      expect(outcome(await liveCode(handler, station.id))).toEqual([403, 'FORBIDDEN']);
      expect(outcome(await liveCode(undefined, station.id))).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  it('documents every station route in the OpenAPI document, the poster as a PNG', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs-json' });
    const document = response.json() as {
      paths: Record<
        string,
        Record<string, { summary?: string; responses: Record<string, { content?: object }> }>
      >;
    };
    const path = (suffix: string) => document.paths[`/api/v1/stations${suffix}`] ?? {};

    expect(Object.keys(path(''))).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(path('/{id}'))).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(path('/{id}/code-rotation').post?.responses).toHaveProperty('200');
    expect(path('/{id}/live-code').get?.responses).toHaveProperty('409');
    expect(path('/{id}/poster').get?.responses['200']?.content).toEqual({
      'image/png': { schema: { type: 'string', format: 'binary' } },
    });
    // Its errors are JSON envelopes like every other route's.
    expect(Object.keys(path('/{id}/poster').get?.responses['404']?.content ?? {})).toEqual([
      'application/json',
    ]);
    for (const [route, operations] of Object.entries(document.paths)) {
      if (!route.startsWith('/api/v1/stations')) continue;
      for (const operation of Object.values(operations)) expect(operation.summary).toBeTruthy();
    }
  });
});
