import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type RewardSummary } from '@yizhan/contracts';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { fakeAdminSession, STREET_ID } from '../../test/admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { RewardsPage } from './RewardsPage';

const PLACE = {
  id: '20000000-0000-4000-8000-000000000001',
  name: '才常广场浏阳蒸菜馆',
  address: '浏阳市淮川街道才常广场商圈沿街12号',
  lat: 28.15951,
  lng: 113.63901,
  phone: null,
};

const reward = (overrides: Partial<RewardSummary>): RewardSummary => ({
  id: '30000000-0000-4000-8000-000000000001',
  title: '蒸菜午餐一份',
  description: '两荤一素',
  pointsCost: 30,
  stock: null,
  merchant: PLACE,
  station: null,
  regionId: STREET_ID,
  perUserLimit: 1,
  limitPeriod: 'day',
  validFrom: null,
  validTo: '2026-12-31T15:59:00.000Z',
  codeValidHours: 72,
  status: 'active',
  available: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

describe('rewards page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = new FakeApi();
    fake.install();
    fakeAdminSession(fake);
  });

  it("lists the region's rewards, paused ones too, in Chinese", async () => {
    fake.on(`GET ${Routes.rewards}`, {
      status: 200,
      body: {
        items: [
          reward({}),
          reward({
            id: '30000000-0000-4000-8000-000000000002',
            title: '雨衣一件',
            stock: 0,
            merchant: null,
            station: { ...PLACE, id: 's-1', name: '才常广场驿站' },
            perUserLimit: null,
            limitPeriod: null,
            validTo: null,
            status: 'paused',
            available: false,
          }),
        ],
        nextCursor: null,
      },
    });
    renderPage(<RewardsPage />);
    expect(await screen.findByText('雨衣一件')).toBeTruthy();
    const table = document.querySelector('.rewards-table') as HTMLElement;
    // Unlimited stock of the first, no per-rider limit on the second.
    expect(within(table).getAllByText('不限')).toHaveLength(2);
    expect(within(table).getByText('每天 1 次')).toBeTruthy();
    expect(within(table).getByText('至 2026-12-31 23:59')).toBeTruthy();
    expect(within(table).getByText('长期有效')).toBeTruthy();
    expect(within(table).getByText('可兑换')).toBeTruthy();
    expect(within(table).getByText('已暂停')).toBeTruthy();
    expect(within(table).getByText('才常广场驿站')).toBeTruthy();
    const sent = fake.requests(`GET ${Routes.rewards}`)[0];
    expect(sent.query.get('includeInactive')).toBe('true');
    expect(sent.query.get('regionId')).toBe(ADMIN_REGION_ID);
  });

  it('pauses a reward only after confirming', async () => {
    fake.on(`GET ${Routes.rewards}`, {
      status: 200,
      body: { items: [reward({})], nextCursor: null },
    });
    let patched: unknown;
    fake.on(`PATCH ${Routes.reward(reward({}).id)}`, (request) => {
      patched = request.body;
      return { status: 200, body: reward({ status: 'paused', available: false }) };
    });
    renderPage(<RewardsPage />);
    await screen.findByText('蒸菜午餐一份', undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: /暂\s*停/ }));
    expect(patched).toBeUndefined();
    expect(await screen.findByText(/已发出的兑换码仍可核销。确定暂停吗/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(patched).toEqual({ status: 'paused' }));
  }, 30_000);

  it('shows a failure in Chinese', async () => {
    fake.on(`GET ${Routes.rewards}`, apiError(503, 'SERVICE_UNAVAILABLE'));
    renderPage(<RewardsPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
  });
});
