import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'yizhan', purpose, 32));
}

/**
 * Encryption of personal data at rest (AES-256-GCM, a fresh IV per value) and keyed hashes for
 * looking values up without decrypting them (a "blind index"). Each purpose gets its own key
 * derived from the one configured secret, so an index cannot be turned into a decryption key.
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(secret: string) {
    this.encryptionKey = deriveKey(secret, 'pii-encryption');
    this.indexKey = deriveKey(secret, 'pii-index');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(sealed: string): string {
    const [version, payload] = sealed.split('.', 2);
    if (version !== VERSION || payload === undefined) throw new Error('Unknown cipher format');
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv(CIPHER, this.encryptionKey, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Deterministic keyed hash (hex) of a value, namespaced so two kinds never collide. */
  index(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${value}`).digest('hex');
  }
}
