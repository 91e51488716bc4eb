import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
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
  controllers: [NotificationsController],
  providers: [
    Notifier,
    NotificationsRepository,
    NotificationsService,
    WechatAccessTokens,
    WechatApi,
    WechatMessageDispatcher,
    WechatMessagesRepository,
  ],
  exports: [Notifier, NotificationsService],
})
export class NotificationsModule {}
