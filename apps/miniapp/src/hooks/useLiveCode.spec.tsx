/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { ErrorCode, type LiveCodeResponse } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes, type RouteHandler } from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { session } from '../services/session';
import {
  LiveCodeRefresher,
  MIN_REFRESH_MS,
  RETRY_MS,
  refreshDelayMs,
  useLiveCode,
} from './useLiveCode';

let issued = 0;

function liveCode(refreshInSeconds = 30): LiveCodeResponse {
  issued += 1;
  return {
    stationId: 's-1',
    code: `YZ1.L.station.${issued}.mac`,
    qrDataUrl: `data:image/png;base64,${issued}`,
    expiresAt: new Date(Date.now() + refreshInSeconds * 1000).toISOString(),
    refreshInSeconds,
  };
}

const asked = () => sentTo('GET /stations/s-1/live-code').length;

/** Runs the timers due in `ms` and lets the answers they asked for arrive. */
async function advance(ms: number): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

function serve(handler: RouteHandler): void {
  serveRoutes({ 'GET /stations/s-1/live-code': handler });
}

describe(useLiveCode.name, () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    jest.useFakeTimers();
    taroFake.reset();
    session.reload();
    session.set({ accessToken: 'a', refreshToken: 'r' });
    process.env.TARO_ENV = 'weapp';
    issued = 0;
  });

  afterEach(() => {
    jest.useRealTimers();
    process.env.TARO_ENV = platform;
  });

  it('shows the code and asks for the next one when the server says, counting down', async () => {
    serve(() => ok(liveCode(12)));
    const { result } = renderHook(() => useLiveCode('s-1'));
    await advance(0);

    expect(result.current[0].phase).toBe('ready');
    expect(result.current[0].code?.qrDataUrl).toBe('data:image/png;base64,1');
    expect(result.current[0].secondsLeft).toBe(12);

    await advance(5_000);
    expect(result.current[0].secondsLeft).toBe(7);
    expect(asked()).toBe(1);

    await advance(7_000);
    expect(asked()).toBe(2);
    expect(result.current[0].code?.qrDataUrl).toBe('data:image/png;base64,2');
    expect(result.current[0].secondsLeft).toBe(12);
  });

  it('keeps the screen on while shown and lets it sleep when hidden or closed', async () => {
    serve(() => ok(liveCode()));
    const { unmount } = renderHook(() => useLiveCode('s-1'));
    await advance(0);
    expect(taroFake.keepScreenOn).toEqual([true]);

    act(() => taroFake.hide());
    expect(taroFake.keepScreenOn).toEqual([true, false]);

    act(() => taroFake.show());
    expect(taroFake.keepScreenOn).toEqual([true, false, true]);
    unmount();
    expect(taroFake.keepScreenOn.at(-1)).toBe(false);
  });

  it('stops refreshing while hidden and fetches a fresh code when shown again', async () => {
    serve(() => ok(liveCode(30)));
    const { result } = renderHook(() => useLiveCode('s-1'));
    await advance(0);

    act(() => taroFake.hide());
    await advance(120_000);
    expect(asked()).toBe(1);

    act(() => taroFake.show());
    await advance(0);
    expect(asked()).toBe(2);
    expect(result.current[0].code?.qrDataUrl).toBe('data:image/png;base64,2');
  });

  it('asks nothing more once the page is closed', async () => {
    serve(() => ok(liveCode(30)));
    const { unmount } = renderHook(() => useLiveCode('s-1'));
    await advance(0);

    unmount();
    await advance(120_000);

    expect(asked()).toBe(1);
  });

  it('keeps a still-valid code through a failed refresh and retries until one comes', async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      if (calls === 2 || calls === 3) return Promise.reject({ errMsg: 'request:fail timeout' });
      return ok(liveCode(30));
    });
    const { result } = renderHook(() => useLiveCode('s-1'));
    await advance(0);

    await advance(30_000);
    expect(result.current[0].phase).toBe('ready');
    expect(result.current[0].retrying).toBe(true);
    expect(result.current[0].code?.qrDataUrl).toBe('data:image/png;base64,1');

    await advance(RETRY_MS);
    expect(asked()).toBe(3);
    await advance(RETRY_MS);
    expect(asked()).toBe(4);
    expect(result.current[0].retrying).toBe(false);
    expect(result.current[0].code?.qrDataUrl).toBe('data:image/png;base64,2');
  });

  it('shows the error with 重试 when no code can be shown, and stops for a closed station', async () => {
    serve(() => fail(409, ErrorCode.CONFLICT));
    const { result } = renderHook(() => useLiveCode('s-1'));
    await advance(0);

    expect(result.current[0].phase).toBe('error');
    expect(result.current[0].error?.code).toBe(ErrorCode.CONFLICT);
    await advance(60_000);
    expect(asked()).toBe(1);

    serve(() => ok(liveCode()));
    act(() => result.current[1]());
    expect(result.current[0].phase).toBe('loading');
    await advance(0);
    expect(result.current[0].phase).toBe('ready');
  });
});

describe(refreshDelayMs.name, () => {
  it('follows refreshInSeconds, never under the minimum', () => {
    expect(refreshDelayMs({ refreshInSeconds: 17 } as LiveCodeResponse)).toBe(17_000);
    expect(refreshDelayMs({ refreshInSeconds: 0 } as LiveCodeResponse)).toBe(MIN_REFRESH_MS);
    expect(refreshDelayMs({ refreshInSeconds: Number.NaN } as LiveCodeResponse)).toBe(
      MIN_REFRESH_MS,
    );
  });
});

describe(LiveCodeRefresher.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('drops an answer that arrives after stop', async () => {
    let answer: (code: LiveCodeResponse) => void = () => undefined;
    const changes: string[] = [];
    const refresher = new LiveCodeRefresher(
      () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      (state) => changes.push(state.phase),
    );

    refresher.start();
    refresher.stop();
    answer(liveCode());
    await jest.advanceTimersByTimeAsync(60_000);

    expect(changes).toEqual([]);
    expect(refresher.getState().phase).toBe('loading');
  });
});
