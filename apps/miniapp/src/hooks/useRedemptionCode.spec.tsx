/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { ok, sentTo, serveRoutes } from '../../test/factories';
import { redemption } from '../../test/rewards-factories';
import { taroFake } from '../../test/taro-fake';
import { CODE_POLL_MS, useRedemptionCode } from './useRedemptionCode';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]).buffer;
const NOW = new Date('2026-11-24T10:00:00+08:00');

describe(useRedemptionCode.name, () => {
  beforeEach(() => {
    taroFake.reset();
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask'] });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts down to the expiry and shows the code expired when time runs out', async () => {
    const expiresAt = new Date(NOW.getTime() + 90_000).toISOString();
    serveRoutes({
      'GET /redemptions/r1': () => ok(redemption('r1', { expiresAt })),
      'GET /redemptions/r1/qr': () => ok(PNG),
    });
    const { result } = renderHook(() => useRedemptionCode('r1'));

    await waitFor(() => expect(result.current[0].secondsLeft).toBe(90));
    expect(result.current[0].status).toBe('issued');

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(result.current[0].secondsLeft).toBe(60);

    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(result.current[0].secondsLeft).toBe(0);
    expect(result.current[0].status).toBe('expired');
  });

  it('loads the QR of an issued code as a data URL', async () => {
    serveRoutes({
      'GET /redemptions/r1': () => ok(redemption('r1')),
      'GET /redemptions/r1/qr': () => ok(PNG),
    });
    const { result } = renderHook(() => useRedemptionCode('r1'));

    await waitFor(() =>
      expect(result.current[0].qr).toEqual({
        phase: 'ready',
        data: 'data:image/png;base64,iVBORw==',
      }),
    );
  });

  it('does not fetch a QR for a code that can no longer be used', async () => {
    serveRoutes({
      'GET /redemptions/r1': () =>
        ok(redemption('r1', { status: 'fulfilled', fulfilledAt: NOW.toISOString() })),
    });
    const { result } = renderHook(() => useRedemptionCode('r1'));

    await waitFor(() => expect(result.current[0].status).toBe('fulfilled'));
    expect(sentTo('GET /redemptions/r1/qr')).toHaveLength(0);
  });

  it('polls while shown and turns to fulfilled once the counter has used the code', async () => {
    let used = false;
    serveRoutes({
      'GET /redemptions/r1': () =>
        ok(
          used
            ? redemption('r1', { status: 'fulfilled', fulfilledAt: NOW.toISOString() })
            : redemption('r1'),
        ),
      'GET /redemptions/r1/qr': () => ok(PNG),
    });
    const { result } = renderHook(() => useRedemptionCode('r1'));
    await waitFor(() => expect(result.current[0].status).toBe('issued'));

    used = true;
    await act(async () => {
      jest.advanceTimersByTime(CODE_POLL_MS);
    });

    await waitFor(() => expect(result.current[0].status).toBe('fulfilled'));
    const polls = sentTo('GET /redemptions/r1').length;
    await act(async () => {
      jest.advanceTimersByTime(CODE_POLL_MS * 3);
    });
    // A used code is final: the poll stops.
    expect(sentTo('GET /redemptions/r1')).toHaveLength(polls);
  });

  it('does not poll while the page is hidden', async () => {
    serveRoutes({
      'GET /redemptions/r1': () => ok(redemption('r1')),
      'GET /redemptions/r1/qr': () => ok(PNG),
    });
    const { result } = renderHook(() => useRedemptionCode('r1'));
    await waitFor(() => expect(result.current[0].status).toBe('issued'));

    act(() => taroFake.hide());
    const before = sentTo('GET /redemptions/r1').length;
    await act(async () => {
      jest.advanceTimersByTime(CODE_POLL_MS * 3);
    });

    expect(sentTo('GET /redemptions/r1')).toHaveLength(before);
  });
});
