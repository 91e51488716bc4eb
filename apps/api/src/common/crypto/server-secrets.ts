import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';

export const DEV_SECRETS_FILE = 'dev-secrets.json';

/** The secrets a running API signs and encrypts with. */
export interface ServerSecrets {
  jwtSecret: string;
  dataEncryptionKey: string;
}

interface StoredDevSecrets {
  jwtSecret?: unknown;
  dataEncryptionKey?: unknown;
}

/**
 * Production must be given its secrets (the configuration refuses to start otherwise). A
 * development or test process without them gets random ones, kept in `DATA_DIR` so tokens and
 * encrypted phone numbers survive a restart — never a secret hard-coded in the source.
 */
export function resolveServerSecrets(config: AppConfig): ServerSecrets {
  if (config.jwtSecret !== null && config.dataEncryptionKey !== null) {
    return { jwtSecret: config.jwtSecret, dataEncryptionKey: config.dataEncryptionKey };
  }
  const stored = loadOrCreateDevSecrets(config.dataDir);
  return {
    jwtSecret: config.jwtSecret ?? stored.jwtSecret,
    dataEncryptionKey: config.dataEncryptionKey ?? stored.dataEncryptionKey,
  };
}

function loadOrCreateDevSecrets(dataDir: string): ServerSecrets {
  const file = join(dataDir, DEV_SECRETS_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredDevSecrets;
    if (typeof stored.jwtSecret === 'string' && typeof stored.dataEncryptionKey === 'string') {
      return { jwtSecret: stored.jwtSecret, dataEncryptionKey: stored.dataEncryptionKey };
    }
  }
  const secrets: ServerSecrets = {
    jwtSecret: randomBytes(32).toString('base64url'),
    dataEncryptionKey: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
