/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConsentKind, ErrorCode } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { pageOf, pointsBalance, reward } from '../../../../../test/rewards-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { rewardDetailUrl } from '../../../../routes';
import { consentState, reloadConsents } from '../../../../services/consent';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import RewardsPage from './index';

function lastQuery(): URLSearchParams {
  const requests = sentTo('GET /rewards');
  return new URL(requests[requests.length - 1]?.url ?? '', 'http://client.test').searchParams;
}

describe('RewardsPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
  });

  it('shows cost, stock or 已兑完, the place and what is missing', async () => {
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance({ balance: 40 })),
      'GET /rewards': () =>
        ok(
          pageOf([
            reward('a', { title: '矿泉水', pointsCost: 30, stock: 5 }),
            reward('b', { title: '午餐券', pointsCost: 100, stock: null }),
            reward('c', { title: '雨衣', pointsCost: 20, stock: 0, available: false }),
          ]),
        ),
    });
    const { container } = render(<RewardsPage />);

    await screen.findByText('矿泉水');
    const cards = [...container.querySelectorAll('.reward-card')].map((card) => card.textContent);
    expect(cards).toEqual([
      '矿泉水30 积分淮川便利店剩 5 件',
      '午餐券100 积分淮川便利店不限量还差 60 积分',
      '雨衣20 积分淮川便利店已兑完已兑完',
    ]);
    expect(screen.getByText('我的积分 40')).not.toBeNull();

    fireEvent.click(screen.getByText('矿泉水'));
    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: rewardDetailUrl('a') }]);
  });

  it('asks for the location consent before 附近, then lists nearest first with distances', async () => {
    taroFake.locationHandler = () => Promise.resolve({ latitude: 28.155, longitude: 113.642 });
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance()),
      'GET /rewards': (option) =>
        ok(
          pageOf(
            option.url.includes('lat=')
              ? [reward('a', { title: '矿泉水', distanceM: 347 })]
              : [reward('b', { title: '午餐券' })],
          ),
        ),
    });
    render(<RewardsPage />);
    await screen.findByText('午餐券');

    fireEvent.click(screen.getByRole('button', { name: '附近' }));
    expect(await screen.findByText('位置信息授权')).not.toBeNull();
    expect(taroFake.locations).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '同意' }));

    expect(await screen.findByText('淮川便利店 · 350 米')).not.toBeNull();
    expect(consentState(ConsentKind.Location)).toBe('granted');
    expect(lastQuery().get('lat')).not.toBeNull();
  });

  it('lists everything with a notice when the consent is refused', async () => {
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance()),
      'GET /rewards': () => ok(pageOf([reward('b', { title: '午餐券' })])),
    });
    render(<RewardsPage />);
    await screen.findByText('午餐券');

    fireEvent.click(screen.getByRole('button', { name: '附近' }));
    fireEvent.click(await screen.findByRole('button', { name: '拒绝' }));

    expect(await screen.findByText('你未授权使用位置信息，已显示全部奖品。')).not.toBeNull();
    expect(taroFake.locations).toHaveLength(0);
    expect(lastQuery().has('lat')).toBe(false);
  });

  it('says what 积分够用 left out when nothing is affordable', async () => {
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance({ balance: 0 })),
      'GET /rewards': (option) =>
        ok(pageOf(option.url.includes('affordable=true') ? [] : [reward('a')])),
    });
    render(<RewardsPage />);
    await screen.findByText('矿泉水 a');

    fireEvent.click(screen.getByRole('button', { name: '积分够用' }));

    expect(
      await screen.findByText('你的积分暂时不够兑换这些奖品，关闭「积分够用」可查看全部奖品。'),
    ).not.toBeNull();
  });

  it('shows an error with 重试 when the list fails', async () => {
    serveRoutes({
      'GET /points/balance': () => ok(pointsBalance()),
      'GET /rewards': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE),
    });
    render(<RewardsPage />);

    expect(await screen.findByText('奖品加载失败')).not.toBeNull();
    await waitFor(() => expect(screen.getByText('服务暂时不可用，请稍后再试')).not.toBeNull());
  });
});
