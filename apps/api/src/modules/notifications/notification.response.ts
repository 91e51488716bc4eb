import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_KINDS,
  NotificationKind,
  NotificationPage,
  NotificationSettingsView,
  NotificationsReadAllResult,
  NotificationView,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  ReportAction,
  ReportStatus,
  ReportStatusNotice,
} from '@yizhan/contracts';

// OpenAPI descriptions of the notification responses. They implement the contract types, so
// the compiler keeps the documentation in step with what the API returns.

export class ReportStatusNoticeResponse implements ReportStatusNotice {
  @ApiProperty({ format: 'uuid' })
  reportId!: string;

  @ApiProperty({ example: 'road_damage' })
  category!: string;

  @ApiProperty({ example: '道路破损' })
  categoryName!: string;

  @ApiProperty({ enum: REPORT_ACTIONS })
  action!: ReportAction;

  @ApiProperty({ enum: REPORT_STATUSES, description: 'The status after the change' })
  status!: ReportStatus;

  @ApiProperty({ type: String, nullable: true, description: "The handler's note or reason" })
  note!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Points the step held or paid' })
  points!: number | null;
}

export class NotificationResponse implements NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;

  @ApiProperty({ type: ReportStatusNoticeResponse, nullable: true })
  report!: ReportStatusNoticeResponse | null;
}

export class NotificationPageResponse implements NotificationPage {
  @ApiProperty({ type: [NotificationResponse] })
  items!: NotificationResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;

  @ApiProperty({ description: 'Unread notices in all (not only on this page), for the badge' })
  unread!: number;
}

export class NotificationsReadAllResponse implements NotificationsReadAllResult {
  @ApiProperty({ description: 'Notices this call marked read' })
  updated!: number;
}

export class NotificationSettingsResponse implements NotificationSettingsView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Template to pass to wx.requestSubscribeMessage; null: no WeChat messages',
  })
  reportStatusTemplateId!: string | null;

  @ApiProperty({ description: 'WeChat messages the worker still allows (accepted prompts)' })
  remainingWechatMessages!: number;
}
