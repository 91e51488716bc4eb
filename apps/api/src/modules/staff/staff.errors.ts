import { ErrorCode } from '@yizhan/contracts';
import { DomainError, ValidationFailedError } from '../../common/errors/domain.error';

export class StaffError extends DomainError<typeof ErrorCode.USERNAME_TAKEN> {
  static usernameTaken(): StaffError {
    return new StaffError(ErrorCode.USERNAME_TAKEN, 'This username is already in use');
  }
}

export function scopeFieldRequired(field: string, role: string): ValidationFailedError {
  return ValidationFailedError.forField(
    field,
    'isRequiredForRole',
    `${field} is required for role ${role}`,
  );
}

export function scopeFieldNotAllowed(field: string, role: string): ValidationFailedError {
  return ValidationFailedError.forField(
    field,
    'isNotAllowedForRole',
    `${field} does not apply to role ${role}`,
  );
}
