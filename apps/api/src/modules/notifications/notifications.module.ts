import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { Notifier } from './notifier';

/** In-app notices and WeChat subscribe messages about a user's own things. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [Notifier],
  exports: [Notifier],
})
export class NotificationsModule {}
