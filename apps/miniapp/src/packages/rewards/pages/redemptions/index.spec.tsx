/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { pageOf, redemption } from '../../../../../test/rewards-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { PagePath, redemptionCodeUrl } from '../../../../routes';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import MyRedemptionsPage from './index';

function statusAsked(index: number): string | null {
  const request = sentTo('GET /redemptions')[index];
  return new URL(request?.url ?? '', 'http://client.test').searchParams.get('status');
}

describe('MyRedemptionsPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
  });

  it('asks a signed-out visitor to log in', () => {
    render(<MyRedemptionsPage />);

    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: PagePath.login }]);
  });

  it('lists the codes with Chinese statuses and opens one', async () => {
    restoreSession();
    serveRoutes({
      'GET /redemptions': () =>
        ok(
          pageOf([
            redemption('r1'),
            redemption('r2', { status: 'fulfilled', fulfilledAt: '2026-11-24T10:30:00+08:00' }),
          ]),
        ),
    });
    const { container } = render(<MyRedemptionsPage />);

    expect(await screen.findByText('已于 11月24日 10:30 核销')).not.toBeNull();
    const badges = [...container.querySelectorAll('.redemption-card .redemption-status')];
    expect(badges.map((badge) => badge.textContent)).toEqual(['待使用', '已核销']);
    fireEvent.click(screen.getByText('已于 11月24日 10:30 核销'));

    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: redemptionCodeUrl('r2') }]);
  });

  it('filters by status', async () => {
    restoreSession();
    serveRoutes({ 'GET /redemptions': () => ok(pageOf([])) });
    render(<MyRedemptionsPage />);
    await screen.findByText('还没有兑换记录');

    fireEvent.click(screen.getByRole('button', { name: '已过期' }));

    await waitFor(() => expect(statusAsked(1)).toBe('expired'));
    expect(await screen.findByText('没有这个状态的兑换记录。')).not.toBeNull();
    expect(statusAsked(0)).toBeNull();
  });

  it('cancels an unused code in place, without opening it', async () => {
    restoreSession();
    serveRoutes({
      'GET /redemptions': () => ok(pageOf([redemption('r1')])),
      'POST /redemptions/r1/cancel': () =>
        ok(redemption('r1', { status: 'cancelled', cancelledAt: '2026-11-24T11:00:00+08:00' })),
    });
    render(<MyRedemptionsPage />);

    fireEvent.click(await screen.findByRole('button', { name: '取消兑换' }));

    expect(await screen.findByText('已于 11月24日 11:00 取消，积分已退回')).not.toBeNull();
    expect(taroFake.navigations).toHaveLength(0);
  });

  it('shows an error with 重试 when the list fails', async () => {
    restoreSession();
    serveRoutes({ 'GET /redemptions': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });
    render(<MyRedemptionsPage />);

    expect(await screen.findByText('兑换记录加载失败')).not.toBeNull();
    expect(screen.getByRole('button', { name: '重试' })).not.toBeNull();
  });
});
