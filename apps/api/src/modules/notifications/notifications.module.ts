import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { NotificationEntity } from './notification.entity';
import { Notifier } from './notifier';
import { WechatAccessTokens } from './wechat/wechat-access-tokens';
import { WechatApi } from './wechat/wechat-api';
import { WechatMessageDispatcher } from './wechat/wechat-message-dispatcher';
import { WechatMessageEntity } from './wechat/wechat-message.entity';
import { WechatMessagesRepository } from './wechat/wechat-messages.repository';
import { WechatSubscriptionEntity } from './wechat/wechat-subscription.entity';

/** In-app notices and WeChat subscribe messages about a user's own things. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationEntity, WechatMessageEntity, WechatSubscriptionEntity]),
    AuthModule,
  ],
  providers: [
    Notifier,
    WechatAccessTokens,
    WechatApi,
    WechatMessageDispatcher,
    WechatMessagesRepository,
  ],
  exports: [Notifier],
})
export class NotificationsModule {}
