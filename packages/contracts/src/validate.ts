import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { FieldViolation } from './error-codes';

/** Flattens class-validator's nested errors into `field: [constraint keys]` (`details` of VALIDATION_FAILED). */
export function toFieldViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldViolation[] = error.constraints
      ? [{ field, constraints: Object.keys(error.constraints) }]
      : [];
    return own.concat(toFieldViolations(error.children ?? [], field));
  });
}

/**
 * Validates a plain object against a contract class with the same rules the API
 * applies, so a client form can show the field errors before sending.
 */
export function validateAgainst<T extends object>(
  dtoClass: ClassConstructor<T>,
  plain: unknown,
): { value: T; violations: FieldViolation[] } {
  const value = plainToInstance(dtoClass, plain);
  const errors = validateSync(value as object, { whitelist: true, forbidNonWhitelisted: true });
  return { value, violations: toFieldViolations(errors) };
}
