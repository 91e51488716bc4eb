import { Injectable } from '@nestjs/common';
import {
  CreatePointsAdjustmentDto,
  DEFAULT_PAGE_LIMIT,
  EXPIRING_SOON_DAYS,
  GetPointsRulesQueryDto,
  LedgerCheckResult,
  ListPointsTransfersQueryDto,
  Page,
  PointsAdjustment,
  PointsBalance,
  PointsRule,
  PointsRulesResponse,
  PointsTransferItem,
  UpsertPointsRuleDto,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { Transactions } from '../../database/transactions';
import { isUniqueViolation } from '../../database/unique-violation';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { DEFAULT_TIME_ZONE } from '../regions/region.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { UsersRepository } from '../users/users.repository';
import { EarningRuleEntity } from './earning-rule.entity';
import { EarningRulesRepository } from './earning-rules.repository';
import { accountIdOf, regionPool, workerAccount } from './ledger-accounts';
import { checkLedger } from './ledger-check';
import { LedgerRepository } from './ledger.repository';
import { LedgerService, TransferView } from './ledger.service';
import { expiryOf } from './points-periods';
import { PointsTransferEntity } from './points-transfer.entity';

const DAY_MS = 86_400_000;

export function toPointsRule(rule: EarningRuleEntity): PointsRule {
  return {
    id: rule.id,
    regionId: rule.regionId,
    kind: rule.kind,
    points: rule.points,
    dailyCap: rule.dailyCap,
    weeklyCap: rule.weeklyCap,
    expiryPolicy: rule.expiryPolicy,
  };
}

/** One transfer as an entry of `accountId`'s history: signed + for points in, − for points out. */
export function toTransferItem(
  transfer: PointsTransferEntity,
  accountId: string,
): PointsTransferItem {
  return {
    id: transfer.id,
    amount: transfer.creditAccountId === accountId ? transfer.amount : -transfer.amount,
    kind: transfer.kind,
    status: transfer.status,
    refType: transfer.refType,
    refId: transfer.refId,
    createdAt: transfer.createdAt.toISOString(),
  };
}

export interface AdjustmentOutcome {
  adjustment: PointsAdjustment;
  replayed: boolean;
}

/**
 * The points API around the ledger: a worker's balance, history and rules; district admins'
 * rules, adjustments and the integrity check. Every movement of points goes through
 * LedgerService; this service decides who may ask for one.
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly ledgerRows: LedgerRepository,
    private readonly rules: EarningRulesRepository,
    private readonly regions: RegionsRepository,
    private readonly users: UsersRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async balance(actor: Actor): Promise<PointsBalance> {
    const account = await this.ledgerRows.findAccount(accountIdOf(workerAccount(actor.userId)));
    if (!account) {
      return {
        balance: 0,
        pending: 0,
        held: 0,
        expiringSoon: [],
        nextExpiry: null,
        homeRegionId: null,
      };
    }
    const groups = await this.ledgerRows.expiryGroups(account.id);
    const horizon = this.clock.now().getTime() + EXPIRING_SOON_DAYS * DAY_MS;
    const view = (group: { amount: number; expiresAt: Date }) => ({
      amount: group.amount,
      expiresAt: group.expiresAt.toISOString(),
    });
    return {
      balance: account.balance - account.pendingDebit,
      pending: account.pendingCredit,
      held: account.pendingDebit,
      expiringSoon: groups.filter((group) => group.expiresAt.getTime() <= horizon).map(view),
      nextExpiry: groups[0] ? view(groups[0]) : null,
      homeRegionId: account.regionId,
    };
  }

  async transfers(
    actor: Actor,
    query: ListPointsTransfersQueryDto,
  ): Promise<Page<PointsTransferItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const accountId = accountIdOf(workerAccount(actor.userId));
    const rows = await this.ledgerRows.pageForAccount(accountId, after, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toTransferItem(row, accountId),
      (row) => [row.createdAt.toISOString(), row.id],
    );
  }

  /**
   * The rules in force for a region: the one asked for, else the caller's home region (a
   * worker's first earning region; a staff member's role region).
   */
  async rulesFor(actor: Actor, query: GetPointsRulesQueryDto): Promise<PointsRulesResponse> {
    const regionId = query.regionId ?? (await this.homeRegionOf(actor));
    if (!regionId) return { regionId: null, items: [] };
    const region = await this.regions.findById(regionId.toLowerCase());
    if (!region) throw new NotFoundError('Region not found');
    return { regionId: region.id, items: (await this.ledger.rulesFor(region)).map(toPointsRule) };
  }

  /** Creates or replaces the rule of one kind in a region of the admin's; audited. */
  async upsertRule(actor: Actor, dto: UpsertPointsRuleDto, meta: RequestMeta): Promise<PointsRule> {
    if (!(await this.policy.can(actor, 'manage', 'Region', { id: dto.regionId }))) {
      throw new NotFoundError('Region not found');
    }
    const changes = {
      points: dto.points,
      dailyCap: dto.dailyCap ?? null,
      weeklyCap: dto.weeklyCap ?? null,
      expiryPolicy: dto.expiryPolicy ?? 'end_of_next_year',
    } as const;
    const write = async () => {
      const before = await this.rules.findRule(dto.regionId, dto.kind);
      return this.transactions.run(async (manager) => {
        const rule = Object.assign(
          new EarningRuleEntity(),
          before ?? {
            id: randomUUID(),
            regionId: dto.regionId,
            kind: dto.kind,
          },
          changes,
        );
        if (before) await this.rules.updateRule(before.id, changes, manager);
        else await this.rules.insertRule(rule, manager);
        await this.audit.record(
          actor,
          meta,
          {
            action: before ? 'points_rule.update' : 'points_rule.create',
            targetType: 'points_rule',
            targetId: rule.id,
            regionId: rule.regionId,
            ...(before && { before: toPointsRule(before) }),
            after: toPointsRule(rule),
          },
          manager,
        );
        return rule;
      });
    };
    try {
      return toPointsRule(await write());
    } catch (error) {
      // Two admins creating the same rule at once: the loser updates the winner's.
      if (isUniqueViolation(error)) return toPointsRule(await write());
      throw error;
    }
  }

  /**
   * A district admin credits (amount > 0, from their region's pool) or debits (amount < 0, back
   * to it) a worker whose home region lies in theirs. Audited in the same transaction; the
   * same key from the same admin answers the first result.
   */
  async adjust(
    actor: Actor,
    dto: CreatePointsAdjustmentDto,
    meta: RequestMeta,
  ): Promise<AdjustmentOutcome> {
    const [account, user] = await Promise.all([
      this.ledgerRows.findAccount(accountIdOf(workerAccount(dto.userId))),
      this.users.findById(dto.userId),
    ]);
    if (!user || user.erasedAt) throw new NotFoundError('Worker not found');
    // A worker who has never earned has no home region yet: the admin's credit is their first
    // earning and makes the admin's district their home, as a check-in there would.
    const homeRegionId =
      account?.regionId ??
      (dto.amount > 0 ? (actor.grantsOf('district_admin')[0]?.regionId ?? null) : null);
    if (
      !homeRegionId ||
      !(await this.policy.can(actor, 'manage', 'PointsAccount', { regionId: homeRegionId }))
    ) {
      throw new NotFoundError('Worker not found');
    }
    const worker = workerAccount(dto.userId, homeRegionId);
    const pool = regionPool(homeRegionId);
    const region = await this.regions.findById(homeRegionId);
    const manualRule = region ? await this.ledger.ruleFor(region, 'manual') : null;
    const reason = dto.reason.trim();
    const outcome = await this.ledger.transfer(
      {
        debit: dto.amount > 0 ? pool : worker,
        credit: dto.amount > 0 ? worker : pool,
        amount: Math.abs(dto.amount),
        kind: 'manual',
        ref: { type: 'adjustment', id: null },
        idempotencyKey: `adjustment:${actor.userId}:${dto.idempotencyKey}`,
        memo: reason,
        createdBy: actor.userId,
        expiresAt:
          dto.amount > 0
            ? expiryOf(
                manualRule?.expiryPolicy ?? 'end_of_next_year',
                this.clock.now(),
                region?.timeZone ?? DEFAULT_TIME_ZONE,
              )
            : null,
        requestFields: { userId: dto.userId, signedAmount: dto.amount },
      },
      (manager, transfer) =>
        this.audit.record(
          actor,
          meta,
          {
            action: 'points.adjust',
            targetType: 'user',
            targetId: dto.userId,
            regionId: homeRegionId,
            after: { transferId: transfer.id, amount: dto.amount, reason },
          },
          manager,
        ),
    );
    return { adjustment: toAdjustment(outcome.transfer, dto.userId), replayed: outcome.replayed };
  }

  /** The integrity check over the whole ledger, read in one snapshot. */
  check(): Promise<LedgerCheckResult> {
    return this.transactions.runWithRetry((manager) => checkLedger(manager, this.clock.now()), {
      isolation: 'REPEATABLE READ',
    });
  }

  private async homeRegionOf(actor: Actor): Promise<string | null> {
    const account = await this.ledgerRows.findAccount(accountIdOf(workerAccount(actor.userId)));
    if (account?.regionId) return account.regionId;
    return actor.roles.find((role) => role.regionId)?.regionId ?? null;
  }
}

function toAdjustment(transfer: TransferView, userId: string): PointsAdjustment {
  const workerId = accountIdOf(workerAccount(userId));
  return {
    transferId: transfer.id,
    userId,
    amount: transfer.creditAccountId === workerId ? transfer.amount : -transfer.amount,
    reason: transfer.memo ?? '',
    createdAt: transfer.createdAt,
  };
}
