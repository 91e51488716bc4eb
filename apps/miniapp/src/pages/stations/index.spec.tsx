/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Page, StationSummary } from '@yizhan/contracts';
import {
  bodyOf,
  consentRecord,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
} from '../../../test/factories';
import { taroFake } from '../../../test/taro-fake';
import { setLocale } from '../../i18n';
import { decideConsent, localDecision, reloadConsents } from '../../services/consent';
import { setTokenRefresher } from '../../services/request';
import { session } from '../../services/session';
import StationsPage from './index';

const RIDER = { latitude: 28.155, longitude: 113.642 };

function stations(): Page<StationSummary> {
  return {
    items: [
      {
        id: 'a',
        name: '才常广场驿站',
        brand: '奔跑者红色驿站',
        address: '浏阳市淮川街道',
        lat: 28.16,
        lng: 113.64,
        regionId: 'r1',
        status: 'open',
        amenities: ['water'],
        openNow: true,
      },
    ],
    nextCursor: null,
  };
}

function stationRequests(): URL[] {
  return sentTo('GET /stations').map((option) => new URL(option.url, 'http://client.test'));
}

/** The sheet's question; its buttons are 同意 and 拒绝. */
const sheetTitle = () => screen.queryByText('位置信息授权');

describe('StationsPage location consent', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    taroFake.locationHandler = () => Promise.resolve(RIDER);
    serveRoutes({
      'GET /stations': () => ok(stations()),
      'POST /me/consents': () => ok(consentRecord(), 201),
    });
  });

  it('asks before the first location use and neither locates nor lists meanwhile', () => {
    render(<StationsPage />);

    expect(sheetTitle()).not.toBeNull();
    expect(screen.getByText(/查找离你最近的驿站/)).not.toBeNull();
    expect(screen.getByText(/签到需核实你在驿站附近，报事需标明事发地点/)).not.toBeNull();
    expect(taroFake.locations).toHaveLength(0);
    expect(taroFake.requests).toHaveLength(0);
  });

  it('locates and lists nearest first once the user taps 同意', async () => {
    render(<StationsPage />);

    fireEvent.click(screen.getByRole('button', { name: '同意' }));

    expect(await screen.findByText('才常广场驿站')).not.toBeNull();
    expect(sheetTitle()).toBeNull();
    expect(taroFake.locations).toHaveLength(1);
    expect(stationRequests()[0]?.searchParams.has('lat')).toBe(true);
    expect(localDecision('location')?.granted).toBe(true);
    expect(taroFake.requests.filter((option) => option.url.includes('/me/'))).toHaveLength(0);
  });

  it('records the agreement on the account when signed in', async () => {
    session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse());
    render(<StationsPage />);

    fireEvent.click(screen.getByRole('button', { name: '同意' }));

    await waitFor(() => expect(sentTo('POST /me/consents')).toHaveLength(1));
    expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({
      kind: 'location',
      version: '2026-11',
    });
  });

  it('lists by name after 拒绝, never locating, and lets the user change their mind', async () => {
    render(<StationsPage />);

    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));

    expect(await screen.findByText('才常广场驿站')).not.toBeNull();
    expect(screen.getByText('你未授权使用位置信息，已按名称排列驿站。')).not.toBeNull();
    expect(taroFake.locations).toHaveLength(0);
    expect(stationRequests()[0]?.searchParams.has('lat')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '授权位置' }));
    expect(sheetTitle()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '同意' }));

    await waitFor(() => expect(taroFake.locations).toHaveLength(1));
    await waitFor(() => expect(stationRequests().at(-1)?.searchParams.has('lat')).toBe(true));
  });

  it('does not ask again once decided for this version', async () => {
    await decideConsent('location', true);
    render(<StationsPage />);

    expect(await screen.findByText('才常广场驿站')).not.toBeNull();
    expect(sheetTitle()).toBeNull();
    expect(taroFake.locations).toHaveLength(1);

    act(() => taroFake.show());
    await waitFor(() => expect(taroFake.locations).toHaveLength(2));
    expect(sheetTitle()).toBeNull();
  });

  it('asks again when the privacy text has a new version', () => {
    taroFake.storage.set('yizhan.consent.location', {
      kind: 'location',
      version: '2024-06',
      granted: true,
      decidedAt: '2024-06-01T00:00:00Z',
    });
    render(<StationsPage />);

    expect(sheetTitle()).not.toBeNull();
  });
});

describe('StationsPage filters and map', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(async () => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    taroFake.locationHandler = () => Promise.resolve(RIDER);
    serveRoutes({ 'GET /stations': () => ok(stations()) });
    await decideConsent('location', true);
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('filters by a common amenity in one tap, and by others through 更多', async () => {
    render(<StationsPage />);
    await screen.findByText('才常广场驿站');

    fireEvent.click(screen.getByRole('button', { name: '换电柜' }));
    await waitFor(() =>
      expect(stationRequests().at(-1)?.searchParams.get('amenities')).toBe('battery_swap'),
    );

    fireEvent.click(screen.getByRole('button', { name: '更多' }));
    fireEvent.click(screen.getByRole('button', { name: '淋浴间' }));
    fireEvent.click(screen.getByRole('button', { name: '完成' }));

    await waitFor(() =>
      expect(stationRequests().at(-1)?.searchParams.get('amenities')).toBe('battery_swap,shower'),
    );
    expect(screen.getByRole('button', { name: '更多 1' })).not.toBeNull();
    expect(taroFake.locations).toHaveLength(1);
  });

  it('weapp: shows the listed stations on a map, and a marker opens the station', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<StationsPage />);
    await screen.findByText('才常广场驿站');

    fireEvent.click(screen.getByRole('button', { name: '地图' }));
    fireEvent.click(screen.getByText('才常广场驿站', { selector: '.map-marker' }));

    expect(taroFake.navigations).toEqual([
      { kind: 'navigateTo', url: '/packages/stations/pages/detail/index?id=a' },
    ]);
  });

  it('H5: keeps the list alone, with no map toggle', async () => {
    process.env.TARO_ENV = 'h5';
    render(<StationsPage />);
    await screen.findByText('才常广场驿站');

    expect(screen.queryByRole('button', { name: '地图' })).toBeNull();
  });
});
