/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { taroFake } from '../../test/taro-fake';
import { setLocale } from '../i18n';
import { ApiError, ClientErrorCode } from '../services/api-error';
import { useResource } from './useResource';

describe(useResource.name, () => {
  beforeEach(() => {
    taroFake.reset();
    setLocale('zh-CN', false);
  });

  it('loads on reload and shows the data', async () => {
    const { result } = renderHook(() => useResource(() => Promise.resolve({ balance: 5 })));
    expect(result.current[0].phase).toBe('loading');

    await act(() => result.current[1].reload());

    expect(result.current[0]).toEqual({ phase: 'ready', data: { balance: 5 } });
  });

  it('turns a thrown value that is not an ApiError into one', async () => {
    const { result } = renderHook(() => useResource(() => Promise.reject(new Error('boom'))));

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({
      phase: 'error',
      error: { code: ClientErrorCode.UnknownError },
    });
  });

  it('keeps the shown data when a refresh fails, with a Chinese toast', async () => {
    let calls = 0;
    const { result } = renderHook(() =>
      useResource(() => {
        calls += 1;
        return calls === 1
          ? Promise.resolve('first')
          : Promise.reject(
              new ApiError({ code: ClientErrorCode.NetworkError, status: 0, message: 'x' }),
            );
      }),
    );
    await act(() => result.current[1].reload());

    await act(() => result.current[1].reload());

    expect(result.current[0]).toEqual({ phase: 'ready', data: 'first' });
    expect(taroFake.toasts).toEqual(['网络不给力，请检查网络后重试']);
  });

  it('lets a replaced copy win over a reload still under way', async () => {
    let answer: (value: string) => void = () => undefined;
    const { result } = renderHook(() =>
      useResource(
        () =>
          new Promise<string>((resolve) => {
            answer = resolve;
          }),
      ),
    );
    let pending: Promise<void> = Promise.resolve();
    act(() => {
      pending = result.current[1].reload();
    });

    act(() => result.current[1].replace('from the cancel'));
    await act(async () => {
      answer('stale');
      await pending;
    });

    expect(result.current[0]).toEqual({ phase: 'ready', data: 'from the cancel' });
  });

  it('gives the error state the contract code of a 404', async () => {
    const { result } = renderHook(() =>
      useResource(() =>
        Promise.reject(new ApiError({ code: ErrorCode.NOT_FOUND, status: 404, message: 'x' })),
      ),
    );

    await act(() => result.current[1].reload());

    expect(result.current[0]).toMatchObject({ phase: 'error', error: { code: 'NOT_FOUND' } });
  });
});
