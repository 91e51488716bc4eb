/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { bodyOf, fail, ok, sentTo, serveRoutes } from '../../test/factories';
import { redemption } from '../../test/rewards-factories';
import { taroFake } from '../../test/taro-fake';
import { ClientErrorCode } from '../services/api-error';
import { forgetUnsettledRedemptions } from '../services/redemptions';
import { useRedeem } from './useRedeem';

const keys = () =>
  sentTo('POST /redemptions').map(
    (option) => (bodyOf(option) as { idempotencyKey: string }).idempotencyKey,
  );

describe(useRedeem.name, () => {
  beforeEach(() => {
    taroFake.reset();
    forgetUnsettledRedemptions();
  });

  it('resolves with the redemption', async () => {
    serveRoutes({ 'POST /redemptions': () => ok(redemption('r1'), 201) });
    const { result } = renderHook(() => useRedeem('reward-1'));

    let made: unknown = null;
    await act(async () => {
      made = await result.current[1]();
    });

    expect(made).toMatchObject({ id: 'r1' });
    expect(result.current[0]).toEqual({ sending: false, error: null, unsettled: false });
  });

  it('marks an unknown outcome and retries with the same key', async () => {
    let calls = 0;
    serveRoutes({
      'POST /redemptions': () => {
        calls += 1;
        return calls === 1 ? Promise.reject({ errMsg: 'request:fail' }) : ok(redemption('r1'));
      },
    });
    const { result } = renderHook(() => useRedeem('reward-1'));

    await act(async () => {
      await result.current[1]();
    });
    expect(result.current[0].unsettled).toBe(true);
    expect(result.current[0].error?.code).toBe(ClientErrorCode.NetworkError);

    await act(async () => {
      await result.current[1]();
    });

    expect(result.current[0].unsettled).toBe(false);
    expect(keys()).toHaveLength(2);
    expect(keys()[1]).toBe(keys()[0]);
  });

  it('remembers an unknown outcome across a new page for the same reward', async () => {
    serveRoutes({ 'POST /redemptions': () => Promise.reject({ errMsg: 'request:fail' }) });
    const first = renderHook(() => useRedeem('reward-1'));
    await act(async () => {
      await first.result.current[1]();
    });
    first.unmount();

    const second = renderHook(() => useRedeem('reward-1'));

    expect(second.result.current[0].unsettled).toBe(true);
  });

  it('keeps the refusal code for the page to word', async () => {
    serveRoutes({ 'POST /redemptions': () => fail(409, ErrorCode.OUT_OF_STOCK) });
    const { result } = renderHook(() => useRedeem('reward-1'));

    await act(async () => {
      await result.current[1]();
    });

    expect(result.current[0].error?.code).toBe(ErrorCode.OUT_OF_STOCK);
    expect(result.current[0].unsettled).toBe(false);
  });

  it('sends once for a double tap', async () => {
    serveRoutes({ 'POST /redemptions': () => ok(redemption('r1'), 201) });
    const { result } = renderHook(() => useRedeem('reward-1'));

    await act(async () => {
      await Promise.all([result.current[1](), result.current[1]()]);
    });

    expect(sentTo('POST /redemptions')).toHaveLength(1);
  });
});
