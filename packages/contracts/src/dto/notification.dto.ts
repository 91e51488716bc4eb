import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import type { ReportStatus } from '../enums';
import type { NotificationKind, ReportAction } from '../report-values';
import { PageQueryDto } from './pagination.dto';
import { parseBooleanFlag } from './query-transforms';

/** `GET /notifications`: the caller's, newest first; `unread=true` for the unread ones only. */
export class ListNotificationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(parseBooleanFlag)
  @IsBoolean()
  unread?: boolean;
}

/** What changed; the client words it (i18n) from these fields. */
export interface ReportStatusNotice {
  reportId: string;
  category: string;
  categoryName: string;
  action: ReportAction;
  status: ReportStatus;
  note: string | null;
  /** Points the step held or paid, if any. */
  points: number | null;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  report: ReportStatusNotice | null;
}

/** `GET /notifications` adds the unread count for the tab badge. */
export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

/** `POST /notifications/read-all`: how many unread notices it marked read. */
export interface NotificationsReadAllResult {
  updated: number;
}

/**
 * `POST /notifications/subscriptions`: the template ids the worker accepted in WeChat's
 * subscribe prompt (`requestSubscribeMessage`). Each acceptance allows one message.
 */
export class RecordSubscriptionsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  templateIds!: string[];
}

/** `GET /notifications/settings`: what the client needs to ask for WeChat subscriptions. */
export interface NotificationSettingsView {
  /** The subscribe-message template for report status changes; null when not configured. */
  reportStatusTemplateId: string | null;
  /** Messages the worker has still allowed (accepted prompts not used yet). */
  remainingWechatMessages: number;
}
