import { fireEvent, screen } from '@testing-library/react';
import { Routes } from '@yizhan/contracts';
import { FakeApi, apiError } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { LedgerCheckPage } from './LedgerCheckPage';

describe('ledger check page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = new FakeApi();
    fake.install();
  });

  it('runs the check on demand and says the books agree', async () => {
    fake.on(`GET ${Routes.ledgerCheck}`, {
      status: 200,
      body: { accounts: 12, transfers: 40, mismatches: [], checkedAt: '2026-11-24T02:00:00Z' },
    });
    renderPage(<LedgerCheckPage />);
    expect(screen.getByText(/尚未对账/)).toBeTruthy();
    expect(fake.requests(`GET ${Routes.ledgerCheck}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '开始对账' }));
    expect(await screen.findByText('账目一致')).toBeTruthy();
    expect(screen.getByText(/共核对 12 个账户、40 笔流水/)).toBeTruthy();
  });

  it('lists each mismatch in Chinese', async () => {
    fake.on(`GET ${Routes.ledgerCheck}`, {
      status: 200,
      body: {
        accounts: 3,
        transfers: 5,
        checkedAt: '2026-11-24T02:00:00Z',
        mismatches: [
          { accountId: 'acc-1', field: 'balance', cached: 10, computed: 8 },
          { accountId: null, field: 'books', cached: 2, computed: 0 },
        ],
      },
    });
    renderPage(<LedgerCheckPage />);
    fireEvent.click(screen.getByRole('button', { name: '开始对账' }));
    expect(await screen.findByText('发现 2 处差异')).toBeTruthy();
    expect(screen.getByText('余额')).toBeTruthy();
    expect(screen.getByText('借贷不平')).toBeTruthy();
    expect(screen.getByText('全部账目')).toBeTruthy();
  });

  it('shows a refusal in Chinese, never the raw code', async () => {
    fake.on(`GET ${Routes.ledgerCheck}`, apiError(403, 'FORBIDDEN'));
    renderPage(<LedgerCheckPage />);
    fireEvent.click(screen.getByRole('button', { name: '开始对账' }));
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
    expect(screen.queryByText(/FORBIDDEN/)).toBeNull();
  });
});
