import { ErrorCode } from '@yizhan/contracts';
import { DomainError, ValidationFailedError } from '../../common/errors/domain.error';

export type StationErrorCode = typeof ErrorCode.NOT_FOUND;

export class StationError extends DomainError<StationErrorCode> {
  /** Unknown, malformed and (later) invisible ids all look the same to the caller. */
  static notFound(): StationError {
    return new StationError(ErrorCode.NOT_FOUND, 'Station not found');
  }
}

export function invalidCursor(): ValidationFailedError {
  return ValidationFailedError.forField(
    'cursor',
    'isStationCursor',
    'cursor is not a cursor of this list (start again without it)',
  );
}
