import { Injectable } from '@nestjs/common';
import {
  EARNING_KINDS,
  EarningKind,
  PointsAccountKind,
  TransferKind,
  TransferStatus,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { drainDue } from '../../common/jobs/drain-due';
import { lineageOf } from '../regions/region-lineage';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { uuidV5 } from '../../common/uuid';
import { Transactions, TxManager } from '../../database/transactions';
import { TransientConflictError } from '../../database/transient-errors';
import { isUniqueViolation } from '../../database/unique-violation';
import { DEFAULT_TIME_ZONE, RegionEntity } from '../regions/region.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { CapCounterEntity } from './cap-counter.entity';
import { EarningRuleEntity } from './earning-rule.entity';
import { EarningRulesRepository } from './earning-rules.repository';
import {
  AccountRef,
  accountIdOf,
  isSharedAccount,
  isSpendGuarded,
  LEDGER_NAMESPACE,
  regionPool,
  workerAccount,
} from './ledger-accounts';
import { LedgerError } from './ledger.errors';
import { AccountDelta, LedgerRepository } from './ledger.repository';
import { PointsAwardEntity } from './points-award.entity';
import { capPeriodKeys, expiryOf } from './points-periods';
import { PointsLotDrawEntity } from './points-lot-draw.entity';
import { PointsLotEntity } from './points-lot.entity';
import { PointsTransferEntity } from './points-transfer.entity';
import { requestHash } from './request-hash';

/** What a transfer is about (a check-in, a report, a redemption …). */
export interface TransferRef {
  type: string;
  id: string | null;
}

export interface TransferRequest {
  debit: AccountRef;
  credit: AccountRef;
  amount: number;
  kind: TransferKind;
  ref?: TransferRef | null;
  /** Unique across the ledger; callers namespace theirs (`adjustment:<admin>:<key>`). */
  idempotencyKey: string;
  /** Hold now, post or void later. */
  pending?: boolean;
  memo?: string | null;
  createdBy?: string | null;
  /** When points credited to a worker lapse; default: the end of next year. */
  expiresAt?: Date | null;
  /** Extra request fields that must match on a replay (the caller's own body). */
  requestFields?: Record<string, string | number | boolean | null>;
  /**
   * The caller has just looked the key up itself and found nothing: skip the ledger's lookup
   * (a racing request with the key still ends at its unique index, and is answered as a replay).
   */
  fresh?: boolean;
}

/** A transfer as the ledger's callers see it. */
export interface TransferView {
  id: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  kind: TransferKind;
  status: TransferStatus;
  refType: string | null;
  refId: string | null;
  reversesTransferId: string | null;
  memo: string | null;
  createdAt: string;
}

export interface TransferOutcome {
  transfer: TransferView;
  /** True when the idempotency key had been used: the answer is the first one, nothing moved. */
  replayed: boolean;
}

/** Work to do inside a transfer's transaction (an audit entry), after the points moved. */
export type WithinTransaction = (manager: TxManager, transfer: TransferView) => Promise<void>;

export interface AwardRequest {
  workerId: string;
  /** Where the work happened (the station's or report's region): picks the rule and its pool. */
  regionId: string;
  kind: EarningKind;
  ref?: TransferRef | null;
  idempotencyKey: string;
  /** Rule units (hours for volunteering); default 1. */
  units?: number;
  /** Hold the points until a later decision (`post` / `void`). */
  pending?: boolean;
  /** The region of `regionId` when the caller has it loaded already (spares a read). */
  region?: RegionEntity;
  /**
   * The caller created the award's subject just now, so no award under the key can exist yet:
   * skip the replay lookup (a racing award still ends in the key's unique index → replay).
   */
  fresh?: boolean;
  /**
   * Work to do in the award's own transaction once the outcome is known (not on a replay), with
   * the worker's spendable points after the credit when the database answered them with it.
   */
  within?: (manager: TxManager, result: AwardResult, spendable: number | null) => Promise<void>;
}

export interface AwardResult {
  awardId: string;
  ruleId: string | null;
  requested: number;
  awarded: number;
  /** True when a cap cut the award (to less than requested, maybe to 0). */
  capped: boolean;
  transferId: string | null;
  status: TransferStatus | null;
}

export interface ExpiryRun {
  lots: number;
  points: number;
  failures: number;
}

/** One planned movement: the row to insert and what it does to lots. */
interface Movement {
  transfer: PointsTransferEntity;
  /** The accounts (opened by the movement when they do not exist and may be credited). */
  debit: AccountRef;
  credit: AccountRef;
  /** Reversal of a credit: take back the lots that credit opened first. */
  preferLotsFrom?: string | null;
  /** Undo of a debit: give back what it drew, with the lots' original dates. */
  restoreDrawsOf?: string | null;
  /** Expiry: draw exactly this lot. */
  onlyLot?: string | null;
}

/** Rolls a post/void back when another request resolved the transfer first. */
class AlreadyResolved extends Error {}

const CAP_COUNTER_NAMESPACE = LEDGER_NAMESPACE;
const EXPIRY_BATCH = 200;
const MAX_UNITS = 1_000;
/** Ledger transactions read only rows they have locked; no snapshot is needed. */
const TX_OPTIONS = { isolation: 'READ COMMITTED' } as const;

export function toTransferView(transfer: PointsTransferEntity): TransferView {
  return {
    id: transfer.id,
    debitAccountId: transfer.debitAccountId,
    creditAccountId: transfer.creditAccountId,
    amount: transfer.amount,
    kind: transfer.kind,
    status: transfer.status,
    refType: transfer.refType,
    refId: transfer.refId,
    reversesTransferId: transfer.reversesTransferId,
    memo: transfer.memo,
    createdAt: transfer.createdAt.toISOString(),
  };
}

/**
 * The one owner of every transaction that moves points. Each movement is: the worker's
 * account changed (a debit with a conditional UPDATE that refuses to overdraw, a credit with an
 * upsert that opens the account) and its lots drawn or opened, the caller's own rows, then the
 * shared account (a district's pool, a merchant's clearing) and the transfer row (its unique
 * idempotency key makes a retry a replay) — all in one transaction that is run again whole
 * after a deadlock or lock timeout. See `apply` for why in this order.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly rules: EarningRulesRepository,
    private readonly regions: RegionsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @InjectPinoLogger(LedgerService.name) private readonly logger: PinoLogger,
  ) {}

  /** What a worker can spend now: posted points minus points held by pending spends. */
  async spendable(userId: string): Promise<number> {
    const account = await this.ledger.findAccount(accountIdOf(workerAccount(userId)));
    return account ? account.balance - account.pendingDebit : 0;
  }

  // ---- plain transfers -----------------------------------------------------------------

  /**
   * Moves points (or holds them, with `pending`). The same key with the same request answers
   * the first result without moving anything; with another request → 409 IDEMPOTENCY_KEY_REUSED.
   */
  async transfer(request: TransferRequest, within?: WithinTransaction): Promise<TransferOutcome> {
    const { amount } = request;
    if (!Number.isInteger(amount) || amount <= 0) {
      throw ValidationFailedError.forField(
        'amount',
        'isPositive',
        'amount must be a positive integer',
      );
    }
    const debitId = accountIdOf(request.debit);
    const creditId = accountIdOf(request.credit);
    if (debitId === creditId) throw LedgerError.conflict('A transfer needs two different accounts');
    const hash = requestHash({
      debit: debitId,
      credit: creditId,
      amount,
      kind: request.kind,
      refType: request.ref?.type ?? null,
      refId: request.ref?.id ?? null,
      pending: request.pending ?? false,
      memo: request.memo ?? null,
      ...request.requestFields,
    });
    if (!request.fresh) {
      const existing = await this.ledger.findTransferByKey(request.idempotencyKey);
      if (existing) return replay(existing, hash);
    }

    const now = this.clock.now();
    const expiresAt =
      request.expiresAt !== undefined
        ? request.expiresAt
        : request.credit.kind === 'worker_points'
          ? expiryOf('end_of_next_year', now, DEFAULT_TIME_ZONE)
          : null;
    const outcome = await this.commit(
      request.idempotencyKey,
      hash,
      async () => ({
        transfer: newTransfer({
          debitAccountId: debitId,
          creditAccountId: creditId,
          amount,
          kind: request.kind,
          status: request.pending ? 'pending' : 'posted',
          ref: request.ref ?? null,
          idempotencyKey: request.idempotencyKey,
          requestHash: hash,
          memo: request.memo ?? null,
          createdBy: request.createdBy ?? null,
          expiresAt,
          createdAt: now,
        }),
        debit: request.debit,
        credit: request.credit,
      }),
      within,
    );
    if (!outcome) throw new Error('A transfer planned nothing');
    return outcome;
  }

  /** Settles a pending transfer: the held points count (idempotent; a voided one → 409). */
  post(transferId: string): Promise<TransferView> {
    return this.resolve(transferId, 'posted');
  }

  /** Releases a pending transfer without effect (idempotent; a posted one → 409). */
  void(transferId: string): Promise<TransferView> {
    return this.resolve(transferId, 'voided');
  }

  /**
   * Undoes a posted transfer with one in the other direction (`reversal`, or `refund` for a
   * redemption). At most one undo per transfer (a unique column); undoing a worker's credit
   * needs the points still to be there (409 POINTS_INSUFFICIENT otherwise).
   */
  async reverse(
    transferId: string,
    options: {
      idempotencyKey: string;
      kind?: 'reversal' | 'refund';
      memo?: string | null;
      createdBy?: string | null;
    },
    within?: WithinTransaction,
  ): Promise<TransferOutcome> {
    const kind = options.kind ?? 'reversal';
    const original = await this.ledger.findTransfer(transferId);
    if (!original) throw new NotFoundError('Transfer not found');
    const hash = requestHash({ reverses: original.id, kind, memo: options.memo ?? null });
    const existing = await this.ledger.findTransferByKey(options.idempotencyKey);
    if (existing) return replay(existing, hash);
    if (original.status !== 'posted') {
      throw LedgerError.conflict('Only a posted transfer can be undone; a pending one is voided');
    }
    if (['reversal', 'refund', 'expiry'].includes(original.kind)) {
      throw LedgerError.conflict(`A ${original.kind} transfer cannot be undone`);
    }
    const [debit, credit] = await Promise.all([
      this.ledger.findAccount(original.creditAccountId),
      this.ledger.findAccount(original.debitAccountId),
    ]);
    if (!debit || !credit) throw new Error(`Accounts of transfer ${original.id} are missing`);
    const now = this.clock.now();
    try {
      const outcome = await this.commit(
        options.idempotencyKey,
        hash,
        async () => ({
          transfer: newTransfer({
            debitAccountId: debit.id,
            creditAccountId: credit.id,
            amount: original.amount,
            kind,
            status: 'posted',
            ref: { type: original.refType ?? 'transfer', id: original.refId ?? original.id },
            idempotencyKey: options.idempotencyKey,
            requestHash: hash,
            memo: options.memo ?? null,
            createdBy: options.createdBy ?? null,
            expiresAt: null,
            reversesTransferId: original.id,
            createdAt: now,
          }),
          debit,
          credit,
          preferLotsFrom: original.id,
          restoreDrawsOf: original.id,
        }),
        within,
      );
      if (!outcome) throw new Error('A reversal planned nothing');
      return outcome;
    } catch (error) {
      if (isUniqueViolation(error)) throw LedgerError.conflict('This transfer was already undone');
      throw error;
    }
  }

  // ---- earning -------------------------------------------------------------------------

  /**
   * Awards a worker the points the region's rule gives for `kind`, within its daily and weekly
   * caps (a cap may cut an award short, or to 0). The caps are counters raised conditionally in
   * the award's own transaction, so parallel awards never pass them together. Idempotent on
   * `idempotencyKey`, capped outcomes included. The worker's home region is set by their first
   * award (`regionId`), and points come from the pool of the region that defined the rule.
   */
  async award(request: AwardRequest): Promise<AwardResult> {
    const units = request.units ?? 1;
    if (!EARNING_KINDS.includes(request.kind)) {
      throw ValidationFailedError.forField('kind', 'isEarningKind', 'kind is not an earning kind');
    }
    if (!Number.isInteger(units) || units < 1 || units > MAX_UNITS) {
      throw ValidationFailedError.forField(
        'units',
        'isPositive',
        'units must be a positive integer',
      );
    }
    const hash = requestHash({
      workerId: request.workerId,
      regionId: request.regionId,
      kind: request.kind,
      refType: request.ref?.type ?? null,
      refId: request.ref?.id ?? null,
      units,
      pending: request.pending ?? false,
    });
    if (!request.fresh) {
      const existing = await this.rules.findAwardByKey(request.idempotencyKey);
      if (existing) return this.replayAward(existing, hash);
    }

    const region =
      request.region?.id === request.regionId
        ? request.region
        : await this.regions.findById(request.regionId);
    if (!region) throw new NotFoundError('Region not found');
    const rule = await this.ruleFor(region, request.kind);
    const now = this.clock.now();
    // The worker's account, the pool and the cap counters are opened inside the transaction.
    const worker = workerAccount(request.workerId, region.id);
    const pool = rule ? regionPool(rule.regionId) : null;
    const periods = capPeriodKeys(now, region.timeZone);
    const caps = rule ? capsOf(rule, periods) : [];

    try {
      return await this.transactions.runWithRetry(async (manager) => {
        const award: PointsAwardEntity = Object.assign(new PointsAwardEntity(), {
          id: randomUUID(),
          idempotencyKey: request.idempotencyKey,
          requestHash: hash,
          userId: request.workerId,
          regionId: region.id,
          ruleId: rule?.id ?? null,
          kind: request.kind,
          refType: request.ref?.type ?? null,
          refId: request.ref?.id ?? null,
          requested: rule ? rule.points * units : 0,
          awarded: 0,
          transferId: null,
          dayKey: null,
          weekKey: null,
          createdAt: now,
        });
        let status: TransferStatus | null = null;
        const recordAward = async (spendable: number | null = null) => {
          await this.rules.insertAward(award, manager);
          if (request.within) {
            await request.within(manager, toAwardResult(award, status), spendable);
          }
        };
        if (rule && pool) {
          const granted = await this.takeFromCaps(manager, award, rule, caps);
          if (granted > 0) {
            const movement: Movement = {
              transfer: newTransfer({
                debitAccountId: accountIdOf(pool),
                creditAccountId: accountIdOf(worker),
                amount: granted,
                kind: request.kind,
                status: request.pending ? 'pending' : 'posted',
                ref: request.ref ?? null,
                idempotencyKey: `award:${request.idempotencyKey}`,
                requestHash: hash,
                memo: null,
                createdBy: null,
                expiresAt: expiryOf(rule.expiryPolicy, now, region.timeZone),
                createdAt: now,
              }),
              debit: pool,
              credit: worker,
            };
            award.transferId = movement.transfer.id;
            award.awarded = granted;
            status = movement.transfer.status;
            // The award row goes in before the pool's row is locked (see apply).
            await this.apply(manager, movement, recordAward);
            return toAwardResult(award, status);
          }
        }
        await recordAward();
        return toAwardResult(award, status);
      }, TX_OPTIONS);
    } catch (error) {
      if (isUniqueViolation(error)) {
        const winner = await this.rules.findAwardByKey(request.idempotencyKey);
        if (winner) return this.replayAward(winner, hash);
      }
      throw error;
    }
  }

  /** What an earlier `award()` under this key did, or null when there was none. */
  async awardOf(idempotencyKey: string): Promise<AwardResult | null> {
    const award = await this.rules.findAwardByKey(idempotencyKey);
    return award ? this.resultOf(award) : null;
  }

  /** The rule for `kind` in a region: its own, else its nearest ancestor's. */
  async ruleFor(region: RegionEntity, kind: EarningKind): Promise<EarningRuleEntity | null> {
    return (await this.rulesFor(region)).find((rule) => rule.kind === kind) ?? null;
  }

  /** One effective rule per kind for a region (own rules override inherited ones). */
  async rulesFor(region: Pick<RegionEntity, 'path'>): Promise<EarningRuleEntity[]> {
    const lineage = lineageOf(region);
    const rules = await this.rules.rulesOfRegions(lineage);
    const depth = (rule: EarningRuleEntity) => lineage.indexOf(rule.regionId);
    const byKind = new Map<EarningKind, EarningRuleEntity>();
    for (const rule of rules) {
      const current = byKind.get(rule.kind);
      if (!current || depth(rule) > depth(current)) byKind.set(rule.kind, rule);
    }
    return EARNING_KINDS.flatMap((kind) => byKind.get(kind) ?? []);
  }

  // ---- expiry --------------------------------------------------------------------------

  /** Expires every lot past its date, each as its own ledger transfer (idempotent per lot). */
  async expireDue(now = this.clock.now()): Promise<ExpiryRun> {
    const run: ExpiryRun = { lots: 0, points: 0, failures: 0 };
    const drained = await drainDue(
      (take) => this.ledger.dueLots(now, take),
      EXPIRY_BATCH,
      async (lot) => {
        const outcome = await this.expireLot(lot.id, now);
        if (outcome && !outcome.replayed) {
          run.lots += 1;
          run.points += outcome.transfer.amount;
        }
        return true;
      },
      (lot, error) =>
        this.logger.error({ err: error, lotId: lot.id }, 'Could not expire a points lot'),
    );
    run.failures = drained.failures;
    return run;
  }

  /** Moves what is left of one expired lot back to the worker's home-region pool. */
  async expireLot(lotId: string, now = this.clock.now()): Promise<TransferOutcome | null> {
    const lot = await this.ledger.findLot(lotId);
    if (!lot || lot.remaining === 0 || !lot.expiresAt || lot.expiresAt > now) return null;
    const account = await this.ledger.findAccount(lot.accountId);
    if (!account || account.kind !== 'worker_points' || !account.regionId) {
      throw new Error(`Lot ${lotId} belongs to no worker with a home region`);
    }
    const pool = regionPool(account.regionId);
    const key = `expiry:${lotId}`;
    const hash = requestHash({ expiresLot: lotId });
    const existing = await this.ledger.findTransferByKey(key);
    if (existing) return replay(existing, hash);
    return this.commit(key, hash, async (manager) => {
      const current = await this.ledger.findLot(lotId, manager);
      if (!current || current.remaining === 0) return null;
      return {
        transfer: newTransfer({
          debitAccountId: account.id,
          creditAccountId: accountIdOf(pool),
          amount: current.remaining,
          kind: 'expiry',
          status: 'posted',
          ref: { type: 'lot', id: lotId },
          idempotencyKey: key,
          requestHash: hash,
          memo: null,
          createdBy: null,
          expiresAt: null,
          createdAt: now,
        }),
        debit: account,
        credit: pool,
        onlyLot: lotId,
      };
    });
  }

  // ---- internals -----------------------------------------------------------------------

  /**
   * Runs one planned movement in a retried transaction. When it fails because a concurrent
   * request with the same key got there first (a duplicate key, or the points it took), the
   * first request's transfer is the answer.
   */
  private async commit(
    key: string,
    hash: string,
    plan: (manager: TxManager) => Promise<Movement | null>,
    within?: WithinTransaction,
  ): Promise<TransferOutcome | null> {
    try {
      const view = await this.transactions.runWithRetry(async (manager) => {
        const movement = await plan(manager);
        if (!movement) return null;
        const view = toTransferView(movement.transfer);
        await this.apply(manager, movement, within && (() => within(manager, view)));
        return view;
      }, TX_OPTIONS);
      return view ? { transfer: view, replayed: false } : null;
    } catch (error) {
      // A request whose key a committed transfer holds is a replay, however its own attempt
      // failed: at the key's unique index, or earlier on what the first one changed (the points
      // it took, the caller's rows it closed — they are written before the transfer row).
      const winner = await this.ledger.findTransferByKey(key);
      if (winner) return replay(winner, hash);
      throw error;
    }
  }

  /**
   * The heart of the ledger. Lock order, the same in every transaction that moves points: the
   * workers' accounts (id order) and their lots, then the caller's own rows (`beforeShared`),
   * then the shared accounts — region pools, merchant clearing — in id order, and last the
   * transfer row. Every movement of a district goes through its pool's one row, so that lock is
   * taken as late as possible and held for two statements and the commit. (The transfer row
   * cannot go first: its foreign keys read-lock both accounts, and a read lock that later
   * becomes a write lock deadlocks parallel movements.)
   */
  private async apply(
    manager: TxManager,
    movement: Movement,
    beforeShared?: (creditSpendable: number | null) => Promise<void>,
  ): Promise<void> {
    const { transfer } = movement;
    const amount = transfer.amount;
    const pending = transfer.status === 'pending';
    const sides: AccountSide[] = [
      {
        accountId: transfer.debitAccountId,
        ref: movement.debit,
        delta: pending ? { pendingDebit: amount } : { balance: -amount },
        guard: isSpendGuarded(movement.debit.kind) ? amount : null,
      },
      {
        accountId: transfer.creditAccountId,
        ref: movement.credit,
        delta: pending ? { pendingCredit: amount } : { balance: amount },
        guard: null,
      },
    ].sort(byLockOrder);
    const own = sides.filter((side) => !isSharedAccount(side.ref.kind));
    const shared = sides.filter((side) => isSharedAccount(side.ref.kind));
    let creditSpendable: number | null = null;
    for (const side of own) {
      const spendable = await this.moveSide(manager, side);
      if (side.accountId === transfer.creditAccountId) creditSpendable = spendable;
    }
    if (movement.debit.kind === 'worker_points') {
      await this.drawLots(manager, transfer.debitAccountId, amount, transfer.id, movement);
    }
    if (movement.credit.kind === 'worker_points' && !pending) {
      await this.creditLots(
        manager,
        transfer.creditAccountId,
        transfer,
        movement.restoreDrawsOf ?? null,
      );
    }
    if (beforeShared) await beforeShared(creditSpendable);
    for (const side of shared) await this.moveSide(manager, side);
    await this.ledger.insertTransfer(manager, transfer);
  }

  /**
   * Changes one account. A guarded debit is one conditional UPDATE (refused: not enough points,
   * or no account at all). Anything else opens the account if it is new: a worker's in one
   * upsert; a shared account, nearly always there, with a plain UPDATE first. Answers what an
   * upserted account can spend now, when the database tells (else null).
   */
  private async moveSide(manager: TxManager, side: AccountSide): Promise<number | null> {
    if (side.guard !== null) {
      if (!(await this.ledger.applyDelta(manager, side.accountId, side.delta, side.guard))) {
        throw LedgerError.insufficient();
      }
      return null;
    }
    if (isSharedAccount(side.ref.kind)) {
      if (await this.ledger.applyDelta(manager, side.accountId, side.delta, null)) return null;
    }
    return this.ledger.openOrApply(
      manager,
      { id: side.accountId, ...accountFields(side.ref) },
      side.delta,
    );
  }

  /** Takes `amount` from the worker's lots in spending order and records what came from where. */
  private async drawLots(
    manager: TxManager,
    accountId: string,
    amount: number,
    transferId: string,
    movement: Pick<Movement, 'preferLotsFrom' | 'onlyLot'>,
  ): Promise<void> {
    const draws: PointsLotDrawEntity[] = [];
    const record = (lotId: string, taken: number) =>
      draws.push(
        Object.assign(new PointsLotDrawEntity(), {
          id: randomUUID(),
          lotId,
          transferId,
          amount: taken,
        }),
      );
    if (movement.onlyLot) {
      if (!(await this.ledger.drawFromLot(manager, movement.onlyLot, amount))) {
        throw new TransientConflictError(`Lot ${movement.onlyLot} changed while expiring`);
      }
      record(movement.onlyLot, amount);
    } else {
      let left = amount;
      const lots = await this.ledger.spendableLots(
        manager,
        accountId,
        movement.preferLotsFrom ?? null,
      );
      for (const lot of lots) {
        if (left === 0) break;
        const taken = Math.min(lot.remaining, left);
        if (!(await this.ledger.drawFromLot(manager, lot.id, taken))) {
          throw new TransientConflictError(`Lot ${lot.id} changed while drawing`);
        }
        record(lot.id, taken);
        left -= taken;
      }
      if (left > 0) {
        // The account row allowed the spend, so the lots must cover it: they are out of step.
        throw new Error(
          `Lots of account ${accountId} hold ${amount - left} of ${amount} spendable points`,
        );
      }
    }
    await this.ledger.insertDraws(manager, draws);
  }

  /** Opens the lots a posted credit to a worker brings: restored ones for an undo, else one new. */
  private async creditLots(
    manager: TxManager,
    accountId: string,
    transfer: PointsTransferEntity,
    restoreDrawsOf: string | null,
  ): Promise<void> {
    const now = transfer.resolvedAt ?? transfer.createdAt;
    const restored = restoreDrawsOf ? await this.ledger.drawsOf(manager, restoreDrawsOf) : [];
    const restoredTotal = restored.reduce((sum, draw) => sum + draw.amount, 0);
    const lots =
      restored.length > 0 && restoredTotal === transfer.amount
        ? restored.map((draw) =>
            newLot(accountId, transfer.id, draw.amount, draw.earnedAt, draw.expiresAt),
          )
        : [newLot(accountId, transfer.id, transfer.amount, now, transfer.expiresAt)];
    await this.ledger.openLots(manager, lots);
  }

  private async resolve(transferId: string, target: 'posted' | 'voided'): Promise<TransferView> {
    const transfer = await this.ledger.findTransfer(transferId);
    if (!transfer) throw new NotFoundError('Transfer not found');
    if (transfer.status !== 'pending') return answerResolved(transfer, target);
    const [debit, credit] = await Promise.all([
      this.ledger.findAccount(transfer.debitAccountId),
      this.ledger.findAccount(transfer.creditAccountId),
    ]);
    if (!debit || !credit) throw new Error(`Accounts of transfer ${transfer.id} are missing`);
    const amount = transfer.amount;
    const now = this.clock.now();
    try {
      await this.transactions.runWithRetry(async (manager) => {
        // The lock order of apply: cap counters, workers' accounts, then the shared ones.
        if (target === 'voided') await this.releaseCaps(manager, transfer);
        const sides: Array<{
          accountId: string;
          ref: { kind: PointsAccountKind };
          delta: AccountDelta;
        }> = [
          {
            accountId: debit.id,
            ref: debit,
            delta:
              target === 'posted'
                ? { pendingDebit: -amount, balance: -amount }
                : { pendingDebit: -amount },
          },
          {
            accountId: credit.id,
            ref: credit,
            delta:
              target === 'posted'
                ? { pendingCredit: -amount, balance: amount }
                : { pendingCredit: -amount },
          },
        ].sort(byLockOrder);
        const changeAccounts = async (shared: boolean) => {
          for (const side of sides) {
            if (isSharedAccount(side.ref.kind) === shared) {
              await this.ledger.applyDelta(manager, side.accountId, side.delta, null);
            }
          }
        };
        await changeAccounts(false);
        // The transfer row is taken here, before the lots and the shared account, unlike in
        // apply: only a post or void of this same transfer locks it, and that one has locked
        // the worker's row first, so the two queue there and cannot deadlock.
        if (!(await this.ledger.resolvePending(manager, transfer.id, target, now))) {
          throw new AlreadyResolved();
        }
        const resolved = Object.assign(new PointsTransferEntity(), transfer, {
          status: target,
          resolvedAt: now,
        });
        if (target === 'posted' && credit.kind === 'worker_points') {
          await this.creditLots(manager, credit.id, resolved, null);
        }
        if (target === 'voided' && debit.kind === 'worker_points') {
          // A voided hold gives its points back as they were.
          await this.creditLots(manager, debit.id, resolved, transfer.id);
        }
        await changeAccounts(true);
      }, TX_OPTIONS);
    } catch (error) {
      if (!(error instanceof AlreadyResolved)) throw error;
    }
    const settled = await this.ledger.findTransfer(transfer.id);
    if (!settled) throw new Error(`Transfer ${transfer.id} vanished`);
    return answerResolved(settled, target);
  }

  /**
   * What the caps leave of the award, with every counter raised by exactly that: the counters
   * are opened, locked and read in one statement, and raised in one more.
   */
  private async takeFromCaps(
    manager: TxManager,
    award: PointsAwardEntity,
    rule: EarningRuleEntity,
    caps: CapSpec[],
  ): Promise<number> {
    if (caps.length === 0) return award.requested;
    const counters = caps.map((cap) =>
      Object.assign(new CapCounterEntity(), {
        id: counterIdOf(award.userId, rule.id, cap.periodKey),
        userId: award.userId,
        ruleId: rule.id,
        periodKey: cap.periodKey,
        points: 0,
      }),
    );
    const points = await this.rules.lockCounters(counters, manager);
    let granted = award.requested;
    for (const [index, cap] of caps.entries()) {
      const left = cap.limit - (points.get(counters[index].id) ?? 0);
      if (left <= 0) return 0;
      award[cap.field] = cap.periodKey;
      granted = Math.min(granted, left);
    }
    if (granted > 0) {
      await this.rules.raise(
        counters.map((counter) => counter.id),
        granted,
        manager,
      );
    }
    return granted;
  }

  private async releaseCaps(manager: TxManager, transfer: PointsTransferEntity): Promise<void> {
    const award = await this.rules.findAwardByTransfer(transfer.id, manager);
    if (!award?.ruleId) return;
    for (const periodKey of [award.dayKey, award.weekKey]) {
      if (periodKey) {
        const id = counterIdOf(award.userId, award.ruleId, periodKey);
        await this.rules.subtract(id, transfer.amount, manager);
      }
    }
  }

  private async replayAward(award: PointsAwardEntity, hash: string): Promise<AwardResult> {
    if (award.requestHash !== hash) throw LedgerError.keyReused();
    return this.resultOf(award);
  }

  /** An award as it stands now: its transfer may have been posted or voided since. */
  private async resultOf(award: PointsAwardEntity): Promise<AwardResult> {
    const transfer = award.transferId ? await this.ledger.findTransfer(award.transferId) : null;
    return toAwardResult(award, transfer?.status ?? null);
  }
}

interface CapSpec {
  periodKey: string;
  limit: number;
  field: 'dayKey' | 'weekKey';
}

function capsOf(rule: EarningRuleEntity, periods: { day: string; week: string }): CapSpec[] {
  const caps: CapSpec[] = [];
  if (rule.dailyCap !== null)
    caps.push({ periodKey: periods.day, limit: rule.dailyCap, field: 'dayKey' });
  if (rule.weeklyCap !== null) {
    caps.push({ periodKey: periods.week, limit: rule.weeklyCap, field: 'weekKey' });
  }
  return caps;
}

export function counterIdOf(userId: string, ruleId: string, periodKey: string): string {
  return uuidV5(`cap:${userId}:${ruleId}:${periodKey}`, CAP_COUNTER_NAMESPACE);
}

function byAccountId(a: { accountId: string }, b: { accountId: string }): number {
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}

/** One account's part in a movement. */
interface AccountSide {
  accountId: string;
  ref: Pick<AccountRef, 'kind' | 'ownerId' | 'regionId'>;
  delta: AccountDelta;
  /** The amount a guarded debit may not overdraw; null for an unguarded change. */
  guard: number | null;
}

/** Workers' accounts before shared ones, each in id order: the ledger's one lock order. */
function byLockOrder(
  a: { accountId: string; ref: { kind: PointsAccountKind } },
  b: { accountId: string; ref: { kind: PointsAccountKind } },
): number {
  return (
    Number(isSharedAccount(a.ref.kind)) - Number(isSharedAccount(b.ref.kind)) || byAccountId(a, b)
  );
}

function accountFields(ref: Pick<AccountRef, 'kind' | 'ownerId' | 'regionId'>) {
  return { kind: ref.kind, ownerId: ref.ownerId, regionId: ref.regionId };
}

function replay(existing: PointsTransferEntity, hash: string): TransferOutcome {
  if (existing.requestHash !== hash) throw LedgerError.keyReused();
  return { transfer: toTransferView(existing), replayed: true };
}

function answerResolved(transfer: PointsTransferEntity, target: 'posted' | 'voided'): TransferView {
  if (transfer.status === target) return toTransferView(transfer);
  throw LedgerError.conflict(`The transfer is already ${transfer.status}`);
}

function toAwardResult(award: PointsAwardEntity, status: TransferStatus | null): AwardResult {
  return {
    awardId: award.id,
    ruleId: award.ruleId,
    requested: award.requested,
    awarded: award.awarded,
    capped: award.ruleId !== null && award.awarded < award.requested,
    transferId: award.transferId,
    status,
  };
}

function newTransfer(fields: {
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  kind: TransferKind;
  status: 'pending' | 'posted';
  ref: TransferRef | null;
  idempotencyKey: string;
  requestHash: string;
  memo: string | null;
  createdBy: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  reversesTransferId?: string | null;
}): PointsTransferEntity {
  return Object.assign(new PointsTransferEntity(), {
    id: randomUUID(),
    debitAccountId: fields.debitAccountId,
    creditAccountId: fields.creditAccountId,
    amount: fields.amount,
    kind: fields.kind,
    status: fields.status,
    refType: fields.ref?.type ?? null,
    refId: fields.ref?.id ?? null,
    idempotencyKey: fields.idempotencyKey,
    requestHash: fields.requestHash,
    reversesTransferId: fields.reversesTransferId ?? null,
    expiresAt: fields.expiresAt,
    memo: fields.memo,
    createdBy: fields.createdBy,
    createdAt: fields.createdAt,
    resolvedAt: null,
  });
}

function newLot(
  accountId: string,
  sourceTransferId: string,
  amount: number,
  earnedAt: Date,
  expiresAt: Date | null,
): PointsLotEntity {
  return Object.assign(new PointsLotEntity(), {
    id: randomUUID(),
    accountId,
    sourceTransferId,
    amount,
    remaining: amount,
    // Lot dates are whole seconds (DATETIME without fraction on MySQL): keep them equal everywhere.
    earnedAt: new Date(Math.floor(earnedAt.getTime() / 1000) * 1000),
    expiresAt,
  });
}
