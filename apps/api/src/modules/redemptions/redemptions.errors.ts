import { ErrorCode, RedemptionStatus } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type RedemptionErrorCode =
  | typeof ErrorCode.REDEMPTION_LIMIT_REACHED
  | typeof ErrorCode.REDEMPTION_ALREADY_FULFILLED
  | typeof ErrorCode.REDEMPTION_EXPIRED
  | typeof ErrorCode.REDEMPTION_CANCELLED
  | typeof ErrorCode.IDEMPOTENCY_KEY_REUSED;

export class RedemptionError extends DomainError<RedemptionErrorCode> {
  static limitReached(): RedemptionError {
    return new RedemptionError(
      ErrorCode.REDEMPTION_LIMIT_REACHED,
      'You have redeemed this reward as often as its limit allows for now',
    );
  }

  static keyReused(): RedemptionError {
    return new RedemptionError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was already used for another reward',
    );
  }

  /** Why a redemption that is no longer `issued` cannot be fulfilled or cancelled. */
  static closed(status: Exclude<RedemptionStatus, 'issued'>): RedemptionError {
    switch (status) {
      case 'fulfilled':
        return new RedemptionError(
          ErrorCode.REDEMPTION_ALREADY_FULFILLED,
          'This code was already used',
        );
      case 'expired':
        return new RedemptionError(ErrorCode.REDEMPTION_EXPIRED, 'This code has expired');
      case 'cancelled':
        return new RedemptionError(ErrorCode.REDEMPTION_CANCELLED, 'This code was cancelled');
    }
  }
}
