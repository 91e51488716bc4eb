import { LedgerCheckResult, LedgerMismatch } from '@yizhan/contracts';
import { EntityManager } from 'typeorm';
import { PointsAccountEntity } from './points-account.entity';
import { PointsLotEntity } from './points-lot.entity';
import { PointsTransferEntity } from './points-transfer.entity';

interface Sums {
  posted: number;
  pending: number;
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * Recomputes every account's cached numbers from the transfers and compares:
 * `balance` = posted credits − posted debits, `pending_debit` / `pending_credit` = pending
 * transfers out / in; a worker's lots must hold exactly `balance − pending_debit` and no spend-
 * guarded account may be below zero; the books balance (all balances sum to 0, pool issuance
 * included) and pending debits equal pending credits. Run it inside one snapshot (a
 * REPEATABLE READ transaction on MySQL) so the totals are of one moment.
 */
export async function checkLedger(manager: EntityManager, now: Date): Promise<LedgerCheckResult> {
  const accounts = await manager
    .getRepository(PointsAccountEntity)
    .createQueryBuilder('account')
    .select([
      'account.id',
      'account.kind',
      'account.balance',
      'account.pendingDebit',
      'account.pendingCredit',
    ])
    .getMany();
  const sides = async (column: 'debit_account_id' | 'credit_account_id') => {
    const rows = await manager
      .getRepository(PointsTransferEntity)
      .createQueryBuilder('transfer')
      .select(`transfer.${column}`, 'accountId')
      .addSelect('transfer.status', 'status')
      .addSelect('SUM(transfer.amount)', 'total')
      .groupBy(`transfer.${column}`)
      .addGroupBy('transfer.status')
      .getRawMany<{ accountId: string; status: string; total: unknown }>();
    const sums = new Map<string, Sums>();
    for (const row of rows) {
      const entry = sums.get(row.accountId) ?? { posted: 0, pending: 0 };
      if (row.status === 'posted') entry.posted += num(row.total);
      if (row.status === 'pending') entry.pending += num(row.total);
      sums.set(row.accountId, entry);
    }
    return sums;
  };
  const debits = await sides('debit_account_id');
  const credits = await sides('credit_account_id');
  const lotRows = await manager
    .getRepository(PointsLotEntity)
    .createQueryBuilder('lot')
    .select('lot.account_id', 'accountId')
    .addSelect('SUM(lot.remaining)', 'remaining')
    .addSelect('MIN(lot.remaining)', 'lowest')
    .addSelect('SUM(CASE WHEN lot.remaining > lot.amount THEN 1 ELSE 0 END)', 'overfull')
    .groupBy('lot.account_id')
    .getRawMany<{ accountId: string; remaining: unknown; lowest: unknown; overfull: unknown }>();
  const lots = new Map(lotRows.map((row) => [row.accountId, row]));
  const transfers = await manager.getRepository(PointsTransferEntity).count();

  const mismatches: LedgerMismatch[] = [];
  const compare = (accountId: string | null, field: string, cached: number, computed: number) => {
    if (cached !== computed) mismatches.push({ accountId, field, cached, computed });
  };
  let books = 0;
  let pendingDebits = 0;
  let pendingCredits = 0;
  const known = new Set<string>();
  for (const account of accounts) {
    known.add(account.id);
    const out = debits.get(account.id) ?? { posted: 0, pending: 0 };
    const into = credits.get(account.id) ?? { posted: 0, pending: 0 };
    compare(account.id, 'balance', account.balance, into.posted - out.posted);
    compare(account.id, 'pending_debit', account.pendingDebit, out.pending);
    compare(account.id, 'pending_credit', account.pendingCredit, into.pending);
    books += account.balance;
    pendingDebits += account.pendingDebit;
    pendingCredits += account.pendingCredit;
    const spendable = account.balance - account.pendingDebit;
    if (account.kind !== 'region_pool' && spendable < 0) {
      mismatches.push({ accountId: account.id, field: 'negative', cached: spendable, computed: 0 });
    }
    if (account.kind === 'worker_points') {
      const lot = lots.get(account.id);
      compare(account.id, 'lots', spendable, num(lot?.remaining));
      if (lot && (num(lot.lowest) < 0 || num(lot.overfull) > 0)) {
        mismatches.push({
          accountId: account.id,
          field: 'lot_bounds',
          cached: num(lot.lowest),
          computed: 0,
        });
      }
    }
  }
  for (const accountId of [...debits.keys(), ...credits.keys(), ...lots.keys()]) {
    if (!known.has(accountId)) {
      mismatches.push({ accountId, field: 'unknown_account', cached: 0, computed: 1 });
      known.add(accountId);
    }
  }
  compare(null, 'books', books, 0);
  compare(null, 'pending_books', pendingDebits, pendingCredits);
  return { accounts: accounts.length, transfers, mismatches, checkedAt: now.toISOString() };
}
