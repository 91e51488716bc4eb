import { Injectable } from '@nestjs/common';
import { LedgerService } from '../ledger/ledger.service';
import { RewardsRepository } from '../rewards/rewards.repository';
import { RedemptionEntity } from './redemption.entity';
import { RedemptionsRepository } from './redemptions.repository';
import { RedemptionError } from './redemptions.errors';

export type RefundReason = 'cancelled' | 'expired';

/**
 * Gives a redemption's points back (a `refund` transfer reversing its debit, with the points'
 * original expiry dates) and, in the same transaction, closes the redemption, returns the unit
 * to stock and the claim to the worker's limit. Cancel and expiry share one refund key per
 * redemption, so whichever comes first refunds and the other changes nothing.
 */
@Injectable()
export class RedemptionRefunds {
  constructor(
    private readonly ledger: LedgerService,
    private readonly redemptions: RedemptionsRepository,
    private readonly rewards: RewardsRepository,
  ) {}

  /**
   * Returns the redemption as it stands afterwards. Refused with the redemption's own status
   * when it was fulfilled (or closed the other way) first.
   */
  async refund(
    redemption: RedemptionEntity,
    reason: RefundReason,
    now: Date,
    createdBy: string | null,
  ): Promise<RedemptionEntity> {
    await this.ledger.reverse(
      redemption.transferId,
      { idempotencyKey: `redemption-refund:${redemption.id}`, kind: 'refund', createdBy },
      async (manager, refund) => {
        // The expiry job closes a code only once it has lapsed, even if it read it earlier.
        const dueBy = reason === 'expired' ? now : undefined;
        const closed = await this.redemptions.markClosed(
          manager,
          redemption.id,
          reason,
          refund.id,
          now,
          dueBy,
        );
        if (!closed) {
          const current = await this.redemptions.findById(redemption.id, manager);
          throw RedemptionError.closed(
            current && current.status !== 'issued' ? current.status : 'expired',
          );
        }
        await this.rewards.returnStock(manager, redemption.rewardId);
        if (redemption.claimCounterId) {
          await this.redemptions.releaseClaim(manager, redemption.claimCounterId);
        }
      },
    );
    const after = await this.redemptions.findById(redemption.id);
    if (!after) throw new Error(`Redemption ${redemption.id} vanished after its refund`);
    return after;
  }
}
