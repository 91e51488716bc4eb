import { CheckinResponse, LiveCodeResponse } from '@yizhan/contracts';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createDistrict, createUser, District } from '../support/accounts';
import { grantConsent } from '../support/checkin-flow';
import { northOf } from '../support/factories';
import { api, outcome } from '../support/http';
import { decodeQrDataUrl, decodeQrPng } from '../support/qr';
import { createRule } from '../support/points';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const NOW = new Date('2026-11-24T10:00:00+08:00');

/**
 * The printed poster and the station screen, read back by jsQR (an independent decoder, not the
 * `qrcode` library that drew them), then used to check in as a worker's phone would.
 */
describe('poster and live code → check-in', () => {
  const ctx = useTestApp();
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let liuyang: District;
  let manager: string;

  async function consentingWorker(): Promise<string> {
    const user = await createUser(app);
    await grantConsent(dataSource, user.id);
    return tokenFor(app, user);
  }

  const checkIn = (token: string, body: Record<string, unknown>) =>
    api<CheckinResponse>(app, { method: 'POST', path: '/checkins', token, body });

  beforeAll(async () => {
    app = ctx.app;
    dataSource = ctx.dataSource;
    liuyang = await createDistrict(app, '浏阳测试');
    await createRule(dataSource, { region: liuyang.district, kind: 'checkin', points: 5 });
    manager = await tokenFor(app, liuyang.staff.station_manager);
  });

  beforeEach(() => ctx.setNow(NOW));

  it('checks in with what the poster PNG decodes to, at the station and not 2 km away', async () => {
    const poster = await api(app, {
      path: `/stations/${liuyang.station.id}/poster`,
      token: manager,
    });
    expect(poster.status).toBe(200);
    const code = decodeQrPng(poster.rawPayload);
    expect(code).toMatch(/^YZ1\.P\./);

    const home = await checkIn(await consentingWorker(), {
      code,
      ...northOf(liuyang.station, 2_000),
      accuracy: 10,
    });
    expect(outcome(home)).toEqual([422, 'CHECKIN_TOO_FAR']);

    const there = await checkIn(await consentingWorker(), {
      code,
      ...northOf(liuyang.station, 20),
      accuracy: 10,
    });
    expect(there.status).toBe(201);
    expect(there.body).toMatchObject({
      pointsAwarded: 5,
      checkIn: { stationId: liuyang.station.id, method: 'poster' },
    });
  });

  it('checks in with the live code on the screen, and not after the code was rotated out', async () => {
    const live = await api<LiveCodeResponse>(app, {
      path: `/stations/${liuyang.station.id}/live-code`,
      token: manager,
    });
    const code = decodeQrDataUrl(live.body.qrDataUrl);
    expect(code).toBe(live.body.code);
    const worker = await consentingWorker();
    expect(
      (
        await checkIn(worker, {
          code,
          lat: liuyang.station.lat,
          lng: liuyang.station.lng,
          accuracy: 30,
        })
      ).status,
    ).toBe(201);

    const poster = await api(app, {
      path: `/stations/${liuyang.station.id}/poster`,
      token: manager,
    });
    const oldPoster = decodeQrPng(poster.rawPayload);
    const admin = await tokenFor(app, liuyang.staff.district_admin);
    const rotated = await api(app, {
      method: 'POST',
      path: `/stations/${liuyang.station.id}/code-rotation`,
      token: admin,
    });
    expect(rotated.status).toBe(200);
    const late = await checkIn(await consentingWorker(), {
      code: oldPoster,
      lat: liuyang.station.lat,
      lng: liuyang.station.lng,
      accuracy: 10,
    });
    expect(outcome(late)).toEqual([422, 'CHECKIN_CODE_INVALID']);
  });
});
