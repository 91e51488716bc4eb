/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes } from '../../../test/factories';
import { pageOf, pointsBalance, transfer } from '../../../test/rewards-factories';
import { restoreSession } from '../../../test/session-fixtures';
import { taroFake } from '../../../test/taro-fake';
import { setLocale } from '../../i18n';
import { PagePath } from '../../routes';
import { setTokenRefresher } from '../../services/request';
import { session } from '../../services/session';
import PointsPage from './index';

async function historyRows(container: HTMLElement): Promise<HTMLElement[]> {
  return waitFor(() => {
    const rows = [...container.querySelectorAll<HTMLElement>('.transfer-row')];
    if (rows.length === 0) throw new Error('no history yet');
    return rows;
  });
}

describe('PointsPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
  });

  it('asks a signed-out visitor to log in, without calling the API', () => {
    render(<PointsPage />);

    expect(screen.getByText('登录后查看积分')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: PagePath.login }]);
    expect(taroFake.requests).toHaveLength(0);
  });

  it('shows the balance, pending and held points and what expires soon', async () => {
    restoreSession();
    serveRoutes({
      'GET /points/balance': () =>
        ok(
          pointsBalance({
            balance: 120,
            pending: 30,
            held: 50,
            expiringSoon: [{ amount: 20, expiresAt: '2026-12-31T16:00:00.000Z' }],
          }),
        ),
      'GET /points/transfers': () => ok(pageOf([])),
    });
    const { container } = render(<PointsPage />);

    const card = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.balance-card');
      if (!found) throw new Error('no balance yet');
      return found;
    });
    expect(within(card).getByLabelText('可用积分').textContent).toBe('120');
    expect(card.querySelector('.balance-card__pending')?.textContent).toContain('30待确认');
    expect(card.querySelector('.balance-card__held')?.textContent).toContain('50冻结中');
    // 2026-12-31T16:00Z is midnight of 1 January in Beijing.
    expect(within(card).getByRole('alert').textContent).toBe(
      '20 积分将于 2027年1月1日 过期，请尽快使用',
    );
  });

  it('lists the history with Chinese kinds, signed amounts and pending/voided badges', async () => {
    restoreSession();
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance()),
      'GET /points/transfers': () =>
        ok(
          pageOf([
            transfer('t1', { kind: 'redemption', amount: -50 }),
            transfer('t2', { kind: 'report', amount: 30, status: 'pending' }),
            transfer('t3', { kind: 'checkin', amount: 5, status: 'voided' }),
          ]),
        ),
    });
    const { container } = render(<PointsPage />);

    const rows = await historyRows(container);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^兑换奖品.*−50$/),
      expect.stringMatching(/^随手报事待确认.*\+30$/),
      expect.stringMatching(/^驿站签到已作废.*\+5$/),
    ]);
    expect(container.textContent).not.toMatch(/redemption|pending|voided/);
    // The last page came: the list says it ended.
    expect(screen.getByText('没有更多了')).not.toBeNull();
  });

  it('says there is no history yet, and how to earn', async () => {
    restoreSession();
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance({ balance: 0 })),
      'GET /points/transfers': () => ok(pageOf([])),
    });
    render(<PointsPage />);

    expect(await screen.findByText('还没有积分记录')).not.toBeNull();
  });

  it('shows a Chinese error with 重试 and recovers', async () => {
    restoreSession();
    serveRoutes({
      'GET /points/balance': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE),
      'GET /points/transfers': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE),
    });
    render(<PointsPage />);

    expect(await screen.findByText('积分加载失败')).not.toBeNull();
    expect(screen.getByText('积分明细加载失败')).not.toBeNull();
    expect(screen.getAllByText('服务暂时不可用，请稍后再试')).toHaveLength(2);

    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance({ balance: 77 })),
      'GET /points/transfers': () => ok(pageOf([transfer('t1')])),
    });
    fireEvent.click(screen.getAllByRole('button', { name: '重试' })[0] as HTMLElement);

    expect((await screen.findByLabelText('可用积分')).textContent).toBe('77');
  });

  it('reloads when the tab shows again, and opens rewards, redemptions and rules', async () => {
    restoreSession();
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance()),
      'GET /points/transfers': () => ok(pageOf([])),
    });
    render(<PointsPage />);
    await screen.findByText('还没有积分记录');

    act(() => taroFake.show());
    await waitFor(() => expect(sentTo('GET /points/balance')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: '积分兑换' }));
    fireEvent.click(screen.getByRole('button', { name: '我的兑换' }));
    fireEvent.click(screen.getByRole('button', { name: '积分规则' }));
    expect(taroFake.navigations.map((navigation) => navigation.url)).toEqual([
      PagePath.rewards,
      PagePath.myRedemptions,
      PagePath.pointsRules,
    ]);
  });

  it('forgets the shown points when the user signs out', async () => {
    restoreSession();
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance({ balance: 120 })),
      'GET /points/transfers': () => ok(pageOf([transfer('t1')])),
    });
    const { container } = render(<PointsPage />);
    await historyRows(container);

    act(() => session.clear());
    expect(screen.getByText('登录后查看积分')).not.toBeNull();
    // Someone else signs in: their points load, the last user's are not shown meanwhile.
    serveRoutes({
      'GET /points/balance': () => new Promise(() => undefined),
      'GET /points/transfers': () => new Promise(() => undefined),
    });
    act(() => restoreSession());
    act(() => taroFake.show());

    expect(container.querySelector('.balance-card')).toBeNull();
    expect(container.querySelector('.transfer-row')).toBeNull();
  });
});
