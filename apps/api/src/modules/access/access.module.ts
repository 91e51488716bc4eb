import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { SERVER_SECRETS } from '../../common/crypto/crypto.module';
import { ServerSecrets } from '../../common/crypto/server-secrets';
import { RegionsModule } from '../regions/regions.module';
import { AccessPolicy } from './access-policy';
import { JwtStrategy } from './jwt.strategy';
import { RegionScopeService } from './region-scope.service';
import { TokenKeys } from './token-keys';

/** Who the caller is (JWT) and what they may do (the policy), for every feature. */
@Global()
@Module({
  imports: [PassportModule, RegionsModule],
  providers: [
    {
      provide: TokenKeys,
      inject: [SERVER_SECRETS],
      useFactory: (secrets: ServerSecrets) => new TokenKeys(secrets.jwtSecret),
    },
    JwtStrategy,
    AccessPolicy,
    RegionScopeService,
  ],
  exports: [TokenKeys, AccessPolicy, RegionScopeService],
})
export class AccessModule {}
