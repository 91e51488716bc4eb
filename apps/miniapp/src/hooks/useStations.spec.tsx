/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { ConsentKind, ErrorCode, type Page, type StationSummary } from '@yizhan/contracts';
import { taroFake, type FakeResponse } from '../../test/taro-fake';
import { setLocale } from '../i18n';
import { decideConsent, reloadConsents } from '../services/consent';
import { session } from '../services/session';
import { useStations } from './useStations';

function station(id: string, extra: Partial<StationSummary> = {}): StationSummary {
  return {
    id,
    name: `驿站 ${id}`,
    brand: '奔跑者红色驿站',
    address: '浏阳市淮川街道',
    lat: 28.16,
    lng: 113.64,
    regionId: 'region-1',
    status: 'open',
    amenities: ['water'],
    openNow: true,
    ...extra,
  };
}

function page(items: StationSummary[], nextCursor: string | null): Promise<FakeResponse> {
  const body: Page<StationSummary> = { items, nextCursor };
  return Promise.resolve({ statusCode: 200, data: body });
}

function sentUrl(index: number): URL {
  return new URL(taroFake.requests[index]?.url ?? '', 'http://client.test');
}

describe(useStations.name, () => {
  beforeEach(async () => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setLocale('zh-CN', false);
    await decideConsent(ConsentKind.Location, true);
  });

  it('lists stations nearest first from the position it obtains', async () => {
    taroFake.locationHandler = () => Promise.resolve({ latitude: 28.155, longitude: 113.642 });
    taroFake.requestHandler = () => page([station('a', { distanceM: 350 })], null);
    const { result } = renderHook(() => useStations());

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({ phase: 'ready', locationState: 'located' });
    expect(result.current[0].items.map((item) => item.id)).toEqual(['a']);
    expect(sentUrl(0).searchParams.get('lat')).toBe('28.155');
    expect(sentUrl(0).searchParams.get('lng')).toBe('113.642');
  });

  it('falls back to the list by name when the location is denied', async () => {
    taroFake.requestHandler = () => page([station('b')], null);
    const { result } = renderHook(() => useStations());

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({ phase: 'ready', locationState: 'unavailable' });
    expect(sentUrl(0).searchParams.has('lat')).toBe(false);
  });

  it('never asks for the position without the location consent and lists by name', async () => {
    await decideConsent(ConsentKind.Location, false);
    taroFake.locationHandler = () => Promise.resolve({ latitude: 28.155, longitude: 113.642 });
    taroFake.requestHandler = () => page([station('b')], null);
    const { result } = renderHook(() => useStations());

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({ phase: 'ready', locationState: 'not-allowed' });
    expect(taroFake.locations).toHaveLength(0);
    expect(sentUrl(0).searchParams.has('lat')).toBe(false);
  });

  it('loads the next page with the cursor and stops at the end', async () => {
    taroFake.requestHandler = (option) =>
      option.url.includes('cursor=c1')
        ? page([station('b'), station('c')], null)
        : page([station('a'), station('b')], 'c1');
    const { result } = renderHook(() => useStations());
    await act(() => result.current[1].reload());

    await act(() => result.current[1].loadMore());
    await act(() => result.current[1].loadMore());

    expect(result.current[0].items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(result.current[0].nextCursor).toBeNull();
    expect(taroFake.requests).toHaveLength(2);
  });

  it('shows the error state with the contract code when the first page fails', async () => {
    taroFake.requestHandler = () =>
      Promise.resolve({
        statusCode: 503,
        data: { error: { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'db down' } },
      });
    const { result } = renderHook(() => useStations());

    await act(() => result.current[1].reload());

    expect(result.current[0].phase).toBe('error');
    expect(result.current[0].error?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('applies the filters without locating again', async () => {
    let locations = 0;
    taroFake.locationHandler = () => {
      locations += 1;
      return Promise.resolve({ latitude: 28.155, longitude: 113.642 });
    };
    taroFake.requestHandler = () => page([station('a')], null);
    const { result } = renderHook(() => useStations());
    await act(() => result.current[1].reload());

    act(() => result.current[1].setFilters({ openNow: true, amenities: ['battery_swap'] }));

    await waitFor(() => expect(taroFake.requests).toHaveLength(2));
    expect(sentUrl(1).searchParams.get('amenities')).toBe('battery_swap');
    expect(sentUrl(1).searchParams.get('openNow')).toBe('true');
    expect(locations).toBe(1);
    await waitFor(() => expect(result.current[0].filters.amenities).toEqual(['battery_swap']));
  });
});
