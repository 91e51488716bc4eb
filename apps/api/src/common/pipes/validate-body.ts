import { FieldViolation, validateAgainst } from '@yizhan/contracts';
import { ClassConstructor } from 'class-transformer';
import { ValidationFailedError } from '../errors/domain.error';

export function validationError(violations: FieldViolation[]): ValidationFailedError {
  const fields = [...new Set(violations.map((violation) => violation.field))];
  return new ValidationFailedError(violations, `Invalid value for: ${fields.join(', ')}`);
}

/**
 * Validates a request body against a contract class where the global pipe has not run yet
 * (passport strategies run as guards, before pipes), with the same rules and error shape.
 */
export function validateBody<T extends object>(dtoClass: ClassConstructor<T>, body: unknown): T {
  const plain = typeof body === 'object' && body !== null ? body : {};
  const { value, violations } = validateAgainst(dtoClass, plain);
  if (violations.length > 0) throw validationError(violations);
  return value;
}
