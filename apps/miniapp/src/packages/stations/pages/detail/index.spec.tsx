/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import type { StationDetail } from '@yizhan/contracts';
import { ok, serveRoutes } from '../../../../../test/factories';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import StationDetailPage from './index';

function station(extra: Partial<StationDetail> = {}): StationDetail {
  return {
    id: 's-1',
    name: '才常广场驿站',
    brand: '奔跑者红色驿站',
    address: '浏阳市淮川街道才常广场',
    lat: 28.16,
    lng: 113.64,
    regionId: 'r1',
    status: 'temporarily_closed',
    amenities: ['water', 'battery_swap'],
    openNow: false,
    phone: '0731-83600000',
    managerName: '王站长',
    openingHours: {
      weekly: [{ day: 1, open: '08:00', close: '20:00' }],
      exceptions: [
        { date: '2099-10-01', closed: true, note: '国庆' },
        { date: '2000-01-01', closed: true, note: '早已过去' },
      ],
    },
    timeZone: 'Asia/Shanghai',
    services: ['热水', '应急药品'],
    hotlines: [{ name: '12345 政务热线', phone: '12345' }],
    description: null,
    geofenceRadiusM: 150,
    photos: [],
    ...extra,
  };
}

describe('StationDetailPage', () => {
  beforeEach(() => {
    taroFake.reset();
    setLocale('zh-CN', false);
    taroFake.routerParams = { id: 's-1' };
    serveRoutes({ 'GET /stations/s-1': () => ok(station()) });
  });

  it('shows the status, the manager and the coming exceptions in Chinese', async () => {
    render(<StationDetailPage />);

    expect(
      await screen.findByText('暂停开放', { selector: '.station-detail__status' }),
    ).not.toBeNull();
    expect(screen.getByText('王站长')).not.toBeNull();
    expect(screen.getByText('近期特殊安排')).not.toBeNull();
    expect(screen.getByText('10月1日 周四（国庆）')).not.toBeNull();
    expect(screen.queryByText(/早已过去/)).toBeNull();
    expect(screen.getByText('换电柜')).not.toBeNull();
  });

  it('calls a hotline, leads to the scan tab and copies the address', async () => {
    render(<StationDetailPage />);
    await screen.findByText('12345 政务热线');

    fireEvent.click(screen.getByText('12345 政务热线'));
    fireEvent.click(screen.getByRole('button', { name: '扫码签到' }));
    fireEvent.click(screen.getByRole('button', { name: '复制地址' }));

    await screen.findByText('12345 政务热线');
    expect(taroFake.phoneCalls).toEqual(['12345']);
    expect(taroFake.navigations).toEqual([{ kind: 'switchTab', url: '/pages/scan/index' }]);
    expect(taroFake.clipboard).toEqual(['浏阳市淮川街道才常广场']);
  });

  it('opens the map at the station (GCJ-02) on weapp', async () => {
    const platform = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      render(<StationDetailPage />);
      fireEvent.click(await screen.findByRole('button', { name: '导航' }));

      expect(taroFake.openedLocations[0]).toMatchObject({
        latitude: 28.16,
        longitude: 113.64,
        name: '才常广场驿站',
      });
    } finally {
      process.env.TARO_ENV = platform;
    }
  });
});
