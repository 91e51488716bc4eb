/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type CheckinResponse } from '@yizhan/contracts';
import { consentRecord, fail, meResponse, ok, sentTo, serveRoutes } from '../../../test/factories';
import { taroFake } from '../../../test/taro-fake';
import { setLocale } from '../../i18n';
import { checkinFlow } from '../../services/checkin-flow';
import { reloadConsents } from '../../services/consent';
import { setTokenRefresher } from '../../services/request';
import { session } from '../../services/session';
import ScanPage from './index';

const CODE = 'YZ1.L.AAAAAAAAAAAAAAAAAAAAAA.2x9.BBBBBBBBBBBBBBBBBBBBBB';

function response(): CheckinResponse {
  return {
    checkIn: {
      id: 'c-1',
      stationId: 's-1',
      stationName: '才常广场驿站',
      createdAt: '2026-11-24T09:05:00+08:00',
      method: 'live',
      distanceM: 20,
      flags: [],
      pointsAwarded: 5,
    },
    pointsAwarded: 5,
    capped: false,
    balance: 105,
    station: {
      id: 's-1',
      name: '才常广场驿站',
      brand: '',
      address: '浏阳市淮川街道',
      status: 'open',
      amenities: [],
      openNow: true,
    },
  };
}

const codeInput = () => screen.getByPlaceholderText('输入签到码');

describe('ScanPage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    session.reload();
    reloadConsents();
    checkinFlow.reset();
    session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse());
    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.16, longitude: 113.64, accuracy: 12 });
    serveRoutes({
      'POST /checkins': () => ok(response(), 201),
      'POST /me/consents': () => ok(consentRecord(), 201),
    });
    process.env.TARO_ENV = 'h5';
  });

  afterAll(() => {
    process.env.TARO_ENV = platform;
  });

  it('H5: takes a typed code, asks for consent, checks in and opens the result', async () => {
    render(<ScanPage />);
    expect(screen.queryByText('扫一扫签到')).toBeNull();

    fireEvent.change(codeInput(), { target: { value: CODE } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));

    await screen.findByText('位置信息授权');
    fireEvent.click(screen.getByRole('button', { name: '同意' }));

    await waitFor(() =>
      expect(taroFake.navigations).toEqual([
        { kind: 'navigateTo', url: '/packages/checkin/pages/result/index' },
      ]),
    );
    expect(sentTo('POST /me/consents')).toHaveLength(1);
    expect(sentTo('POST /checkins')).toHaveLength(1);
    expect(checkinFlow.getState().phase).toBe('succeeded');
  });

  it('says a text is no station code right here, without calling the API', async () => {
    render(<ScanPage />);

    fireEvent.change(codeInput(), { target: { value: '1234 5678 9012' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));

    expect(await screen.findByText(/这不是驿站的签到码/)).not.toBeNull();
    expect(taroFake.requests).toHaveLength(0);
    expect(taroFake.navigations).toHaveLength(0);
  });

  it('asks for a code before sending an empty field', () => {
    render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '签到' }));

    expect(screen.getByText('请输入签到码')).not.toBeNull();
  });

  it('opens the result page for a refusal too', async () => {
    serveRoutes({
      'POST /checkins': () =>
        fail(422, ErrorCode.CHECKIN_LOCATION_INACCURATE, undefined, {
          accuracyM: 300,
          maxAccuracyM: 100,
        }),
    });
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
    render(<ScanPage />);

    fireEvent.change(codeInput(), { target: { value: CODE } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));

    await waitFor(() => expect(taroFake.navigations).toHaveLength(1));
    expect(checkinFlow.getState().failure?.reason).toBe('inaccurate');
  });

  it('weapp: scans with the camera only, for QR codes', async () => {
    process.env.TARO_ENV = 'weapp';
    taroFake.scanHandler = () => Promise.resolve({ result: 'not ours', errMsg: 'scanCode:ok' });
    render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫一扫签到' }));

    expect(await screen.findByText(/这不是驿站的签到码/)).not.toBeNull();
    expect(taroFake.scans).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    // The typed code is one tap away on weapp too.
    fireEvent.click(screen.getByText('扫不出来？输入签到码'));
    expect(codeInput()).not.toBeNull();
  });

  it('offers to sign in when signed out', async () => {
    session.clear();
    render(<ScanPage />);

    expect(screen.getByText('登录后才能签到和获得积分')).not.toBeNull();
    fireEvent.change(codeInput(), { target: { value: CODE } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));

    expect(await screen.findByText('登录后才能签到，请先登录。')).not.toBeNull();
    act(() => {
      fireEvent.click(screen.getAllByRole('button', { name: '去登录' })[1] as HTMLElement);
    });
    expect(taroFake.navigations.at(-1)?.url).toBe('/packages/account/pages/login/index');
  });
});
