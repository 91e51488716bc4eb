/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { ok, serveRoutes } from '../../../../../test/factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import PointsRulesPage from './index';

describe('PointsRulesPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
  });

  it('lists each rule a worker can earn by, with its points, caps and expiry in Chinese', async () => {
    serveRoutes({
      'GET /points/rules': () =>
        ok({
          regionId: 'region-liuyang',
          items: [
            {
              id: 'rule-1',
              regionId: 'region-liuyang',
              kind: 'checkin',
              points: 5,
              dailyCap: 20,
              weeklyCap: null,
              expiryPolicy: 'end_of_next_year',
            },
            {
              id: 'rule-2',
              regionId: 'region-liuyang',
              kind: 'report',
              points: 30,
              dailyCap: null,
              weeklyCap: null,
              expiryPolicy: 'never',
            },
            {
              id: 'rule-3',
              regionId: 'region-liuyang',
              kind: 'manual',
              points: 1,
              dailyCap: null,
              weeklyCap: null,
              expiryPolicy: 'never',
            },
          ],
        }),
    });
    const { container } = render(<PointsRulesPage />);

    expect(await screen.findByText('驿站签到')).not.toBeNull();
    const rules = [...container.querySelectorAll('.rules-page__rule')].map(
      (rule) => rule.textContent,
    );
    expect(rules).toEqual([
      '驿站签到每次 +5 积分 · 每日最多 20 积分\n积分在获得次年的年底过期',
      '随手报事每次 +30 积分 · 不设上限\n积分长期有效',
    ]);
  });

  it('says rules appear after the first points when the worker has no home region', async () => {
    serveRoutes({ 'GET /points/rules': () => ok({ regionId: null, items: [] }) });
    render(<PointsRulesPage />);

    expect(
      await screen.findByText('获得第一笔积分后，这里会显示你所在区域的积分规则。'),
    ).not.toBeNull();
  });
});
