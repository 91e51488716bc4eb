import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVER_SECRETS } from '../../common/crypto/crypto.module';
import { ServerSecrets } from '../../common/crypto/server-secrets';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { RegionsModule } from '../regions/regions.module';
import { AccessPolicy } from './access-policy';
import { AccessTokenVerifier } from './access-token-verifier';
import { RegionScopeService } from './region-scope.service';
import { SessionRevocations } from './session-revocations';
import { TokenKeys } from './token-keys';

/** Who the caller is (JWT) and what they may do (the policy), for every feature. */
@Global()
@Module({
  imports: [RegionsModule, TypeOrmModule.forFeature([RefreshTokenEntity])],
  providers: [
    {
      provide: TokenKeys,
      inject: [SERVER_SECRETS],
      useFactory: (secrets: ServerSecrets) => new TokenKeys(secrets.jwtSecret),
    },
    AccessTokenVerifier,
    AccessPolicy,
    RegionScopeService,
    SessionRevocations,
  ],
  exports: [TokenKeys, AccessTokenVerifier, AccessPolicy, RegionScopeService, SessionRevocations],
})
export class AccessModule {}
