import { validateAgainst } from '@yizhan/contracts';

/** A contract DTO class (they all have a no-argument constructor). */
export type DtoClass<T extends object> = new () => T;

/**
 * The fields of `plain` that break the contract class's rules (the API's own rules), so a form
 * can say which field is wrong before sending anything.
 */
export function invalidFields<T extends object>(
  dtoClass: DtoClass<T>,
  plain: Partial<Record<keyof T, unknown>>,
): Set<keyof T & string> {
  const { violations } = validateAgainst(dtoClass, plain);
  return new Set(violations.map((violation) => violation.field.split('.')[0] as keyof T & string));
}
