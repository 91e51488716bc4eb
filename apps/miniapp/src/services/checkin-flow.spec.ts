import { ErrorCode, type CheckinResponse } from '@yizhan/contracts';
import {
  bodyOf,
  consentRecord,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
  type RouteHandler,
} from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { setLocale, t } from '../i18n';
import {
  CheckinFlow,
  checkinFailureOf,
  type CheckinFailureReason,
  type CheckinPhase,
} from './checkin-flow';
import { reloadConsents } from './consent';
import { LocationUnavailableError } from './location';
import { setTokenRefresher } from './request';
import { session } from './session';

const CODE = 'YZ1.P.AAAAAAAAAAAAAAAAAAAAAA.1.BBBBBBBBBBBBBBBBBBBBBB';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function checkinResponse(extra: Partial<CheckinResponse> = {}): CheckinResponse {
  return {
    checkIn: {
      id: 'c-1',
      stationId: 's-1',
      stationName: '才常广场驿站',
      createdAt: '2026-11-24T09:05:00+08:00',
      method: 'poster',
      distanceM: 42,
      flags: [],
      pointsAwarded: 5,
    },
    pointsAwarded: 5,
    capped: false,
    balance: 125,
    station: {
      id: 's-1',
      name: '才常广场驿站',
      brand: '奔跑者红色驿站',
      address: '浏阳市淮川街道',
      status: 'open',
      amenities: ['water', 'phone_charging'],
      openNow: true,
    },
    ...extra,
  };
}

function signIn(consents = [consentRecord()]): void {
  session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse({ consents }));
}

function agreedOnThisPhone(): void {
  taroFake.storage.set('yizhan.consent.location', {
    kind: 'location',
    version: '2026-11',
    granted: true,
    decidedAt: '2026-11-20T09:00:00+08:00',
  });
  reloadConsents();
}

function checkinBodies(): Array<Record<string, unknown>> {
  return sentTo('POST /checkins').map((option) => bodyOf(option) as Record<string, unknown>);
}

function serve(checkin: RouteHandler): void {
  serveRoutes({
    'POST /checkins': checkin,
    'POST /me/consents': () => ok(consentRecord(), 201),
  });
}

describe(CheckinFlow.name, () => {
  let flow: CheckinFlow;
  let phases: CheckinPhase[];

  beforeEach(() => {
    taroFake.reset();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    session.reload();
    reloadConsents();
    signIn();
    agreedOnThisPhone();
    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.16, longitude: 113.64, accuracy: 15 });
    flow = new CheckinFlow();
    phases = [];
    flow.subscribe(() => phases.push(flow.getState().phase));
  });

  it('locates precisely, then sends the code, the position, its accuracy and a UUID key', async () => {
    serve(() => ok(checkinResponse(), 201));

    const state = await flow.submit(`  ${CODE}\n`);

    expect(state.phase).toBe('succeeded');
    expect(state.result?.pointsAwarded).toBe(5);
    expect(phases).toEqual(['locating', 'submitting', 'succeeded']);
    const [body] = checkinBodies();
    expect(body).toEqual({
      code: CODE,
      lat: 28.16,
      lng: 113.64,
      accuracy: 15,
      idempotencyKey: expect.stringMatching(UUID),
    });
    expect(taroFake.locations[0]).toMatchObject({ isHighAccuracy: true });
  });

  it('tells at once that a text is no station code, without locating or calling the API', async () => {
    const state = await flow.submit('https://example.com/menu');

    expect(state.phase).toBe('failed');
    expect(state.attempt).toBeNull();
    expect(state.failure).toMatchObject({
      reason: 'not-station-code',
      messageKey: 'checkin.fail.notStationCode',
      action: 'rescan',
    });
    expect(taroFake.locations).toHaveLength(0);
    expect(taroFake.requests).toHaveLength(0);
  });

  it('asks a signed-out user to sign in first', async () => {
    session.clear();

    const state = await flow.submit(CODE);

    expect(state.failure).toMatchObject({ reason: 'signed-out', action: 'sign-in' });
    expect(taroFake.locations).toHaveLength(0);
  });

  describe('location consent', () => {
    beforeEach(() => {
      taroFake.storage.clear();
      reloadConsents();
      signIn([]);
    });

    it('asks before locating, records the agreement on the server, then checks in', async () => {
      serve(() => ok(checkinResponse(), 201));

      const asked = await flow.submit(CODE);

      expect(asked.phase).toBe('asking-consent');
      expect(taroFake.locations).toHaveLength(0);
      expect(taroFake.requests).toHaveLength(0);

      const state = await flow.answerConsent(true);

      expect(state.phase).toBe('succeeded');
      const order = taroFake.requests.map((option) => `${option.method} ${option.url}`);
      expect(order).toEqual([
        expect.stringMatching(/^POST .*\/me\/consents$/),
        expect.stringMatching(/^POST .*\/checkins$/),
      ]);
      expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({
        kind: 'location',
        version: '2026-11',
      });
    });

    it('checks nothing in after a refusal and offers to grant it', async () => {
      serve(() => ok(checkinResponse(), 201));
      await flow.submit(CODE);

      const state = await flow.answerConsent(false);

      expect(state.failure).toMatchObject({
        reason: 'consent-refused',
        action: 'grant-consent',
        messageKey: 'checkin.fail.consentRefused',
      });
      expect(taroFake.locations).toHaveLength(0);
      expect(sentTo('POST /checkins')).toHaveLength(0);
    });

    it('records an agreement given while signed out before the check-in is sent', async () => {
      agreedOnThisPhone();
      serve(() => ok(checkinResponse(), 201));

      await flow.submit(CODE);

      expect(sentTo('POST /me/consents')).toHaveLength(1);
      expect(sentTo('POST /checkins')).toHaveLength(1);
    });

    it('records the agreement and sends once more (same key) when the server lacks it', async () => {
      // The profile is not loaded yet (a restart), so the client cannot know beforehand.
      session.reload();
      taroFake.storage.set('yizhan.session', { accessToken: 'a', refreshToken: 'r' });
      session.reload();
      agreedOnThisPhone();
      let calls = 0;
      serve(() => {
        calls += 1;
        return calls === 1 ? fail(403, ErrorCode.CONSENT_REQUIRED) : ok(checkinResponse(), 201);
      });

      const state = await flow.submit(CODE);

      expect(state.phase).toBe('succeeded');
      expect(sentTo('POST /me/consents')).toHaveLength(1);
      const [first, second] = checkinBodies();
      expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    });
  });

  it('retries the same scan with the same key, and a new scan gets a new key', async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      return calls === 1
        ? Promise.reject({ errMsg: 'request:fail timeout' })
        : ok(checkinResponse());
    });

    const lost = await flow.submit(CODE);
    expect(lost.failure).toMatchObject({ reason: 'unknown-outcome', action: 'retry' });

    const retried = await flow.retry();
    expect(retried.phase).toBe('succeeded');

    flow.reset();
    await flow.submit(CODE);

    const keys = checkinBodies().map((body) => body.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(taroFake.locations).toHaveLength(3);
  });

  it('locates again on a retry after moving closer, keeping the key', async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      return calls === 1
        ? fail(422, ErrorCode.CHECKIN_TOO_FAR, undefined, { distanceM: 850, allowedM: 150 })
        : ok(checkinResponse(), 201);
    });
    await flow.submit(CODE);
    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.1601, longitude: 113.6401, accuracy: 10 });

    await flow.retry();

    const [first, second] = checkinBodies();
    expect(second).toMatchObject({ lat: 28.1601, accuracy: 10 });
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });

  it('says the position could not be had, sends nothing, and retries the same scan', async () => {
    serve(() => ok(checkinResponse(), 201));
    taroFake.locationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });

    const state = await flow.submit(CODE);

    expect(state.failure).toMatchObject({ reason: 'location-unavailable', action: 'retry' });
    expect(sentTo('POST /checkins')).toHaveLength(0);

    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.16, longitude: 113.64, accuracy: 15 });
    await expect(flow.retry()).resolves.toMatchObject({ phase: 'succeeded' });
  });

  it('ignores a second scan while one is under way', async () => {
    let answer: (value: unknown) => void = () => undefined;
    serve(
      () =>
        new Promise((resolve) => {
          answer = () => resolve({ statusCode: 201, data: checkinResponse() });
        }),
    );

    const first = flow.submit(CODE);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = await flow.submit(CODE);
    expect(second.phase).toBe('submitting');
    answer(null);
    await first;

    expect(sentTo('POST /checkins')).toHaveLength(1);
  });

  it('forgets the check-in when the user signs out', async () => {
    const { checkinFlow } = await import('./checkin-flow');
    serve(() => ok(checkinResponse(), 201));
    await checkinFlow.submit(CODE);
    expect(checkinFlow.getState().phase).toBe('succeeded');

    session.clear();

    expect(checkinFlow.getState().phase).toBe('idle');
  });
});

describe(checkinFailureOf.name, () => {
  beforeEach(() => setLocale('zh-CN', false));

  async function refusal(status: number, code: string, details?: unknown) {
    taroFake.reset();
    session.reload();
    taroFake.storage.set('yizhan.session', { accessToken: 'a', refreshToken: 'r' });
    session.reload();
    serveRoutes({ 'POST /checkins': () => fail(status, code, undefined, details) });
    const { createCheckin } = await import('./checkins');
    try {
      await createCheckin({ code: CODE, lat: 1, lng: 1, accuracy: 1, idempotencyKey: 'k' });
    } catch (error) {
      return checkinFailureOf(error);
    }
    throw new Error('expected a refusal');
  }

  it.each<[string, number, string, unknown, CheckinFailureReason, string, string]>([
    [
      'a forged, expired or replayed code',
      422,
      ErrorCode.CHECKIN_CODE_INVALID,
      undefined,
      'code-invalid',
      'checkin.fail.codeInvalid',
      'rescan',
    ],
    [
      'too far, with the distances',
      422,
      ErrorCode.CHECKIN_TOO_FAR,
      { distanceM: 850, allowedM: 150 },
      'too-far',
      'checkin.fail.tooFar',
      'retry',
    ],
    [
      'too far, without details',
      422,
      ErrorCode.CHECKIN_TOO_FAR,
      undefined,
      'too-far',
      'checkin.fail.tooFarPlain',
      'retry',
    ],
    [
      'an inaccurate fix',
      422,
      ErrorCode.CHECKIN_LOCATION_INACCURATE,
      { accuracyM: 230.4, maxAccuracyM: 100 },
      'inaccurate',
      'checkin.fail.inaccurate',
      'retry',
    ],
    [
      'the cool-down',
      409,
      ErrorCode.CHECKIN_COOLDOWN,
      { nextAllowedAt: '2026-11-24T13:05:00+08:00' },
      'cooldown',
      'checkin.fail.cooldown',
      'history',
    ],
    [
      'a missing consent',
      403,
      ErrorCode.CONSENT_REQUIRED,
      undefined,
      'consent-required',
      'checkin.fail.consent',
      'grant-consent',
    ],
    [
      'a dead session',
      401,
      ErrorCode.UNAUTHENTICATED,
      undefined,
      'signed-out',
      'checkin.fail.signedOut',
      'sign-in',
    ],
    [
      'a server failure (the visit may be recorded)',
      503,
      ErrorCode.SERVICE_UNAVAILABLE,
      undefined,
      'unknown-outcome',
      'checkin.fail.unknown',
      'retry',
    ],
    [
      'too many tries',
      429,
      ErrorCode.RATE_LIMITED,
      undefined,
      'other',
      'checkin.fail.other',
      'retry',
    ],
    [
      'a staff account',
      403,
      ErrorCode.FORBIDDEN,
      undefined,
      'other',
      'checkin.fail.other',
      'rescan',
    ],
  ])('words %s', async (_, status, code, details, reason, messageKey, action) => {
    const failure = await refusal(status, code, details);

    expect(failure).toMatchObject({ reason, messageKey, action, code });
  });

  it('puts the distances, the accuracy and the time into the sentence', async () => {
    const tooFar = await refusal(422, ErrorCode.CHECKIN_TOO_FAR, { distanceM: 850, allowedM: 150 });
    expect(t(tooFar.messageKey, tooFar.params)).toBe(
      '你距离驿站约 850 米，需要在 150 米以内才能签到。',
    );
    expect(t(tooFar.actionKey)).toBe('到驿站附近再试');

    const inaccurate = await refusal(422, ErrorCode.CHECKIN_LOCATION_INACCURATE, {
      accuracyM: 230.4,
      maxAccuracyM: 100,
    });
    expect(t(inaccurate.messageKey, inaccurate.params)).toMatch(
      /^手机定位精度约 230 米，签到需要 100 米以内/,
    );
    expect(t(inaccurate.actionKey)).toBe('到开阔处重试');

    const cooldown = await refusal(409, ErrorCode.CHECKIN_COOLDOWN, {
      nextAllowedAt: '2026-11-24T13:05:00+08:00',
    });
    expect(t(cooldown.messageKey, cooldown.params)).toBe(
      '你刚在这个驿站签到过，11月24日 13:05 后可以再次签到。',
    );

    const invalid = await refusal(422, ErrorCode.CHECKIN_CODE_INVALID);
    expect(t(invalid.messageKey)).toContain('请扫描驿站现场的二维码');

    const replayed = await refusal(422, ErrorCode.CHECKIN_CODE_INVALID, { reason: 'replayed' });
    expect(t(replayed.messageKey)).toContain('你已经用这个动态码签到过了');
    const closed = await refusal(422, ErrorCode.CHECKIN_CODE_INVALID, {
      reason: 'station_closed',
    });
    expect(t(closed.messageKey)).toBe('这个驿站已关闭，暂不接受签到。');
  });

  it('words a failed position as a location problem', () => {
    expect(checkinFailureOf(new LocationUnavailableError('timeout')).reason).toBe(
      'location-unavailable',
    );
  });
});
