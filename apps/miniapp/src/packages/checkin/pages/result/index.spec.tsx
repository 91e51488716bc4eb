/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
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
} from '../../../../../test/factories';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { checkinFlow } from '../../../../services/checkin-flow';
import { reloadConsents } from '../../../../services/consent';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import CheckinResultPage from './index';

const CODE = 'YZ1.P.AAAAAAAAAAAAAAAAAAAAAA.1.BBBBBBBBBBBBBBBBBBBBBB';

function response(extra: Partial<CheckinResponse> = {}, flagged = false): CheckinResponse {
  return {
    checkIn: {
      id: 'c-1',
      stationId: 's-1',
      stationName: '才常广场驿站',
      createdAt: '2026-11-24T09:05:00+08:00',
      method: 'poster',
      distanceM: 42,
      flags: flagged ? ['impossible_travel'] : [],
      pointsAwarded: flagged ? 0 : 5,
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
      amenities: ['water', 'battery_swap'],
      openNow: true,
    },
    ...extra,
  };
}

async function checkIn(answer: RouteHandler): Promise<void> {
  serveRoutes({ 'POST /checkins': answer });
  await act(async () => {
    await checkinFlow.submit(CODE);
  });
}

describe('CheckinResultPage', () => {
  beforeEach(() => {
    taroFake.reset();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    session.reload();
    checkinFlow.reset();
    session.signIn(
      { accessToken: 'a', refreshToken: 'r' },
      meResponse({ consents: [consentRecord()] }),
    );
    taroFake.storage.set('yizhan.consent.location', {
      kind: 'location',
      version: '2026-11',
      granted: true,
      decidedAt: '2026-11-20T09:00:00+08:00',
    });
    reloadConsents();
    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.16, longitude: 113.64, accuracy: 12 });
  });

  it('shows the points, the balance and the station with its amenities', async () => {
    await checkIn(() => ok(response(), 201));
    render(<CheckinResultPage />);

    expect(screen.getByText('签到成功')).not.toBeNull();
    expect(screen.getByText('+5 积分')).not.toBeNull();
    expect(screen.getByText('当前可用积分 125')).not.toBeNull();
    expect(screen.getAllByText('才常广场驿站').length).toBeGreaterThan(0);
    expect(screen.getByText('换电柜')).not.toBeNull();
    expect(screen.getByText('营业中')).not.toBeNull();
    expect(screen.getByText('驿站海报码')).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '查看驿站' }));
    expect(taroFake.navigations.at(-1)?.url).toBe('/packages/stations/pages/detail/index?id=s-1');
  });

  it('says when the cap cut the points', async () => {
    await checkIn(() => ok(response({ pointsAwarded: 2, capped: true }), 201));
    render(<CheckinResultPage />);

    expect(screen.getByText('+2 积分')).not.toBeNull();
    expect(screen.getByText('已达签到积分上限，本次只计 2 积分')).not.toBeNull();
  });

  it('says 不计积分 and why for a flagged visit', async () => {
    await checkIn(() => ok(response({ pointsAwarded: 0 }, true), 201));
    render(<CheckinResultPage />);

    expect(screen.getByText('不计积分')).not.toBeNull();
    expect(screen.getByText(/移动速度超出了正常范围/)).not.toBeNull();
  });

  it('too far: shows the distance and retries the same scan from nearer', async () => {
    let calls = 0;
    await checkIn(() => {
      calls += 1;
      return calls === 1
        ? fail(422, ErrorCode.CHECKIN_TOO_FAR, undefined, { distanceM: 1234, allowedM: 150 })
        : ok(response(), 201);
    });
    render(<CheckinResultPage />);

    expect(screen.getByText('离驿站太远')).not.toBeNull();
    expect(screen.getByText('你距离驿站约 1.2 公里，需要在 150 米以内才能签到。')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '到驿站附近再试' }));

    expect(await screen.findByText('签到成功')).not.toBeNull();
    const keys = sentTo('POST /checkins').map(
      (option) => (bodyOf(option) as { idempotencyKey: string }).idempotencyKey,
    );
    expect(keys[1]).toBe(keys[0]);
  });

  it('inaccurate: tells to retry in the open', async () => {
    await checkIn(() =>
      fail(422, ErrorCode.CHECKIN_LOCATION_INACCURATE, undefined, {
        accuracyM: 180,
        maxAccuracyM: 100,
      }),
    );
    render(<CheckinResultPage />);

    expect(screen.getByText(/手机定位精度约 180 米，签到需要 100 米以内/)).not.toBeNull();
    expect(screen.getByRole('button', { name: '到开阔处重试' })).not.toBeNull();
  });

  it('cool-down: says when, and leads to the visits', async () => {
    await checkIn(() =>
      fail(409, ErrorCode.CHECKIN_COOLDOWN, undefined, {
        nextAllowedAt: '2026-11-24T13:05:00+08:00',
      }),
    );
    render(<CheckinResultPage />);

    expect(
      screen.getByText('你刚在这个驿站签到过，11月24日 13:05 后可以再次签到。'),
    ).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看签到记录' }));
    expect(taroFake.navigations.at(-1)?.url).toBe('/packages/checkin/pages/history/index');
  });

  it('invalid code: asks for the code on site and goes back to scanning', async () => {
    await checkIn(() => fail(422, ErrorCode.CHECKIN_CODE_INVALID));
    render(<CheckinResultPage />);

    expect(screen.getByText(/请扫描驿站现场的二维码/)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重新扫码' }));
    expect(taroFake.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/scan/index' });
  });

  it('missing consent: asks in the sheet, then sends the same scan again', async () => {
    let calls = 0;
    serveRoutes({
      'POST /checkins': () => {
        calls += 1;
        return calls <= 2 ? fail(403, ErrorCode.CONSENT_REQUIRED) : ok(response(), 201);
      },
      'POST /me/consents': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE),
    });
    await act(async () => {
      await checkinFlow.submit(CODE);
    });
    render(<CheckinResultPage />);
    expect(screen.getByText('需要位置授权')).not.toBeNull();

    serveRoutes({
      'POST /checkins': () => ok(response(), 201),
      'POST /me/consents': () => ok(consentRecord(), 201),
    });
    fireEvent.click(screen.getByRole('button', { name: '授权位置' }));
    fireEvent.click(await screen.findByRole('button', { name: '同意' }));

    expect(await screen.findByText('签到成功')).not.toBeNull();
  });

  it('says there is nothing to show when opened without a check-in', () => {
    render(<CheckinResultPage />);

    expect(screen.getByText('没有进行中的签到')).not.toBeNull();
  });

  it('shows the progress of a retry', async () => {
    await checkIn(() => Promise.reject({ errMsg: 'request:fail timeout' }));
    render(<CheckinResultPage />);
    expect(screen.getByText('签到结果未知')).not.toBeNull();
    taroFake.locationHandler = () => new Promise(() => undefined);

    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    await waitFor(() => expect(screen.getByText('定位中…')).not.toBeNull());
  });
});
