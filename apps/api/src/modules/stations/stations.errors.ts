import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type StationErrorCode =
  typeof ErrorCode.NOT_FOUND | typeof ErrorCode.FORBIDDEN | typeof ErrorCode.CONFLICT;

export class StationError extends DomainError<StationErrorCode> {
  /** Unknown, malformed and invisible ids all look the same to the caller. */
  static notFound(): StationError {
    return new StationError(ErrorCode.NOT_FOUND, 'Station not found');
  }

  /** The caller may change the station, but not these fields of it (`details.fields`). */
  static fieldsForbidden(fields: string[]): StationError {
    return new StationError(
      ErrorCode.FORBIDDEN,
      `Your role may not change these fields of the station: ${fields.join(', ')}`,
      { fields },
    );
  }

  /** A closed station shows no rotating code: nobody can check in there. */
  static closedHasNoLiveCode(): StationError {
    return new StationError(
      ErrorCode.CONFLICT,
      'This station is closed, so it has no live check-in code; reopen it first',
    );
  }
}
