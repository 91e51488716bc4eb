/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type MeResponse } from '@yizhan/contracts';
import {
  bodyOf,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
  type RouteHandler,
} from '../../../../../test/factories';
import { counterRedemption, pageOf } from '../../../../../test/rewards-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import MerchantWorkspacePage from './index';

const STAFF = meResponse({
  nickname: null,
  username: 'merchant_staff@liuyang',
  roles: [{ role: 'merchant_staff', merchantId: 'merchant-1' }],
});

function serve(routes: Record<string, RouteHandler>, user: MeResponse = STAFF): void {
  serveRoutes({
    'GET /me': () => ok(user),
    'GET /merchant/redemptions': () => ok(pageOf([])),
    ...routes,
  });
}

function type(value: string): void {
  fireEvent.change(screen.getByPlaceholderText('输入 12 位兑换码'), { target: { value } });
}

const press = async (name: string | RegExp) =>
  fireEvent.click(await screen.findByRole('button', { name }));

describe('MerchantWorkspacePage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
    process.env.TARO_ENV = 'h5';
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
    jest.useRealTimers();
  });

  it('verifies a typed code with spaces, shows it masked, and fulfils it once confirmed', async () => {
    let fulfilled = false;
    serve({
      'POST /redemptions/verify': () => ok(counterRedemption('r1', { pointsCost: 50 })),
      'POST /redemptions/fulfil': () => {
        fulfilled = true;
        return ok(
          counterRedemption('r1', {
            status: 'fulfilled',
            fulfilledAt: '2026-11-24T10:05:00+08:00',
          }),
        );
      },
      'GET /merchant/redemptions': () =>
        ok(pageOf(fulfilled ? [counterRedemption('r1', { status: 'fulfilled' })] : [])),
    });
    const { container } = render(<MerchantWorkspacePage />);

    await screen.findByText('今天还没有兑换');
    type('1234 5678-9012');
    await press('查询');

    const result = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.counter-result');
      if (!found) throw new Error('no result yet');
      return found;
    });
    expect(bodyOf(sentTo('POST /redemptions/verify')[0])).toEqual({ code: '123456789012' });
    expect(result.textContent).toContain('矿泉水');
    expect(result.querySelector('.counter-result__points')?.textContent).toBe('积分50');
    expect(result.querySelector('.counter-result__worker')?.textContent).toBe(
      '顾客小李 · 138****8000',
    );
    expect(result.textContent).toContain('待使用');

    await press('确认核销');

    expect(await screen.findByText('核销成功')).not.toBeNull();
    expect(taroFake.modals[0]?.content).toBe('请确认已将「矿泉水」交给顾客。核销后不能撤销。');
    expect(bodyOf(sentTo('POST /redemptions/fulfil')[0])).toEqual({ code: '123456789012' });
    // Today's list follows.
    await waitFor(() => expect(container.querySelectorAll('.counter-row')).toHaveLength(1));

    await press('继续核销');
    expect(container.querySelector('.counter-result')).toBeNull();
    expect((screen.getByPlaceholderText('输入 12 位兑换码') as HTMLInputElement).value).toBe('');
  });

  it('sends nothing for a code that is not 12 digits', async () => {
    serve({});
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');

    type('1234 5678');
    await press('查询');

    expect(screen.getByRole('alert').textContent).toBe('请输入 12 位数字兑换码');
    expect(sentTo('POST /redemptions/verify')).toHaveLength(0);
  });

  it.each([
    [404, ErrorCode.NOT_FOUND, '此兑换码不存在或不属于本店'],
    [403, ErrorCode.FORBIDDEN, '你的账号没有核销权限'],
    [0, 'NETWORK_ERROR', '网络不给力，请检查网络后重试'],
  ])('explains a %i %s on verify in Chinese', async (status, code, message) => {
    serve({
      'POST /redemptions/verify': () =>
        status === 0 ? Promise.reject({ errMsg: 'request:fail' }) : fail(status, code),
    });
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');

    type('123456789012');
    await press('查询');

    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(document.body.textContent).not.toContain(code);
  });

  it('counts down Retry-After when lookups are rate limited, and blocks them until then', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    serve({
      'POST /redemptions/verify': () => fail(429, ErrorCode.RATE_LIMITED, { 'Retry-After': '120' }),
    });
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');

    type('123456789012');
    await press('查询');

    expect((await screen.findByRole('alert')).textContent).toBe('查询失败次数过多，请稍后再试');
    const blocked = await screen.findByRole('button', { name: '120 秒后可再查询' });
    expect((blocked as HTMLButtonElement).disabled).toBe(true);

    act(() => jest.advanceTimersByTime(120_000));
    expect((screen.getByRole('button', { name: '查询' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    expect(sentTo('POST /redemptions/verify')).toHaveLength(1);
  });

  it.each([
    [
      counterRedemption('r1', { status: 'fulfilled', fulfilledAt: '2026-11-24T09:30:00+08:00' }),
      '该兑换码已于 11月24日 09:30 核销，请勿重复兑付',
    ],
    [counterRedemption('r1', { status: 'expired' }), '该兑换码已过期，不能核销'],
    [counterRedemption('r1', { status: 'cancelled' }), '顾客已取消该兑换，不能核销'],
  ])('says why a verified code cannot be handed over ($status)', async (found, message) => {
    serve({ 'POST /redemptions/verify': () => ok(found) });
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');

    type('123456789012');
    await press('查询');

    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByRole('button', { name: '确认核销' })).toBeNull();
  });

  it('refuses a second hand-over in Chinese and shows the code as used', async () => {
    let verifies = 0;
    serve({
      'POST /redemptions/verify': () => {
        verifies += 1;
        return ok(
          verifies === 1
            ? counterRedemption('r1')
            : counterRedemption('r1', {
                status: 'fulfilled',
                fulfilledAt: '2026-11-24T10:00:00+08:00',
              }),
        );
      },
      'POST /redemptions/fulfil': () => fail(409, ErrorCode.REDEMPTION_ALREADY_FULFILLED),
    });
    const { container } = render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');
    type('123456789012');
    await press('查询');

    await press('确认核销');

    await waitFor(() =>
      expect(container.querySelector('.counter-result .redemption-status')?.textContent).toBe(
        '已核销',
      ),
    );
    // One message, with the time it was used.
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '该兑换码已于 11月24日 10:00 核销，请勿重复兑付',
    ]);
    expect(screen.queryByText('核销成功')).toBeNull();
    // Today's list is asked again, so it shows the code used too.
    await waitFor(() => expect(sentTo('GET /merchant/redemptions')).toHaveLength(2));
  });

  it('says the refusal itself when the code cannot be looked up again', async () => {
    let verifies = 0;
    serve({
      'POST /redemptions/verify': () => {
        verifies += 1;
        return verifies === 1
          ? ok(counterRedemption('r1'))
          : Promise.reject({ errMsg: 'request:fail' });
      },
      'POST /redemptions/fulfil': () => fail(409, ErrorCode.REDEMPTION_EXPIRED),
    });
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');
    type('123456789012');
    await press('查询');

    await press('确认核销');

    expect((await screen.findByRole('alert')).textContent).toBe('该兑换码已过期，不能核销');
  });

  it('does nothing when the hand-over is not confirmed', async () => {
    serve({ 'POST /redemptions/verify': () => ok(counterRedemption('r1')) });
    taroFake.modalHandler = () => Promise.resolve({ confirm: false });
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');
    type('123456789012');
    await press('查询');

    await press('确认核销');

    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    expect(sentTo('POST /redemptions/fulfil')).toHaveLength(0);
  });

  it('scans in the mini-program and verifies the code the QR holds', async () => {
    process.env.TARO_ENV = 'weapp';
    taroFake.scanHandler = () => Promise.resolve({ result: '123456789012', errMsg: 'scanCode:ok' });
    serve({ 'POST /redemptions/verify': () => ok(counterRedemption('r1')) });
    render(<MerchantWorkspacePage />);

    await press('扫码');

    expect(await screen.findByRole('button', { name: '确认核销' })).not.toBeNull();
    expect(bodyOf(sentTo('POST /redemptions/verify')[0])).toEqual({ code: '123456789012' });
  });

  it('offers no scan button on H5, where typing is the way', async () => {
    serve({});
    render(<MerchantWorkspacePage />);

    await screen.findByText('今天还没有兑换');
    expect(screen.queryByRole('button', { name: '扫码' })).toBeNull();
  });

  it("lists today's codes by local date, with the code's tail only", async () => {
    serve({
      'GET /merchant/redemptions': () =>
        ok(
          pageOf([
            counterRedemption('r1', { createdAt: '2026-11-24T09:05:00+08:00', codeTail: '9012' }),
          ]),
        ),
    });
    const { container } = render(<MerchantWorkspacePage />);

    await waitFor(() => expect(container.querySelectorAll('.counter-row')).toHaveLength(1));
    expect(container.querySelector('.counter-row')?.textContent).toBe(
      '09:05矿泉水尾号 9012 · 50 积分待使用',
    );
    const asked = new URL(sentTo('GET /merchant/redemptions')[0]?.url ?? '', 'http://x.test');
    expect(asked.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(asked.searchParams.get('to')).toBe(asked.searchParams.get('from'));
  });

  it("loads today's list once the roles are known, and again each time the page shows", async () => {
    serve({});
    render(<MerchantWorkspacePage />);
    await screen.findByText('今天还没有兑换');
    expect(sentTo('GET /merchant/redemptions')).toHaveLength(1);

    act(() => taroFake.show());

    await waitFor(() => expect(sentTo('GET /merchant/redemptions')).toHaveLength(2));
  });

  it("shows an error with 重试 when today's list fails", async () => {
    serve({ 'GET /merchant/redemptions': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });
    render(<MerchantWorkspacePage />);

    expect(await screen.findByText('今日兑换加载失败')).not.toBeNull();
    expect(screen.getByRole('button', { name: '重试' })).not.toBeNull();
  });

  it('tells a worker account that it cannot use the counter', async () => {
    serve({}, meResponse({ roles: [{ role: 'worker' }] }));
    render(<MerchantWorkspacePage />);

    expect(await screen.findByText('没有核销权限')).not.toBeNull();
    expect(sentTo('GET /merchant/redemptions')).toHaveLength(0);
  });

  it('asks a signed-out visitor to log in', () => {
    session.clear();
    render(<MerchantWorkspacePage />);

    expect(screen.getByText('请先登录')).not.toBeNull();
  });
});
