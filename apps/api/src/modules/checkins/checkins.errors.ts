import { ErrorCode, MAX_CHECKIN_ACCURACY_M } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type CheckinErrorCode =
  | typeof ErrorCode.CHECKIN_CODE_INVALID
  | typeof ErrorCode.CHECKIN_TOO_FAR
  | typeof ErrorCode.CHECKIN_LOCATION_INACCURATE
  | typeof ErrorCode.CHECKIN_COOLDOWN
  | typeof ErrorCode.IDEMPOTENCY_KEY_REUSED;

/**
 * Why a code was refused. The caller sees a coarse reason only: a forged code, an unknown
 * station and a bad signature all read `invalid`, so probing learns nothing about which part
 * failed; `expired`, `replayed` and `station_closed` tell an honest worker what to do next.
 */
export type InvalidCodeReason =
  'malformed' | 'unknown_station' | 'bad_signature' | 'expired' | 'station_closed' | 'replayed';

const PUBLIC_REASON: Record<InvalidCodeReason, string> = {
  malformed: 'invalid',
  unknown_station: 'invalid',
  bad_signature: 'invalid',
  expired: 'expired',
  station_closed: 'station_closed',
  replayed: 'replayed',
};

export class CheckinError extends DomainError<CheckinErrorCode> {
  /** Forged, tampered, expired, rotated-out, another station's or a replayed code. */
  static invalidCode(reason: InvalidCodeReason): CheckinError {
    const message =
      reason === 'station_closed'
        ? 'This station is closed and takes no check-ins'
        : reason === 'replayed'
          ? 'You already used this code; scan the code on the station screen again'
          : reason === 'expired'
            ? 'This code has expired; scan the code on the station screen again'
            : 'This is not a valid station code';
    return new CheckinError(ErrorCode.CHECKIN_CODE_INVALID, message, {
      reason: PUBLIC_REASON[reason],
    });
  }

  static tooFar(distanceM: number, allowedM: number): CheckinError {
    return new CheckinError(
      ErrorCode.CHECKIN_TOO_FAR,
      `You are ${distanceM} m from the station; check in within ${allowedM} m`,
      { distanceM, allowedM },
    );
  }

  static inaccurate(accuracyM: number): CheckinError {
    return new CheckinError(
      ErrorCode.CHECKIN_LOCATION_INACCURATE,
      `Your location is only accurate to ${accuracyM} m; ${MAX_CHECKIN_ACCURACY_M} m or better is needed`,
      { accuracyM, maxAccuracyM: MAX_CHECKIN_ACCURACY_M },
    );
  }

  static cooldown(nextAllowedAt: Date): CheckinError {
    return new CheckinError(
      ErrorCode.CHECKIN_COOLDOWN,
      'You checked in at this station a moment ago',
      { nextAllowedAt: nextAllowedAt.toISOString() },
    );
  }

  static keyReused(): CheckinError {
    return new CheckinError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was already used for a check-in at another station',
    );
  }
}
