/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes } from '../../test/factories';
import { counterRedemption } from '../../test/rewards-factories';
import { taroFake } from '../../test/taro-fake';
import { setLocale } from '../i18n';
import { redemptionCodeOf, useCounter } from './useCounter';

describe(redemptionCodeOf.name, () => {
  it.each([
    ['123456789012', '123456789012'],
    [' 1234 5678 9012 ', '123456789012'],
    ['1234-5678-9012', '123456789012'],
    ['12345678901', null],
    ['1234567890123', null],
    ['12345678901a', null],
  ])('reads %j as %p', (text, code) => {
    expect(redemptionCodeOf(text)).toBe(code);
  });
});

describe(useCounter.name, () => {
  beforeEach(() => {
    taroFake.reset();
    setLocale('zh-CN', false);
  });

  it('sends no lookup while a rate limit counts down, not even from a scan', async () => {
    serveRoutes({
      'POST /redemptions/verify': () => fail(429, ErrorCode.RATE_LIMITED, { 'Retry-After': '60' }),
    });
    const { result } = renderHook(() => useCounter());
    act(() => result.current[1].setInput('123456789012'));
    await act(() => result.current[1].verify());
    expect(result.current[0].retryIn).toBe(60);

    await act(() => result.current[1].verify('123456789012'));

    expect(sentTo('POST /redemptions/verify')).toHaveLength(1);
  });

  it('says a scan held no code, without a lookup', async () => {
    const { result } = renderHook(() => useCounter());

    await act(() => result.current[1].verify('https://example.com/not-a-code'));

    expect(result.current[0].inputError).toBe('未识别到兑换码，请重新扫描或手动输入');
    expect(taroFake.requests).toHaveLength(0);
  });

  it('fulfils the code that was verified, not a later edit of the field', async () => {
    serveRoutes({
      'POST /redemptions/verify': () => ok(counterRedemption('r1')),
      'POST /redemptions/fulfil': () => ok(counterRedemption('r1', { status: 'fulfilled' })),
    });
    const { result } = renderHook(() => useCounter());
    act(() => result.current[1].setInput('123456789012'));
    await act(() => result.current[1].verify());
    act(() => result.current[1].setInput('999999999999'));

    let done = false;
    await act(async () => {
      done = await result.current[1].fulfil();
    });

    expect(done).toBe(true);
    expect(result.current[0].phase).toBe('fulfilled');
    expect(sentTo('POST /redemptions/fulfil')[0]?.data).toEqual({ code: '123456789012' });
  });
});
