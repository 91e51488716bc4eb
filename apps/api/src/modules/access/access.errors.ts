import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type AccessErrorCode =
  typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN | typeof ErrorCode.CONSENT_REQUIRED;

export class AccessError extends DomainError<AccessErrorCode> {
  static unauthenticated(
    message = 'Sign in first (missing, invalid or expired token)',
  ): AccessError {
    return new AccessError(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message = 'Your role may not do this'): AccessError {
    return new AccessError(ErrorCode.FORBIDDEN, message);
  }

  static consentRequired(kind: string): AccessError {
    return new AccessError(
      ErrorCode.CONSENT_REQUIRED,
      `This needs your consent to process ${kind} data (POST /me/consents)`,
      { kind },
    );
  }
}
