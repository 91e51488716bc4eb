const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes from the platform's CSPRNG where there is one (H5); weapp has no synchronous
 * one, and these keys only have to be unique among one user's requests, not secret.
 */
function randomBytes(length: number): Uint8Array {
  const values = new Uint8Array(length);
  // `typeof` rather than `globalThis.crypto`: older WeChat base libraries have no globalThis.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(values);
  } else {
    for (let index = 0; index < length; index += 1) {
      values[index] = Math.floor(Math.random() * 256);
    }
  }
  return values;
}

function randomChars(length: number): string {
  return Array.from(randomBytes(length), (value) => ALPHABET[value % ALPHABET.length]).join('');
}

/**
 * A fresh idempotency key, `<purpose>:<time>-<random>`, inside the contract's
 * IDEMPOTENCY_KEY_PATTERN (8–100 of `A-Za-z0-9._:-`).
 */
export function newIdempotencyKey(purpose: string): string {
  return `${purpose}:${Date.now().toString(36)}-${randomChars(16)}`;
}

/**
 * A random (version 4) UUID. `POST /checkins` takes its idempotency key in this form
 * (`@IsUUID()` in CreateCheckinDto) rather than the purpose-prefixed keys above.
 */
export function newUuid(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (value) => value.toString(16).padStart(2, '0')).join('');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
