import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type StationErrorCode = typeof ErrorCode.NOT_FOUND;

export class StationError extends DomainError<StationErrorCode> {
  /** Unknown, malformed and (later) invisible ids all look the same to the caller. */
  static notFound(): StationError {
    return new StationError(ErrorCode.NOT_FOUND, 'Station not found');
  }
}
