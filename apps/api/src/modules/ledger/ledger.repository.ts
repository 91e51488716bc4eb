import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { TimePosition } from '../../common/pagination/cursor';
import { TxManager } from '../../database/transactions';
import { PointsAccountEntity } from './points-account.entity';
import { PointsLotDrawEntity } from './points-lot-draw.entity';
import { PointsLotEntity } from './points-lot.entity';
import { PointsTransferEntity } from './points-transfer.entity';

/** Signed changes to an account's three cached numbers. */
export interface AccountDelta {
  balance?: number;
  pendingDebit?: number;
  pendingCredit?: number;
}

export interface LotDrawSource {
  lotId: string;
  amount: number;
  earnedAt: Date;
  expiresAt: Date | null;
}

/** Raw rows of one account's lots grouped by expiry (for the balance view). */
export interface ExpiryGroup {
  expiresAt: Date;
  amount: number;
}

/**
 * Every query of the ledger. Methods that change state take the caller's transaction manager;
 * there is no method that changes an amount of a transfer or deletes one.
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get isMysql(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ---- accounts ------------------------------------------------------------------------

  /**
   * Applies an unguarded change (a credit, or a pool's debit) to the account, opening it first if
   * it does not exist: one statement, under the row's lock. An account opened without a region
   * takes the region named here (a region once set never changes). Answers
   * what the account can spend afterwards where the database returns it with the write
   * (MariaDB, SQLite), else null.
   */
  async openOrApply(
    manager: TxManager,
    account: Pick<PointsAccountEntity, 'id' | 'kind' | 'ownerId' | 'regionId'>,
    delta: AccountDelta,
  ): Promise<number | null> {
    const balance = delta.balance ?? 0;
    const pendingDebit = delta.pendingDebit ?? 0;
    const pendingCredit = delta.pendingCredit ?? 0;
    const insert =
      'INSERT INTO points_account (id, kind, owner_id, region_id, balance, pending_debit, pending_credit) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?) ';
    const update = this.isMysql
      ? 'ON DUPLICATE KEY UPDATE balance = balance + ?, pending_debit = pending_debit + ?, ' +
        'pending_credit = pending_credit + ?, region_id = COALESCE(region_id, ?)'
      : 'ON CONFLICT (id) DO UPDATE SET balance = balance + ?, pending_debit = pending_debit + ?, ' +
        "pending_credit = pending_credit + ?, region_id = COALESCE(region_id, ?), updated_at = datetime('now')";
    const returning =
      this.dataSource.options.type === 'mysql' ? '' : ' RETURNING balance, pending_debit';
    const rows: unknown = await manager.query(insert + update + returning, [
      account.id,
      account.kind,
      account.ownerId,
      account.regionId,
      balance,
      pendingDebit,
      pendingCredit,
      balance,
      pendingDebit,
      pendingCredit,
      account.regionId,
    ]);
    if (!Array.isArray(rows) || rows.length !== 1) return null;
    const [row] = rows as Array<{ balance: number | string; pending_debit: number | string }>;
    return Number(row.balance) - Number(row.pending_debit);
  }

  findAccount(id: string, manager?: TxManager): Promise<PointsAccountEntity | null> {
    return this.m(manager).findOneBy(PointsAccountEntity, { id });
  }

  /**
   * Applies signed changes to one account in one UPDATE. With `guardSpend`, the row changes only
   * if `balance − pendingDebit` stays ≥ 0 afterwards — the check and the write are one statement,
   * under the row lock, so parallel spends can never overdraw. Returns whether the row changed.
   */
  async applyDelta(
    manager: TxManager,
    accountId: string,
    delta: AccountDelta,
    guardSpend: number | null,
  ): Promise<boolean> {
    const set: Record<string, () => string> = {};
    const params: Record<string, number | string> = { accountId };
    if (delta.balance) {
      set.balance = () => 'balance + :dBalance';
      params.dBalance = delta.balance;
    }
    if (delta.pendingDebit) {
      set.pendingDebit = () => 'pending_debit + :dPendingDebit';
      params.dPendingDebit = delta.pendingDebit;
    }
    if (delta.pendingCredit) {
      set.pendingCredit = () => 'pending_credit + :dPendingCredit';
      params.dPendingCredit = delta.pendingCredit;
    }
    const query = manager
      .createQueryBuilder()
      .update(PointsAccountEntity)
      .set(set)
      .where('id = :accountId');
    if (guardSpend !== null) {
      query.andWhere('balance - pending_debit >= :guardSpend');
      params.guardSpend = guardSpend;
    }
    const result = await query.setParameters(params).execute();
    return (result.affected ?? 0) > 0;
  }

  // ---- transfers -----------------------------------------------------------------------

  findTransfer(id: string, manager?: TxManager): Promise<PointsTransferEntity | null> {
    return this.m(manager).findOneBy(PointsTransferEntity, { id });
  }

  findTransferByKey(key: string, manager?: TxManager): Promise<PointsTransferEntity | null> {
    return this.m(manager).findOneBy(PointsTransferEntity, { idempotencyKey: key });
  }

  async insertTransfer(manager: TxManager, transfer: PointsTransferEntity): Promise<void> {
    await manager.insert(PointsTransferEntity, transfer);
  }

  /** The one status step a transfer takes; false when it was no longer pending. */
  async resolvePending(
    manager: TxManager,
    id: string,
    status: 'posted' | 'voided',
    at: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PointsTransferEntity)
      .set({ status, resolvedAt: at })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** One account's transfers newest first, after `after`: two index range scans merged. */
  async pageForAccount(
    accountId: string,
    after: TimePosition | null,
    limit: number,
  ): Promise<PointsTransferEntity[]> {
    const side = (column: 'debitAccountId' | 'creditAccountId') => {
      const query = this.dataSource
        .getRepository(PointsTransferEntity)
        .createQueryBuilder('transfer')
        .where(`transfer.${column} = :accountId`, { accountId });
      if (after) {
        query.andWhere(
          new Brackets((where) =>
            where
              .where('transfer.createdAt < :afterAt', { afterAt: after.at })
              .orWhere('(transfer.createdAt = :afterAt AND transfer.id < :afterId)', {
                afterAt: after.at,
                afterId: after.id,
              }),
          ),
        );
      }
      return query
        .orderBy('transfer.createdAt', 'DESC')
        .addOrderBy('transfer.id', 'DESC')
        .take(limit)
        .getMany();
    };
    const [debits, credits] = await Promise.all([side('debitAccountId'), side('creditAccountId')]);
    const byId = new Map([...debits, ...credits].map((row) => [row.id, row]));
    return [...byId.values()]
      .sort(
        (a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      )
      .slice(0, limit);
  }

  // ---- lots ----------------------------------------------------------------------------

  async openLots(manager: TxManager, lots: PointsLotEntity[]): Promise<void> {
    if (lots.length > 0) await manager.insert(PointsLotEntity, lots);
  }

  /**
   * The account's lots with points left, in spending order: soonest expiry first (never-expiring
   * last), then oldest earned; lots opened by `preferSourceId` first when given (a reversal
   * takes back the very points it undoes). Callers hold the account's row lock, which every
   * writer of these lots takes first; on MySQL the rows are locked as well.
   */
  async spendableLots(
    manager: TxManager,
    accountId: string,
    preferSourceId: string | null,
  ): Promise<PointsLotEntity[]> {
    const query = manager
      .getRepository(PointsLotEntity)
      .createQueryBuilder('lot')
      .where('lot.accountId = :accountId AND lot.remaining > 0', { accountId });
    if (preferSourceId) {
      query
        .addSelect('CASE WHEN lot.sourceTransferId = :prefer THEN 0 ELSE 1 END', 'preference')
        .setParameter('prefer', preferSourceId)
        .orderBy('preference', 'ASC')
        .addOrderBy('CASE WHEN lot.expiresAt IS NULL THEN 1 ELSE 0 END', 'ASC');
    } else {
      query.orderBy('CASE WHEN lot.expiresAt IS NULL THEN 1 ELSE 0 END', 'ASC');
    }
    query
      .addOrderBy('lot.expiresAt', 'ASC')
      .addOrderBy('lot.earnedAt', 'ASC')
      .addOrderBy('lot.id', 'ASC');
    if (this.isMysql) query.setLock('pessimistic_write');
    return query.getMany();
  }

  findLot(id: string, manager?: TxManager): Promise<PointsLotEntity | null> {
    return this.m(manager).findOneBy(PointsLotEntity, { id });
  }

  /** Takes `amount` from a lot if it still has that much; false otherwise. */
  async drawFromLot(manager: TxManager, lotId: string, amount: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PointsLotEntity)
      .set({ remaining: () => 'remaining - :amount' })
      .where('id = :lotId AND remaining >= :amount', { lotId, amount })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async insertDraws(manager: TxManager, draws: PointsLotDrawEntity[]): Promise<void> {
    if (draws.length > 0) await manager.insert(PointsLotDrawEntity, draws);
  }

  /** What a debit took, with the dates of the lots it took from (to give points back as they were). */
  async drawsOf(manager: TxManager, transferId: string): Promise<LotDrawSource[]> {
    const rows = await manager
      .getRepository(PointsLotDrawEntity)
      .createQueryBuilder('draw')
      .innerJoin(PointsLotEntity, 'lot', 'lot.id = draw.lotId')
      .select('draw.lotId', 'lotId')
      .addSelect('draw.amount', 'amount')
      .addSelect('lot.earnedAt', 'earnedAt')
      .addSelect('lot.expiresAt', 'expiresAt')
      .where('draw.transferId = :transferId', { transferId })
      .orderBy('draw.id', 'ASC')
      .getRawMany<{
        lotId: string;
        amount: number | string;
        earnedAt: Date | string;
        expiresAt: Date | string | null;
      }>();
    return rows.map((row) => ({
      lotId: row.lotId,
      amount: Number(row.amount),
      earnedAt: toDate(row.earnedAt),
      expiresAt: row.expiresAt === null ? null : toDate(row.expiresAt),
    }));
  }

  /** Lots past their expiry that still hold points, oldest expiry first. */
  dueLots(now: Date, limit: number): Promise<PointsLotEntity[]> {
    return this.dataSource
      .getRepository(PointsLotEntity)
      .createQueryBuilder('lot')
      .where('lot.expiresAt <= :now AND lot.remaining > 0', { now })
      .orderBy('lot.expiresAt', 'ASC')
      .addOrderBy('lot.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The account's spendable points per expiry date, soonest first. */
  async expiryGroups(accountId: string): Promise<ExpiryGroup[]> {
    const rows = await this.dataSource
      .getRepository(PointsLotEntity)
      .createQueryBuilder('lot')
      .select('lot.expiresAt', 'expiresAt')
      .addSelect('SUM(lot.remaining)', 'amount')
      .where('lot.accountId = :accountId AND lot.remaining > 0', { accountId })
      .andWhere('lot.expiresAt IS NOT NULL')
      .groupBy('lot.expiresAt')
      .orderBy('lot.expiresAt', 'ASC')
      .getRawMany<{ expiresAt: Date | string; amount: number | string }>();
    return rows.map((row) => ({ expiresAt: toDate(row.expiresAt), amount: Number(row.amount) }));
  }
}

/** SQLite hands raw datetimes back as UTC text without a zone; MySQL (timezone Z) as Dates. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
