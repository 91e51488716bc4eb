/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StationDetail, StationVisitsPage } from '@yizhan/contracts';
import { bodyOf, meResponse, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import StationAdminPage from './index';

function station(extra: Partial<StationDetail> = {}): StationDetail {
  return {
    id: 's-1',
    name: '才常广场驿站',
    brand: '奔跑者红色驿站',
    address: '浏阳市淮川街道',
    lat: 28.16,
    lng: 113.64,
    regionId: 'r1',
    status: 'open',
    amenities: ['water'],
    openNow: true,
    phone: null,
    managerName: null,
    openingHours: { weekly: [], exceptions: [] },
    timeZone: 'Asia/Shanghai',
    services: [],
    hotlines: [],
    description: null,
    geofenceRadiusM: 150,
    photos: [],
    ...extra,
  };
}

function visits(): StationVisitsPage {
  return {
    date: '2026-11-24',
    visits: 14,
    uniqueWorkers: 9,
    items: [
      {
        id: 'v1',
        createdAt: '2026-11-24T09:05:00+08:00',
        nickname: '小李',
        method: 'live',
        flags: [],
      },
      {
        id: 'v2',
        createdAt: '2026-11-24T08:40:00+08:00',
        nickname: null,
        method: 'poster',
        flags: ['impossible_travel'],
      },
    ],
    nextCursor: null,
  };
}

describe('StationAdminPage', () => {
  beforeEach(() => {
    taroFake.reset();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    session.reload();
    session.signIn(
      { accessToken: 'a', refreshToken: 'r' },
      meResponse({ roles: [{ role: 'station_manager', stationId: 's-1' }] }),
    );
    taroFake.routerParams = { id: 's-1' };
    serveRoutes({
      'GET /stations/s-1': () => ok(station()),
      'GET /stations/s-1/visits': () => ok(visits()),
      'PATCH /stations/s-1': (option) => ok(station(option.data as Partial<StationDetail>)),
    });
  });

  it("shows today's totals and visitors", async () => {
    render(<StationAdminPage />);

    expect(await screen.findByText('14')).not.toBeNull();
    expect(screen.getByText('9')).not.toBeNull();
    expect(screen.getByText('小李')).not.toBeNull();
    expect(screen.getByText('未留昵称')).not.toBeNull();
    expect(screen.getByText('存疑')).not.toBeNull();
    expect(screen.getByText('09:05')).not.toBeNull();
  });

  it('pauses the station after a confirmation, sending only the status', async () => {
    render(<StationAdminPage />);
    await screen.findByText('小李');

    fireEvent.click(screen.getByRole('button', { name: '暂停开放' }));

    await waitFor(() => expect(sentTo('PATCH /stations/s-1')).toHaveLength(1));
    expect(taroFake.modals).toHaveLength(1);
    expect(bodyOf(sentTo('PATCH /stations/s-1')[0])).toEqual({ status: 'temporarily_closed' });
    expect(await screen.findByText('暂停开放', { selector: '.status-badge' })).not.toBeNull();
  });

  it('saves the amenities chosen, sending only the amenities', async () => {
    render(<StationAdminPage />);
    await screen.findByText('小李');
    const save = screen.getByRole('button', { name: '保存设施' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '换电柜' }));
    fireEvent.click(save);

    await waitFor(() => expect(sentTo('PATCH /stations/s-1')).toHaveLength(1));
    expect(bodyOf(sentTo('PATCH /stations/s-1')[0])).toEqual({
      amenities: ['water', 'battery_swap'],
    });
  });

  it('opens the live code page', async () => {
    render(<StationAdminPage />);
    await screen.findByText('小李');

    fireEvent.click(screen.getByRole('button', { name: '打开动态签到码' }));

    expect(taroFake.navigations.at(-1)?.url).toBe(
      '/packages/station-admin/pages/live-code/index?id=s-1',
    );
  });

  it('falls back to the station the user manages when opened without an id', async () => {
    taroFake.routerParams = {};
    render(<StationAdminPage />);

    expect(await screen.findByText('才常广场驿站')).not.toBeNull();
  });
});
