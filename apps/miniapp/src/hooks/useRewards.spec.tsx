/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { ConsentKind } from '@yizhan/contracts';
import { ok, serveRoutes } from '../../test/factories';
import { pageOf, reward } from '../../test/rewards-factories';
import { taroFake } from '../../test/taro-fake';
import { setLocale } from '../i18n';
import { decideConsent, reloadConsents } from '../services/consent';
import { session } from '../services/session';
import { useRewards } from './useRewards';

function sentQuery(index: number): URLSearchParams {
  return new URL(taroFake.requests[index]?.url ?? '', 'http://client.test').searchParams;
}

describe(useRewards.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setLocale('zh-CN', false);
    serveRoutes({ 'GET /rewards': () => ok(pageOf([reward('a', { distanceM: 420 })])) });
  });

  it('starts with 附近 on for a user who agreed to location use, and sends the position', async () => {
    await decideConsent(ConsentKind.Location, true);
    taroFake.locationHandler = () => Promise.resolve({ latitude: 28.155, longitude: 113.642 });
    const { result } = renderHook(() => useRewards());

    await act(() => result.current[1].reload());

    expect(result.current[0].filters).toEqual({ nearby: true, affordable: false });
    expect(result.current[0].locationState).toBe('located');
    expect(sentQuery(0).get('lat')).toBe('28.155');
    expect(result.current[0].list.items.map((item) => item.id)).toEqual(['a']);
  });

  it('starts cheapest first, without asking for a position, when location was never agreed', async () => {
    const { result } = renderHook(() => useRewards());

    await act(() => result.current[1].reload());

    expect(result.current[0].filters.nearby).toBe(false);
    expect(result.current[0].locationState).toBe('off');
    expect(taroFake.locations).toHaveLength(0);
    expect(sentQuery(0).has('lat')).toBe(false);
  });

  it('never locates for 附近 without consent, and says it is not allowed', async () => {
    await decideConsent(ConsentKind.Location, false);
    const { result } = renderHook(() => useRewards());

    await act(() => result.current[1].setFilters({ nearby: true, affordable: false }));

    expect(result.current[0].locationState).toBe('not-allowed');
    expect(taroFake.locations).toHaveLength(0);
    expect(sentQuery(0).has('lat')).toBe(false);
  });

  it('falls back to all rewards when no position comes', async () => {
    await decideConsent(ConsentKind.Location, true);
    const { result } = renderHook(() => useRewards());

    await act(() => result.current[1].reload());

    expect(result.current[0].locationState).toBe('unavailable');
    expect(sentQuery(0).has('lat')).toBe(false);
  });

  it('asks for affordable rewards only with 积分够用', async () => {
    const { result } = renderHook(() => useRewards());

    await act(() => result.current[1].setFilters({ nearby: false, affordable: true }));

    expect(sentQuery(0).get('affordable')).toBe('true');
    expect(result.current[0].filters.affordable).toBe(true);
  });
});
