import { ValidationPipe } from '@nestjs/common';
import { toFieldViolations } from '@yizhan/contracts';
import { validationError } from './validate-body';

/**
 * The global pipe: strips nothing silently (unknown fields are an error), converts query
 * strings to the DTO's types, and reports failures as 400 VALIDATION_FAILED with the fields.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Keep the contract's message short and the field list as the machine-readable part.
    exceptionFactory: (errors) => validationError(toFieldViolations(errors)),
  });
}
