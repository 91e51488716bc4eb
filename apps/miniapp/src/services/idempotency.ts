const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random characters from the platform's CSPRNG where there is one (H5); weapp has no synchronous
 * one, and the key only has to be unique among one user's requests, not secret.
 */
function randomChars(length: number): string {
  const values = new Uint8Array(length);
  // `typeof` rather than `globalThis.crypto`: older WeChat base libraries have no globalThis.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(values);
  } else {
    for (let index = 0; index < length; index += 1) {
      values[index] = Math.floor(Math.random() * 256);
    }
  }
  return Array.from(values, (value) => ALPHABET[value % ALPHABET.length]).join('');
}

/**
 * A fresh idempotency key, `<purpose>:<time>-<random>`, inside the contract's
 * IDEMPOTENCY_KEY_PATTERN (8–100 of `A-Za-z0-9._:-`).
 */
export function newIdempotencyKey(purpose: string): string {
  return `${purpose}:${Date.now().toString(36)}-${randomChars(16)}`;
}
