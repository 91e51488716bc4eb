import { createHash } from 'node:crypto';

type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

function canonicalize(value: Canonical): string {
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of a request's meaning, independent of key order, so "the same idempotency key with
 * the same body" can be told from "the same key with another body".
 */
export function requestHash(request: { [key: string]: Canonical }): string {
  return createHash('sha256').update(canonicalize(request)).digest('hex');
}
