import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type RewardErrorCode = typeof ErrorCode.REWARD_UNAVAILABLE | typeof ErrorCode.OUT_OF_STOCK;

export class RewardError extends DomainError<RewardErrorCode> {
  static unavailable(reason: string): RewardError {
    return new RewardError(ErrorCode.REWARD_UNAVAILABLE, reason);
  }

  static outOfStock(): RewardError {
    return new RewardError(ErrorCode.OUT_OF_STOCK, 'This reward is out of stock');
  }
}
