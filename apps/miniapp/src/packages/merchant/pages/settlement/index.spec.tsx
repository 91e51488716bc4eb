/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { fail, ok, sentTo, serveRoutes } from '../../../../../test/factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import SettlementPage from './index';

const CSV = [
  '\uFEFFredemption_id,fulfilled_at,issued_at,code_tail,reward,points',
  'r1,2026-11-24 10:00,2026-11-24 09:00,9012,矿泉水,50',
  'r2,2026-11-24 11:00,2026-11-24 10:30,3456,午餐券,100',
  'TOTAL,,,,2 codes,150',
  '',
].join('\r\n');

function askedPeriod(index: number): [string | null, string | null] {
  const url = new URL(sentTo('GET /merchant/settlement')[index]?.url ?? '', 'http://x.test');
  return [url.searchParams.get('from'), url.searchParams.get('to')];
}

describe('SettlementPage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
    jest.restoreAllMocks();
  });

  it('sums the period in the mini-program and says the file is for the console', async () => {
    process.env.TARO_ENV = 'weapp';
    serveRoutes({ 'GET /merchant/settlement': () => ok(CSV) });
    const { container } = render(<SettlementPage />);

    expect(await screen.findByText('2 笔')).not.toBeNull();
    expect(container.querySelector('.settlement-page__points')?.textContent).toBe('合计积分150');
    expect(screen.getByText(/请在电脑上登录管理后台下载/)).not.toBeNull();
    expect(screen.queryByRole('button', { name: '下载对账单（CSV）' })).toBeNull();
  });

  it('offers the CSV as a download on H5', async () => {
    process.env.TARO_ENV = 'h5';
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return 'blob:settlement';
      },
      revokeObjectURL: () => undefined,
    });
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    serveRoutes({ 'GET /merchant/settlement': () => ok(CSV) });
    render(<SettlementPage />);

    fireEvent.click(await screen.findByRole('button', { name: '下载对账单（CSV）' }));

    expect(saved).toEqual([
      expect.stringMatching(/^settlement-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    expect(created).toHaveLength(1);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(taroFake.toasts).toContain('已开始下载');
  });

  it('asks for last month when chosen', async () => {
    process.env.TARO_ENV = 'weapp';
    serveRoutes({ 'GET /merchant/settlement': () => ok(CSV) });
    render(<SettlementPage />);
    await screen.findByText('2 笔');

    fireEvent.click(screen.getByRole('button', { name: '上月' }));

    await waitFor(() => expect(sentTo('GET /merchant/settlement')).toHaveLength(2));
    const [from, to] = askedPeriod(1);
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(to).not.toBe(askedPeriod(0)[1]);
  });

  it('shows an error with 重试 in Chinese', async () => {
    serveRoutes({ 'GET /merchant/settlement': () => fail(403, ErrorCode.FORBIDDEN) });
    render(<SettlementPage />);

    expect(await screen.findByText('对账数据加载失败')).not.toBeNull();
    expect(screen.getByText('你没有权限进行此操作')).not.toBeNull();
  });
});
