import { Injectable } from '@nestjs/common';
import {
  CreateRedemptionDto,
  DEFAULT_PAGE_LIMIT,
  ListRedemptionsQueryDto,
  Page,
  Redemption,
} from '@yizhan/contracts';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import QRCode from 'qrcode';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { isUuid, uuidV5 } from '../../common/uuid';
import { isUniqueViolation } from '../../database/unique-violation';
import { Actor } from '../access/actor';
import { LedgerError } from '../ledger/ledger.errors';
import { LedgerService } from '../ledger/ledger.service';
import { merchantClearing, regionPool, workerAccount } from '../ledger/ledger-accounts';
import { DEFAULT_TIME_ZONE } from '../regions/region.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { unavailabilityOf } from '../rewards/reward.mapper';
import { RewardEntity } from '../rewards/reward.entity';
import { RewardError } from '../rewards/rewards.errors';
import { RewardsRepository } from '../rewards/rewards.repository';
import { limitPeriodKey } from './limit-periods';
import { newRedemptionCode } from './redemption-code';
import { RedemptionEntity } from './redemption.entity';
import { effectiveStatus, toRedemption } from './redemption.mapper';
import { RedemptionRefunds } from './redemption-refunds';
import { RedemptionsRepository } from './redemptions.repository';
import { RedemptionError } from './redemptions.errors';

/** Namespace of redemption ids, which follow from the worker's idempotency key. */
const REDEMPTION_NAMESPACE = '6f2d7c1a-93b4-5e8f-a1d2-4c6b8e0f2a37';
/** Fresh codes tried when a new one collides with an existing one (~never at 10¹² codes). */
const CODE_ATTEMPTS = 3;
const HOUR_MS = 60 * 60 * 1000;

export interface RedeemOutcome {
  redemption: Redemption;
  /** The key was seen before: nothing moved, the first redemption is the answer (HTTP 200). */
  replayed: boolean;
}

/**
 * A worker's side of redemption: redeem, see, show (QR) and cancel. Redeeming is one ledger
 * transfer from the worker to the merchant's clearing account (or, for a station's reward, back
 * to the region's pool), and inside that same transaction the conditional stock and limit
 * updates and the redemption row — all or nothing, with each guard a single statement.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly redemptions: RedemptionsRepository,
    private readonly rewards: RewardsRepository,
    private readonly regions: RegionsRepository,
    private readonly ledger: LedgerService,
    private readonly refunds: RedemptionRefunds,
    private readonly clock: Clock,
    @InjectPinoLogger(RedemptionsService.name) private readonly logger: PinoLogger,
  ) {}

  async redeem(actor: Actor, dto: CreateRedemptionDto): Promise<RedeemOutcome> {
    const key = `redemption:${actor.userId}:${dto.idempotencyKey}`;
    const earlier = await this.redemptions.findByKey(key);
    if (earlier) return this.replay(earlier, dto.rewardId);

    const reward = await this.rewards.findById(dto.rewardId.toLowerCase());
    const now = this.clock.now();
    if (!reward) throw new NotFoundError('Reward not found');
    const unavailable = unavailabilityOf(reward, now);
    if (unavailable) throw RewardError.unavailable(unavailable);
    if (reward.stock === 0) throw RewardError.outOfStock();

    const claimCounterId = await this.prepareClaimCounter(actor.userId, reward, now);
    const id = uuidV5(key, REDEMPTION_NAMESPACE);
    for (let attempt = 1; ; attempt++) {
      try {
        let issued: RedemptionEntity | null = null;
        const outcome = await this.ledger.transfer(
          {
            debit: workerAccount(actor.userId),
            credit: reward.merchantId
              ? merchantClearing(reward.merchantId, reward.regionId)
              : regionPool(reward.regionId),
            amount: reward.pointsCost,
            kind: 'redemption',
            ref: { type: 'redemption', id },
            idempotencyKey: key,
            createdBy: actor.userId,
            expiresAt: null,
            requestFields: { rewardId: reward.id },
            fresh: true, // the key's redemption (written with its transfer) was looked up above
          },
          async (manager, transfer) => {
            if (!(await this.rewards.takeStock(manager, reward.id))) {
              throw RewardError.outOfStock();
            }
            if (claimCounterId && reward.perUserLimit) {
              const claimed = await this.redemptions.claim(
                manager,
                claimCounterId,
                reward.perUserLimit,
              );
              if (!claimed) throw RedemptionError.limitReached();
            }
            issued = newRedemption({
              id,
              actor,
              reward,
              key,
              transferId: transfer.id,
              claimCounterId,
              now,
            });
            await this.redemptions.insert(manager, issued);
          },
        );
        // A new redemption is answered as written (with the reward read above); a replay reads
        // the first one.
        const redemption =
          !outcome.replayed && issued
            ? Object.assign(issued as RedemptionEntity, { reward })
            : await this.redemptions.findById(id);
        if (!redemption) {
          // The key's transfer exists but belongs to another request shape (keys are per worker).
          throw RedemptionError.keyReused();
        }
        return {
          redemption: toRedemption(redemption, this.clock.now()),
          replayed: outcome.replayed,
        };
      } catch (error) {
        if (error instanceof LedgerError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
          throw RedemptionError.keyReused();
        }
        // Only a clash of the fresh code is worth another try; the ledger has already turned a
        // clash of the key into its first answer.
        if (isUniqueViolation(error) && attempt < CODE_ATTEMPTS) {
          this.logger.warn({ attempt }, 'Redemption code collided; issuing another');
          continue;
        }
        throw error;
      }
    }
  }

  async listOwn(actor: Actor, query: ListRedemptionsQueryDto): Promise<Page<Redemption>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows = await this.redemptions.pageOwn(actor.userId, query.status, after, limit + 1);
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (row) => toRedemption(row, now),
      (row) => [row.createdAt.toISOString(), row.id],
    );
  }

  async getOwn(actor: Actor, id: string): Promise<Redemption> {
    return toRedemption(await this.findOwn(actor, id), this.clock.now());
  }

  /** The code as a QR image for the counter to scan: it encodes the 12 digits and nothing else. */
  async qrPng(actor: Actor, id: string): Promise<Buffer> {
    const redemption = await this.findOwn(actor, id);
    return QRCode.toBuffer(redemption.code, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 360,
    });
  }

  /**
   * Cancels an issued code and refunds it. Cancelling twice answers the cancelled redemption
   * again; a fulfilled or expired one is refused with its status.
   */
  async cancel(actor: Actor, id: string): Promise<Redemption> {
    const redemption = await this.findOwn(actor, id);
    const now = this.clock.now();
    if (redemption.status === 'cancelled') return toRedemption(redemption, now);
    if (redemption.status !== 'issued') throw RedemptionError.closed(redemption.status);
    if (effectiveStatus(redemption, now) === 'expired') {
      // A lapsed code is expired whether or not the expiry job has reached it yet: refund it
      // as expired (the job's refund, same key) and answer what the job would leave behind.
      await this.refunds.refund(redemption, 'expired', now, null);
      throw RedemptionError.closed('expired');
    }
    const after = await this.refunds.refund(redemption, 'cancelled', now, actor.userId);
    if (after.status !== 'cancelled')
      throw RedemptionError.closed(after.status === 'issued' ? 'expired' : after.status);
    return toRedemption(after, this.clock.now());
  }

  private async findOwn(actor: Actor, id: string): Promise<RedemptionEntity> {
    const redemption = isUuid(id)
      ? await this.redemptions.findOwn(id.toLowerCase(), actor.userId)
      : null;
    // Another worker's redemption is as absent as a made-up one.
    if (!redemption) throw new NotFoundError('Redemption not found');
    return redemption;
  }

  private replay(earlier: RedemptionEntity, rewardId: string): RedeemOutcome {
    if (earlier.rewardId !== rewardId.toLowerCase()) throw RedemptionError.keyReused();
    return { redemption: toRedemption(earlier, this.clock.now()), replayed: true };
  }

  /** The limit counter this redemption counts in, created if new; null for an unlimited reward. */
  private async prepareClaimCounter(
    userId: string,
    reward: RewardEntity,
    now: Date,
  ): Promise<string | null> {
    if (!reward.perUserLimit) return null;
    const region = await this.regions.findById(reward.regionId);
    const periodKey = limitPeriodKey(
      reward.limitPeriod ?? 'total',
      now,
      region?.timeZone ?? DEFAULT_TIME_ZONE,
    );
    const id = uuidV5(`${userId}:${reward.id}:${periodKey}`, REDEMPTION_NAMESPACE);
    await this.redemptions.ensureCounter({ id, userId, rewardId: reward.id, periodKey });
    return id;
  }
}

function newRedemption(input: {
  id: string;
  actor: Actor;
  reward: RewardEntity;
  key: string;
  transferId: string;
  claimCounterId: string | null;
  now: Date;
}): RedemptionEntity {
  const { reward, now } = input;
  const lapse = now.getTime() + reward.codeValidHours * HOUR_MS;
  // Whole seconds, as the column keeps it (DATETIME without fraction on MySQL): the answer
  // built from this entity equals what a replay reads back.
  const expiresAt = new Date(
    Math.floor(Math.min(lapse, reward.validTo?.getTime() ?? lapse) / 1000) * 1000,
  );
  return Object.assign(new RedemptionEntity(), {
    id: input.id,
    code: newRedemptionCode(),
    userId: input.actor.userId,
    rewardId: reward.id,
    merchantId: reward.merchantId,
    stationId: reward.stationId,
    regionId: reward.regionId,
    pointsCost: reward.pointsCost,
    status: 'issued',
    idempotencyKey: input.key,
    transferId: input.transferId,
    refundTransferId: null,
    claimCounterId: input.claimCounterId,
    expiresAt,
    createdAt: now,
    fulfilledAt: null,
    fulfilledBy: null,
    closedAt: null,
  });
}
