import { PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { Transactions, TxManager } from '../../database/transactions';
import { RegionsRepository } from '../regions/regions.repository';
import { EarningRulesRepository } from './earning-rules.repository';
import { accountIdOf, regionPool, workerAccount } from './ledger-accounts';
import { LedgerError } from './ledger.errors';
import { AccountDelta, LedgerRepository } from './ledger.repository';
import { LedgerService, TransferRequest } from './ledger.service';
import { PointsAccountEntity } from './points-account.entity';
import { PointsLotEntity } from './points-lot.entity';
import { PointsTransferEntity } from './points-transfer.entity';

const NOW = new Date('2026-11-24T02:00:00Z');
const WORKER = '11111111-1111-4111-8111-111111111111';
const REGION = '22222222-2222-4222-8222-222222222222';

/** An in-memory stand-in for the ledger's queries, recording the account updates in order. */
class FakeLedgerRepository {
  readonly accounts = new Map<string, PointsAccountEntity>();
  readonly transfers = new Map<string, PointsTransferEntity>();
  readonly lots: PointsLotEntity[] = [];
  readonly updates: string[] = [];

  findAccount = async (id: string) => this.accounts.get(id) ?? null;
  applyDelta = async (_m: TxManager, id: string, delta: AccountDelta, guard: number | null) => {
    this.updates.push(id);
    const account = this.accounts.get(id);
    if (!account) return false;
    const balance = account.balance + (delta.balance ?? 0);
    const pendingDebit = account.pendingDebit + (delta.pendingDebit ?? 0);
    if (guard !== null && balance - pendingDebit < 0) return false;
    Object.assign(account, {
      balance,
      pendingDebit,
      pendingCredit: account.pendingCredit + (delta.pendingCredit ?? 0),
    });
    return true;
  };
  openOrApply = async (
    _m: TxManager,
    row: Pick<PointsAccountEntity, 'id' | 'kind' | 'ownerId' | 'regionId'>,
    delta: AccountDelta,
  ) => {
    this.updates.push(row.id);
    const account =
      this.accounts.get(row.id) ??
      Object.assign(new PointsAccountEntity(), row, {
        balance: 0,
        pendingDebit: 0,
        pendingCredit: 0,
      });
    this.accounts.set(row.id, account);
    account.regionId ??= row.regionId;
    account.balance += delta.balance ?? 0;
    account.pendingDebit += delta.pendingDebit ?? 0;
    account.pendingCredit += delta.pendingCredit ?? 0;
  };
  findTransferByKey = async (key: string) =>
    [...this.transfers.values()].find((transfer) => transfer.idempotencyKey === key) ?? null;
  insertTransfer = async (_m: TxManager, transfer: PointsTransferEntity) => {
    this.transfers.set(transfer.id, transfer);
  };
  openLots = async (_m: TxManager, lots: PointsLotEntity[]) => {
    this.lots.push(...lots);
  };
  spendableLots = async (_m: TxManager, accountId: string) =>
    this.lots.filter((lot) => lot.accountId === accountId && lot.remaining > 0);
  drawFromLot = async (_m: TxManager, lotId: string, amount: number) => {
    const lot = this.lots.find((candidate) => candidate.id === lotId);
    if (!lot || lot.remaining < amount) return false;
    lot.remaining -= amount;
    return true;
  };
  insertDraws = async () => undefined;
  drawsOf = async () => [];
}

function build() {
  const rows = new FakeLedgerRepository();
  const transactions = {
    runWithRetry: <T>(work: (manager: TxManager, attempt: number) => Promise<T>) =>
      work({} as TxManager, 1),
  } as unknown as Transactions;
  const clock = { now: () => NOW } as Clock;
  const service = new LedgerService(
    rows as unknown as LedgerRepository,
    {} as EarningRulesRepository,
    {} as RegionsRepository,
    transactions,
    clock,
    {} as PinoLogger,
  );
  return { rows, service };
}

const grant = (amount: number, key = 'grant-key-1'): TransferRequest => ({
  debit: regionPool(REGION),
  credit: workerAccount(WORKER, REGION),
  amount,
  kind: 'manual',
  idempotencyKey: key,
});
const spend = (amount: number, key: string): TransferRequest => ({
  debit: workerAccount(WORKER),
  credit: regionPool(REGION),
  amount,
  kind: 'redemption',
  idempotencyKey: key,
});

describe(LedgerService.name, () => {
  it("changes the worker's account before the pool's whichever side is the debit", async () => {
    const { rows, service } = build();
    const worker = accountIdOf(workerAccount(WORKER));
    const pool = accountIdOf(regionPool(REGION));

    await service.transfer(grant(10));
    await service.transfer(spend(4, 'spend-key-1'));

    // The pool is new at the grant: its UPDATE finds nothing and the upsert opens it.
    expect(rows.updates).toEqual([worker, pool, pool, worker, pool]);
  });

  it('opens a lot for a worker credit that lapses at the end of next year, and draws it on a spend', async () => {
    const { rows, service } = build();

    await service.transfer(grant(10));
    await service.transfer(spend(4, 'spend-key-1'));

    expect(rows.lots).toEqual([
      expect.objectContaining({
        amount: 10,
        remaining: 6,
        expiresAt: new Date('2027-12-31T16:00:00Z'),
      }),
    ]);
  });

  it('refuses to overdraw with POINTS_INSUFFICIENT and records nothing', async () => {
    const { rows, service } = build();
    await service.transfer(grant(3));

    await expect(service.transfer(spend(4, 'spend-key-1'))).rejects.toMatchObject({
      code: 'POINTS_INSUFFICIENT',
    });
    expect(rows.transfers.size).toBe(1);
  });

  it('answers a used key with the first transfer, and refuses it for another body', async () => {
    const { rows, service } = build();

    const first = await service.transfer(grant(10));
    const again = await service.transfer(grant(10));
    const changed = service.transfer(grant(11));

    expect(again).toEqual({ transfer: first.transfer, replayed: true });
    await expect(changed).rejects.toEqual(LedgerError.keyReused());
    expect(rows.transfers.size).toBe(1);
  });

  it('rejects amounts that are not positive integers and transfers to the same account', async () => {
    const { service } = build();

    await expect(service.transfer(grant(0))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(service.transfer(grant(1.5))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      service.transfer({ ...grant(1), credit: regionPool(REGION) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
