import { fireEvent, screen, within } from '@testing-library/react';
import { Routes } from '@yizhan/contracts';
import { FakeApi, apiError } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { coverage, freezeDate, signInAdmin } from '../../test/stats-fixtures';
import { CoveragePage } from './CoveragePage';

// Leaflet does not lay out in jsdom; the layers are tested in coverage-layers.spec.ts.
jest.mock('./CoverageMap', () => ({
  CoverageMap: ({ coverage: data }: { coverage: { stations: unknown[] } }) => (
    <div data-testid="coverage-map">{data.stations.length} stations</div>
  ),
}));

const COVERAGE = `GET ${Routes.coverage}`;

describe('coverage page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    freezeDate('2026-11-24T04:00:00Z');
    fake = new FakeApi();
    fake.install();
    signInAdmin(fake);
  });
  afterEach(() => jest.useRealTimers());

  it('says how many reports were beyond a 5-minute ride, and how that is estimated', async () => {
    fake.on(COVERAGE, { status: 200, body: coverage() });
    renderPage(<CoveragePage />);
    expect(
      await screen.findByText('12.5% 的报事发生在距最近驿站 5 分钟骑行范围之外（3 / 24）'),
    ).toBeTruthy();
    expect(screen.getByText(/18 km\/h × 5 分钟 ÷ 1.3 绕行系数 ≈ 1.15 km 直线距离/)).toBeTruthy();
    expect(screen.getByText('开放中的驿站 2 个')).toBeTruthy();
    const legend = screen.getByLabelText('图例');
    expect(within(legend).getByText('5 分钟骑行范围')).toBeTruthy();
    expect(within(legend).getByText('范围内的报事 1')).toBeTruthy();
    expect(within(legend).getByText('范围外的报事 1')).toBeTruthy();
    expect(within(legend).getByText('地图显示最近的 2 条报事位置（共 24 条）')).toBeTruthy();
    expect(screen.getByTestId('coverage-map').textContent).toBe('2 stations');
    expect(Object.fromEntries(fake.requests(COVERAGE)[0].query)).toEqual({
      from: '2025-12-01',
      to: '2026-11-24',
    });
  });

  it('still maps the stations when no report was filed', async () => {
    fake.on(COVERAGE, {
      status: 200,
      body: coverage({ reports: { total: 0, farther: 0, fartherShare: null }, points: [] }),
    });
    renderPage(<CoveragePage />);
    expect(await screen.findByText('所选时段内没有报事，地图只显示驿站和覆盖范围。')).toBeTruthy();
    expect(screen.getByTestId('coverage-map')).toBeTruthy();
    expect(screen.queryByText(/分钟骑行范围之外/)).toBeNull();
  });

  it('says so when the region has no open station', async () => {
    fake.on(COVERAGE, { status: 200, body: coverage({ stations: [] }) });
    renderPage(<CoveragePage />);
    expect(await screen.findByText('所选区域没有开放中的驿站')).toBeTruthy();
    expect(screen.queryByTestId('coverage-map')).toBeNull();
  });

  it('shows a failure in Chinese with a retry', async () => {
    fake.on(COVERAGE, apiError(404, 'NOT_FOUND'));
    fake.on(COVERAGE, { status: 200, body: coverage() });
    renderPage(<CoveragePage />);
    expect(await screen.findByText('内容不存在，或不在你的辖区内')).toBeTruthy();
    expect(screen.queryByText(/NOT_FOUND/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByTestId('coverage-map')).toBeTruthy();
  });
});
