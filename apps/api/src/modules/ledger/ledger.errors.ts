import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type LedgerErrorCode =
  | typeof ErrorCode.POINTS_INSUFFICIENT
  | typeof ErrorCode.IDEMPOTENCY_KEY_REUSED
  | typeof ErrorCode.CONFLICT;

export class LedgerError extends DomainError<LedgerErrorCode> {
  static insufficient(): LedgerError {
    return new LedgerError(ErrorCode.POINTS_INSUFFICIENT, 'Not enough points');
  }

  static keyReused(): LedgerError {
    return new LedgerError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was already used for a different request',
    );
  }

  static conflict(message: string): LedgerError {
    return new LedgerError(ErrorCode.CONFLICT, message);
  }
}
