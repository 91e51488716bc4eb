/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { bodyOf, fail, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { pointsBalance, redemption, reward } from '../../../../../test/rewards-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { redemptionCodeUrl } from '../../../../routes';
import { forgetUnsettledRedemptions } from '../../../../services/redemptions';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import RewardDetailPage from './index';

const REWARD = reward('reward-1', { title: '矿泉水', pointsCost: 50, codeValidHours: 72 });

function serve(extra: Parameters<typeof serveRoutes>[0] = {}): void {
  serveRoutes({
    'GET /rewards/reward-1': () => ok(REWARD),
    'GET /points/balance': () => ok(pointsBalance({ balance: 120 })),
    ...extra,
  });
}

const redeemButton = () => screen.findByRole('button', { name: '立即兑换' });
const keys = () =>
  sentTo('POST /redemptions').map(
    (option) => (bodyOf(option) as { idempotencyKey: string }).idempotencyKey,
  );

describe('RewardDetailPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    forgetUnsettledRedemptions();
    setLocale('zh-CN', false);
    taroFake.routerParams = { id: 'reward-1' };
    restoreSession();
  });

  it('confirms with the cost and the balance after, then shows the code page', async () => {
    serve({ 'POST /redemptions': () => ok(redemption('r1'), 201) });
    render(<RewardDetailPage />);

    fireEvent.click(await redeemButton());

    await waitFor(() =>
      expect(taroFake.navigations).toEqual([{ kind: 'redirectTo', url: redemptionCodeUrl('r1') }]),
    );
    expect(taroFake.modals[0]?.title).toBe('确认兑换');
    expect(taroFake.modals[0]?.content).toBe(
      '「矿泉水」将使用 50 积分，兑换后剩余 70 积分。兑换码 72 小时内有效。',
    );
    expect(bodyOf(sentTo('POST /redemptions')[0])).toMatchObject({ rewardId: 'reward-1' });
  });

  it('sends nothing when the user declines the confirmation', async () => {
    serve();
    taroFake.modalHandler = () => Promise.resolve({ confirm: false });
    render(<RewardDetailPage />);

    fireEvent.click(await redeemButton());

    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    expect(sentTo('POST /redemptions')).toHaveLength(0);
  });

  it.each([
    [409, ErrorCode.POINTS_INSUFFICIENT, '积分不足，暂时不能兑换这个奖品'],
    [409, ErrorCode.OUT_OF_STOCK, '这个奖品已兑完，下次早点来'],
    [409, ErrorCode.REDEMPTION_LIMIT_REACHED, '你已达到这个奖品的兑换次数上限'],
    [422, ErrorCode.REWARD_UNAVAILABLE, '这个奖品现在不能兑换（未到或已过兑换期）'],
  ])('explains a %i %s in Chinese', async (status, code, message) => {
    serve({ 'POST /redemptions': () => fail(status, code) });
    render(<RewardDetailPage />);

    fireEvent.click(await redeemButton());

    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(document.body.textContent).not.toContain(code);
    expect(taroFake.navigations).toHaveLength(0);
  });

  it('after a lost answer offers 重试兑换, which re-sends the same key without asking again', async () => {
    let calls = 0;
    serve({
      'POST /redemptions': () => {
        calls += 1;
        return calls === 1 ? Promise.reject({ errMsg: 'request:fail' }) : ok(redemption('r1'));
      },
    });
    render(<RewardDetailPage />);

    fireEvent.click(await redeemButton());
    const retry = await screen.findByRole('button', { name: '重试兑换' });
    expect(screen.getByRole('alert').textContent).toContain('不会重复扣分');

    fireEvent.click(retry);

    await waitFor(() =>
      expect(taroFake.navigations).toEqual([{ kind: 'redirectTo', url: redemptionCodeUrl('r1') }]),
    );
    expect(taroFake.modals).toHaveLength(1);
    expect(keys()).toHaveLength(2);
    expect(keys()[1]).toBe(keys()[0]);
  });

  it('says how many points are missing and does not offer to redeem', async () => {
    serve({ 'GET /points/balance': () => ok(pointsBalance({ balance: 20 })) });
    render(<RewardDetailPage />);

    const button = await screen.findByRole('button', { name: '积分不足' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('还差 30 积分')).not.toBeNull();
  });

  it('shows 已兑完 for a reward out of stock', async () => {
    serve({ 'GET /rewards/reward-1': () => ok({ ...REWARD, stock: 0, available: false }) });
    render(<RewardDetailPage />);

    const button = await screen.findByRole('button', { name: '已兑完' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('says the reward is gone on a 404', async () => {
    serve({ 'GET /rewards/reward-1': () => fail(404, ErrorCode.NOT_FOUND) });
    render(<RewardDetailPage />);

    expect(await screen.findByText('奖品不存在')).not.toBeNull();
  });

  it('shows an error with 重试 when the reward cannot load, and recovers', async () => {
    serve({ 'GET /rewards/reward-1': () => Promise.reject({ errMsg: 'request:fail' }) });
    render(<RewardDetailPage />);

    expect(await screen.findByText('奖品信息加载失败')).not.toBeNull();
    expect(screen.getByText('网络不给力，请检查网络后重试')).not.toBeNull();

    serve();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '重试' }));
    });

    expect(await redeemButton()).not.toBeNull();
  });
});
