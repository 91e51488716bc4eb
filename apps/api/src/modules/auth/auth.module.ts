import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { TokenKeys } from '../access/token-keys';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SmsChallengeEntity } from './sms-challenge.entity';
import { LogSmsSender } from './sms/log-sms-sender';
import { SmsChallengesRepository } from './sms/sms-challenges.repository';
import { SmsLoginService } from './sms/sms-login.service';
import { SmsSender } from './sms/sms-sender';
import { DisabledSmsSender, WebhookSmsSender } from './sms/webhook-sms-sender';
import { PasswordStrategy } from './strategies/password.strategy';
import { SmsStrategy } from './strategies/sms.strategy';
import { WechatStrategy } from './strategies/wechat.strategy';
import { TokenService } from './token.service';
import { WechatIdentitiesRepository } from './wechat/wechat-identities.repository';
import { WechatClient } from './wechat/wechat.client';
import { WechatIdentityEntity } from './wechat-identity.entity';

function createSmsSender(config: AppConfig, logger: PinoLogger): SmsSender {
  const { sms } = config;
  if (sms.sender === 'log') return new LogSmsSender(config.dataDir, logger);
  if (sms.sender === 'webhook') return new WebhookSmsSender(sms.webhookUrl, sms.webhookToken);
  return new DisabledSmsSender();
}

@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshTokenEntity, SmsChallengeEntity, WechatIdentityEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [TokenKeys],
      useFactory: (keys: TokenKeys) => ({ secret: keys.jwtKey }),
    }),
    UsersModule,
    AuditModule,
  ],
  controllers: [AuthController],
  providers: [
    AccountsService,
    AuthService,
    PasswordHasher,
    RefreshTokensRepository,
    SmsChallengesRepository,
    SmsLoginService,
    {
      provide: SmsSender,
      inject: [AppConfig, PinoLogger],
      useFactory: createSmsSender,
    },
    TokenService,
    WechatClient,
    WechatIdentitiesRepository,
    WechatStrategy,
    SmsStrategy,
    PasswordStrategy,
  ],
  exports: [TokenService, RefreshTokensRepository, WechatIdentitiesRepository, PasswordHasher],
})
export class AuthModule {}
