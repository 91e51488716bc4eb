import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { PiiCipher } from './pii-cipher';
import { resolveServerSecrets, ServerSecrets } from './server-secrets';

export const SERVER_SECRETS = Symbol('ServerSecrets');

/** Secrets resolved once at start, and the cipher for personal data built from them. */
@Global()
@Module({
  providers: [
    { provide: SERVER_SECRETS, inject: [AppConfig], useFactory: resolveServerSecrets },
    {
      provide: PiiCipher,
      inject: [SERVER_SECRETS],
      useFactory: (secrets: ServerSecrets) => new PiiCipher(secrets.dataEncryptionKey),
    },
  ],
  exports: [SERVER_SECRETS, PiiCipher],
})
export class CryptoModule {}
