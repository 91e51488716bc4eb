/** class-transformer helpers for query strings, shared by the list DTOs. */

/** `a,b, c` → `[a, b, c]` (empty parts dropped); anything else passes through to validation. */
export function splitCsv({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** `true`/`1`/`false`/`0` → a boolean; anything else passes through to fail validation. */
export function parseBooleanFlag({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
}
