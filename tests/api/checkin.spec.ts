import { call, download, newWorker, post, staffToken } from '../support/client';
import { decodeQr } from '../support/qr';

// The few response fields this check reads (the contract's full types live in @yizhan/contracts).
interface Me {
  roles: Array<{ role: string; stationId?: string | null }>;
}
interface Station {
  id: string;
  name: string;
  lat: number;
  lng: number;
}
interface CheckinReply {
  checkIn: { id: string; stationId: string; method: string };
  pointsAwarded: number;
  balance: number;
  station: { name: string; amenities: string[] };
}
interface LiveCode {
  code: string;
  qrDataUrl: string;
}

/** A point `metres` north of a station (1° of latitude ≈ 111,195 m). */
const northOf = (station: Station, metres: number) => ({
  lat: station.lat + metres / 111_195,
  lng: station.lng,
});

/**
 * Check-in against the system as `pnpm start` runs it: the demo station manager prints the
 * poster and opens the live code; riders scan them, from the station and from home.
 */
describe('check-in (black box)', () => {
  let manager: string;
  let station: Station;

  beforeAll(async () => {
    manager = await staffToken('station_manager@liuyang');
    const me = await call<Me>('GET', '/me', { token: manager });
    const stationId = me.body.roles.find((role) => role.role === 'station_manager')?.stationId;
    station = (await call<Station>('GET', `/stations/${stationId}`)).body;
  });

  async function consentingWorker() {
    const worker = await newWorker();
    expect(
      (await post('/me/consents', { kind: 'location', version: '1' }, worker.token)).status,
    ).toBe(201);
    return worker;
  }

  it('reads the printed poster and checks in at the station, not from home', async () => {
    const poster = await download(`/stations/${station.id}/poster`, manager);
    expect([poster.status, poster.headers.get('content-type')]).toEqual([200, 'image/png']);
    const code = decodeQr(poster.bytes);

    const atHome = await consentingWorker();
    const fromHome = await post(
      '/checkins',
      { code, ...northOf(station, 3_000), accuracy: 15 },
      atHome.token,
    );
    expect([fromHome.status, (fromHome.body as { error: { code: string } }).error.code]).toEqual([
      422,
      'CHECKIN_TOO_FAR',
    ]);

    const rider = await consentingWorker();
    const visit = await post<CheckinReply>(
      '/checkins',
      { code, ...northOf(station, 30), accuracy: 20 },
      rider.token,
    );
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({
      checkIn: { stationId: station.id, method: 'poster' },
      pointsAwarded: 5,
      balance: 5,
      station: { name: station.name },
    });
    const again = await post(
      '/checkins',
      { code, ...northOf(station, 30), accuracy: 20 },
      rider.token,
    );
    expect(again.status).toBe(409);
  });

  it('takes the live code from the station screen once per rider, wherever the phone says it is', async () => {
    const live = await call<LiveCode>('GET', `/stations/${station.id}/live-code`, {
      token: manager,
    });
    expect(live.status).toBe(200);
    const code = decodeQr(Buffer.from(live.body.qrDataUrl.split(',')[1] ?? '', 'base64'));
    expect(code).toBe(live.body.code);

    const rider = await consentingWorker();
    const first = await post<CheckinReply>(
      '/checkins',
      { code, ...northOf(station, 500), accuracy: 80 },
      rider.token,
    );
    expect([first.status, first.body.checkIn.method]).toEqual([201, 'live']);
    const replay = await post(
      '/checkins',
      { code, ...northOf(station, 500), accuracy: 80 },
      rider.token,
    );
    expect([replay.status, (replay.body as { error: { code: string } }).error.code]).toEqual([
      422,
      'CHECKIN_CODE_INVALID',
    ]);
  });

  it('shows the rider their own visits only', async () => {
    const rider = await consentingWorker();
    const history = await call<{ items: unknown[] }>('GET', '/checkins', { token: rider.token });
    expect([history.status, history.body.items]).toEqual([200, []]);
  });
});
