import { NotificationKind, NotificationView } from '@yizhan/contracts';
import { NotificationEntity } from './notification.entity';

export function toNotificationView(notification: NotificationEntity): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
    report: notification.kind === NotificationKind.ReportStatus ? notification.payload : null,
  };
}
