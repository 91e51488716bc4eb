import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  ListNotificationsQueryDto,
  NotificationPage,
  NotificationSettingsView,
  NotificationsReadAllResult,
  NotificationView,
  RecordSubscriptionsDto,
  Routes,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { perMinute } from '../../common/throttling/throttling.module';
import { CurrentActor } from '../access/access.decorators';
import { Actor } from '../access/actor';
import {
  NotificationPageResponse,
  NotificationResponse,
  NotificationSettingsResponse,
  NotificationsReadAllResponse,
} from './notification.response';
import { NotificationsService } from './notifications.service';

/** A subscribe prompt is a tap in WeChat's dialog; more than this is a script. */
const SUBSCRIPTIONS_PER_MINUTE = 20;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller(Routes.notifications)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Your notices, newest first (`unread=true`: only unread), with the unread count',
  })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrorResponses(400, 401)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Get('settings')
  @ApiOperation({
    summary: 'The WeChat template to ask the worker to subscribe to, and messages still allowed',
  })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  @ApiErrorResponses(401)
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.notifications.settings(actor);
  }

  @Post('subscriptions')
  @HttpCode(200)
  @Throttle(perMinute(SUBSCRIPTIONS_PER_MINUTE))
  @ApiOperation({
    summary: 'Record the templates you accepted in wx.requestSubscribeMessage',
    description:
      'Each accepted configured template allows one more WeChat message (up to a cap). Ids ' +
      'other than the configured template are ignored. Answers the settings after the change.',
  })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  @ApiErrorResponses(400, 401, 429)
  recordSubscriptions(
    @CurrentActor() actor: Actor,
    @Body() body: RecordSubscriptionsDto,
  ): Promise<NotificationSettingsView> {
    return this.notifications.recordSubscriptions(actor, body);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notices read' })
  @ApiOkResponse({ type: NotificationsReadAllResponse })
  @ApiErrorResponses(401)
  readAll(@CurrentActor() actor: Actor): Promise<NotificationsReadAllResult> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notices read (again: unchanged)' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrorResponses(401, 404)
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
