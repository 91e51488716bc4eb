import { Routes, type NotificationPage, type NotificationSettingsView } from '@yizhan/contracts';
import Taro from '@tarojs/taro';
import { request } from './request';

/** `GET /notifications`: newest first, with the unread count for the badge. */
export function listNotifications(
  query: { unread?: boolean; limit?: number; cursor?: string } = {},
): Promise<NotificationPage> {
  return request<NotificationPage>(Routes.notifications, {
    query: { unread: query.unread ? true : undefined, limit: query.limit, cursor: query.cursor },
  });
}

/** How many notifications are unread (one small page: only the count is read). */
export async function unreadNotificationCount(): Promise<number> {
  const page = await listNotifications({ unread: true, limit: 1 });
  return page.unread;
}

export async function markNotificationRead(id: string): Promise<void> {
  await request<unknown>(Routes.notificationRead(id), { method: 'POST' });
}

export async function markAllNotificationsRead(): Promise<void> {
  await request<unknown>(Routes.notificationsReadAll, { method: 'POST' });
}

export function getNotificationSettings(): Promise<NotificationSettingsView> {
  return request<NotificationSettingsView>(Routes.notificationSettings);
}

export async function recordSubscriptions(templateIds: string[]): Promise<void> {
  await request<unknown>(Routes.notificationSubscriptions, {
    method: 'POST',
    body: { templateIds },
  });
}

/**
 * weapp: asks for one WeChat message about a report's progress (the subscribe prompt) and tells
 * the API which templates the worker accepted. It must run inside the tap's handler, before any
 * await (WeChat refuses the prompt otherwise). H5 has no WeChat messages: the in-app list is all.
 * Never throws: the report goes in whatever the answer.
 */
export function askForReportUpdates(templateId: string | null | undefined): void {
  if (process.env.TARO_ENV === 'h5' || !templateId) return;
  let prompt: Promise<unknown>;
  try {
    // `entityIds` is Alipay's field; Taro's type wants it, WeChat ignores it.
    prompt = Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
  } catch {
    return;
  }
  void prompt
    .then((answer) => {
      // The answer has a key per template id: 'accept', 'reject', 'ban' or 'filter'.
      const choice = (answer as Record<string, unknown>)[templateId];
      const accepted = choice === 'accept' ? [templateId] : [];
      return accepted.length > 0 ? recordSubscriptions(accepted) : undefined;
    })
    .catch(() => undefined);
}
