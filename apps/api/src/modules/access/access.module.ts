import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVER_SECRETS } from '../../common/crypto/crypto.module';
import { ServerSecrets } from '../../common/crypto/server-secrets';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { RegionsModule } from '../regions/regions.module';
import { AccessPolicy } from './access-policy';
import { JwtStrategy } from './jwt.strategy';
import { RegionScopeService } from './region-scope.service';
import { SessionRevocations } from './session-revocations';
import { TokenKeys } from './token-keys';

/** Who the caller is (JWT) and what they may do (the policy), for every feature. */
@Global()
@Module({
  imports: [PassportModule, RegionsModule, TypeOrmModule.forFeature([RefreshTokenEntity])],
  providers: [
    {
      provide: TokenKeys,
      inject: [SERVER_SECRETS],
      useFactory: (secrets: ServerSecrets) => new TokenKeys(secrets.jwtSecret),
    },
    JwtStrategy,
    AccessPolicy,
    RegionScopeService,
    SessionRevocations,
  ],
  exports: [TokenKeys, AccessPolicy, RegionScopeService, SessionRevocations],
})
export class AccessModule {}
