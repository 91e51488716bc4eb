import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type AuthErrorCode =
  | typeof ErrorCode.UNAUTHENTICATED
  | typeof ErrorCode.RATE_LIMITED
  | typeof ErrorCode.SERVICE_UNAVAILABLE;

export class AuthError extends DomainError<AuthErrorCode> {
  /** Seconds the client should wait; the filter sends it as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  private constructor(code: AuthErrorCode, message: string, retryAfterSeconds?: number) {
    super(code, message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** One message for unknown user and wrong password alike: no account enumeration. */
  static badCredentials(): AuthError {
    return new AuthError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password');
  }

  static badSmsCode(): AuthError {
    return new AuthError(ErrorCode.UNAUTHENTICATED, 'The code is wrong or has expired');
  }

  static wechatRefused(): AuthError {
    return new AuthError(ErrorCode.UNAUTHENTICATED, 'WeChat did not accept the login code');
  }

  static refreshRefused(): AuthError {
    return new AuthError(ErrorCode.UNAUTHENTICATED, 'Refresh token is invalid, expired or revoked');
  }

  static locked(retryAfterSeconds: number): AuthError {
    return new AuthError(
      ErrorCode.RATE_LIMITED,
      'Too many failed logins: this account is locked for a while',
      retryAfterSeconds,
    );
  }

  static tooSoon(retryAfterSeconds: number): AuthError {
    return new AuthError(
      ErrorCode.RATE_LIMITED,
      'A code was sent recently; wait before asking again',
      retryAfterSeconds,
    );
  }

  static unavailable(message: string): AuthError {
    return new AuthError(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
