import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes } from '@yizhan/contracts';
import { FakeApi, apiError } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import {
  freezeDate,
  pointsStats,
  reportStats,
  signInAdmin,
  visitStats,
  volunteerStats,
} from '../../test/stats-fixtures';
import { DashboardPage } from './DashboardPage';

// echarts does not lay out in jsdom; the options are tested in chart-options.spec.ts.
jest.mock('../../components/Chart', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const VISITS = `GET ${Routes.visitStats}`;
const REPORTS = `GET ${Routes.statsReports}`;
const POINTS = `GET ${Routes.statsPoints}`;
const VOLUNTEERS = `GET ${Routes.statsVolunteers}`;
const EXPORT = `GET ${Routes.statsExportCsv}`;

function card(title: string): HTMLElement {
  return screen.getByText(title).closest('.ant-card') as HTMLElement;
}

describe('dashboard page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    // 04:00 UTC on 24 November 2026 is noon in Shanghai.
    freezeDate('2026-11-24T04:00:00Z');
    fake = new FakeApi();
    fake.install();
    signInAdmin(fake);
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot follow a download link.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.useRealTimers());

  function answerAll() {
    fake.on(VISITS, { status: 200, body: visitStats() });
    fake.on(REPORTS, { status: 200, body: reportStats });
    fake.on(POINTS, { status: 200, body: pointsStats });
    fake.on(VOLUNTEERS, { status: 200, body: volunteerStats });
  }

  it('asks for the last twelve months of the whole region, visits by month', async () => {
    answerAll();
    renderPage(<DashboardPage />);
    await screen.findByText('才常广场驿站');
    const [visits] = fake.requests(VISITS);
    expect(Object.fromEntries(visits.query)).toEqual({
      from: '2025-12-01',
      to: '2026-11-24',
      granularity: 'month',
      limit: '50',
    });
    expect(Object.fromEntries(fake.requests(REPORTS)[0].query)).toEqual({
      from: '2025-12-01',
      to: '2026-11-24',
    });
    expect(Object.fromEntries(fake.requests(VOLUNTEERS)[0].query)).toEqual({
      year: '2026',
      limit: '20',
    });
  });

  it('asks for the range and region the page address holds (a bookmarked or shared view)', async () => {
    answerAll();
    renderPage(<DashboardPage />, {
      path: '/dashboard?from=2026-01-01&to=2026-03-31&region=00000000-0000-4000-8000-000000000001',
    });
    await screen.findByText('才常广场驿站');
    expect(Object.fromEntries(fake.requests(REPORTS)[0].query)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      regionId: '00000000-0000-4000-8000-000000000001',
    });
  });

  it('shows the key figures in zh-CN formats, the liability highlighted', async () => {
    answerAll();
    renderPage(<DashboardPage />);
    const visits = await waitFor(() => within(card('到访')).getByText('15,400'));
    expect(visits).toBeTruthy();
    // The range's own distinct count, not the months' sum (2,400).
    expect(within(card('到访')).getByText('2,000')).toBeTruthy();
    const reports = card('报事');
    expect(await within(reports).findByText('120')).toBeTruthy();
    expect(within(reports).getByText('4.5 小时')).toBeTruthy();
    expect(within(reports).getByText('12.5%')).toBeTruthy();
    const points = card('积分');
    expect(await within(points).findByText('24,000')).toBeTruthy();
    expect(within(points).getByText('14,500')).toBeTruthy();
    expect(within(points).getByText('1,200')).toBeTruthy();
    expect(
      screen.getByText('当前待兑付积分 14,500（1,200 人持有），另有 120 分待确认'),
    ).toBeTruthy();
  });

  it('lists reports by category with Chinese status names, and each department', async () => {
    answerAll();
    renderPage(<DashboardPage />);
    const categories = card('报事按类别与状态');
    expect(await within(categories).findByText('道路破损')).toBeTruthy();
    for (const label of ['待受理', '已受理', '处理中', '已办结', '未采纳', '重复上报', '已关闭']) {
      expect(within(categories).getByRole('columnheader', { name: label })).toBeTruthy();
    }
    expect(within(categories).queryByText(/resolved|dispatched/)).toBeNull();
    expect(within(categories).getByRole('img', { name: '各类别报事数，按状态堆叠' })).toBeTruthy();
    const departments = card('各部门办理情况');
    expect(within(departments).getByText('市政园林维护中心')).toBeTruthy();
    expect(within(departments).getByText('10%')).toBeTruthy();
  });

  it('ranks the year’s volunteers', async () => {
    answerAll();
    renderPage(<DashboardPage />);
    const volunteers = card('年度志愿者排行（金牌骑士候选）');
    expect(await within(volunteers).findByText('胡爽')).toBeTruthy();
    const rows = within(volunteers).getAllByRole('row');
    expect(within(rows[1]).getByText('1')).toBeTruthy();
    expect(within(rows[1]).getByText('1,860')).toBeTruthy();
    expect(within(rows[2]).getByText('138****0002')).toBeTruthy();
  });

  it('pages the station rows with the cursor', async () => {
    fake.on(VISITS, { status: 200, body: visitStats('cursor-2') });
    fake.on(VISITS, {
      status: 200,
      body: {
        ...visitStats(),
        items: [{ ...visitStats().items[0], stationId: 's-3', stationName: '龚家桥驿站' }],
      },
    });
    renderPage(<DashboardPage />);
    const visits = card('驿站到访');
    fireEvent.click(await within(visits).findByRole('button', { name: '加载更多' }));
    expect(await within(visits).findByText('龚家桥驿站')).toBeTruthy();
    expect(fake.requests(VISITS)[1].query.get('cursor')).toBe('cursor-2');
    expect(within(visits).getByText('已显示 3 行')).toBeTruthy();
    expect(within(visits).queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('exports a table as CSV with the filter, busy while it downloads', async () => {
    answerAll();
    let finish: () => void = () => undefined;
    fake.on(
      EXPORT,
      () =>
        new Promise((resolve) => {
          finish = () =>
            resolve({ status: 200, body: 'csv', headers: { 'content-type': 'text/csv' } });
        }),
    );
    renderPage(<DashboardPage />);
    const departments = card('各部门办理情况');
    await within(departments).findByText('市政园林维护中心');
    fireEvent.click(within(departments).getByRole('button', { name: '导出 CSV' }));
    const busy = await within(departments).findByRole('button', { name: /正在导出…/ });
    expect(busy.hasAttribute('disabled')).toBe(true);
    finish();
    expect(await screen.findByText('已导出')).toBeTruthy();
    expect(Object.fromEntries(fake.requests(EXPORT)[0].query)).toEqual({
      from: '2025-12-01',
      to: '2026-11-24',
      table: 'reports-by-department',
    });
  });

  it('says in Chinese when an export fails', async () => {
    answerAll();
    fake.on(`GET ${Routes.visitStatsCsv}`, apiError(400, 'VALIDATION_FAILED'));
    renderPage(<DashboardPage />);
    const visits = card('驿站到访');
    await within(visits).findByText('才常广场驿站');
    fireEvent.click(within(visits).getByRole('button', { name: '导出 CSV' }));
    expect(await screen.findByText('提交的内容有误，请检查标红的项目')).toBeTruthy();
    expect(fake.requests(`GET ${Routes.visitStatsCsv}`)[0].query.get('granularity')).toBe('month');
  });

  it('shows each panel’s failure in Chinese with a retry that asks again', async () => {
    fake.on(VISITS, { status: 200, body: visitStats() });
    fake.on(VOLUNTEERS, { status: 200, body: volunteerStats });
    fake.on(REPORTS, apiError(404, 'NOT_FOUND'));
    fake.on(REPORTS, { status: 200, body: reportStats });
    fake.on(POINTS, apiError(404, 'NOT_FOUND'));
    renderPage(<DashboardPage />);
    const categories = card('报事按类别与状态');
    expect(await within(categories).findByText('内容不存在，或不在你的辖区内')).toBeTruthy();
    expect(screen.queryByText(/NOT_FOUND/)).toBeNull();
    expect(within(card('积分收支')).getByText('加载失败')).toBeTruthy();
    fireEvent.click(within(categories).getByRole('button', { name: /重\s*试/ }));
    expect(await within(categories).findByText('道路破损')).toBeTruthy();
    expect(fake.requests(REPORTS)).toHaveLength(2);
  });

  it('says so when a period has nothing to show', async () => {
    fake.on(VISITS, { status: 200, body: { ...visitStats(), totals: [], items: [] } });
    fake.on(REPORTS, {
      status: 200,
      body: { ...reportStats, total: 0, byCategory: [], byDepartment: [] },
    });
    fake.on(POINTS, {
      status: 200,
      body: {
        ...pointsStats,
        months: [],
        totals: { issued: 0, redeemed: 0, expired: 0 },
        outstanding: 0,
        holders: 0,
        pending: 0,
      },
    });
    fake.on(VOLUNTEERS, { status: 200, body: { ...volunteerStats, items: [] } });
    renderPage(<DashboardPage />);
    expect(await screen.findByText('所选时段内没有到访记录')).toBeTruthy();
    expect(await screen.findByText('所选时段内没有报事')).toBeTruthy();
    expect(screen.getByText('所选时段内没有派往部门的报事')).toBeTruthy();
    expect(screen.getByText('所选时段内没有积分变动')).toBeTruthy();
    expect(await screen.findByText('该年度还没有获得积分的劳动者')).toBeTruthy();
  });
});
