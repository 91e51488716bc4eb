import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { NotificationView } from '@yizhan/contracts';
import { useCallback } from 'react';
import { ListFooter } from '../../../../components/ListFooter';
import { Button } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useAction } from '../../../../hooks/useAction';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, reportEventLabel, t } from '../../../../i18n';
import { reportDetailUrl } from '../../../../routes';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../../../services/notifications';
import { formatDateTime } from '../../../../utils/datetime';
import './index.scss';

const PAGE_SIZE = 20;

const fetchNotifications = (_: null, cursor: string | undefined) =>
  listNotifications({ limit: PAGE_SIZE, cursor });

/** The notice in words, from the fields the API sends (it words nothing itself). */
export function noticeTitle(notification: NotificationView): string {
  const notice = notification.report;
  if (!notice) return t('notifications.other');
  return t('notifications.report', {
    category: notice.categoryName,
    event: reportEventLabel(notice.action),
  });
}

function NotificationRow(props: {
  notification: NotificationView;
  onOpen: (notification: NotificationView) => void;
}) {
  const { notification } = props;
  const unread = notification.readAt === null;
  const notice = notification.report;
  return (
    <View
      className={`notification ${unread ? 'notification--unread' : ''}`}
      hoverClass="notification--pressed"
      onClick={() => props.onOpen(notification)}
    >
      {unread && <View className="notification__dot" aria-label={t('notifications.unread')} />}
      <View className="notification__body">
        <Text className="notification__title">{noticeTitle(notification)}</Text>
        {notice?.note && (
          <Text className="notification__note">
            {t('notifications.note', { note: notice.note })}
          </Text>
        )}
        {notice?.points ? (
          <Text className="notification__points">
            {t('notifications.points', { n: notice.points })}
          </Text>
        ) : null}
        <Text className="notification__time">{formatDateTime(notification.createdAt)}</Text>
      </View>
    </View>
  );
}

function Notifications() {
  const [list, actions] = usePagedList<NotificationView, null>(fetchNotifications, null);

  useDidShow(() => {
    void actions.reload();
  });

  usePullDownRefresh(() => {
    void actions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void actions.loadMore();
  });

  const open = useCallback(
    (notification: NotificationView) => {
      if (notification.readAt === null) {
        // Read as it is opened; a failure only leaves the dot for the next visit.
        actions.replaceItem({ ...notification, readAt: new Date().toISOString() });
        markNotificationRead(notification.id).catch(() => undefined);
      }
      const reportId = notification.report?.reportId;
      if (reportId) void Taro.navigateTo({ url: reportDetailUrl(reportId) });
    },
    [actions],
  );

  const [markingAll, markAll] = useAction(async () => {
    await markAllNotificationsRead();
    const now = new Date().toISOString();
    for (const item of list.items) {
      if (item.readAt === null) actions.replaceItem({ ...item, readAt: now });
    }
    void Taro.showToast({ title: t('notifications.readAllDone'), icon: 'none' });
  });

  const anyUnread = list.items.some((item) => item.readAt === null);

  return (
    <View className="notifications-page">
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="notifications-page__bar">
          <Button
            className="notifications-page__read-all"
            size="small"
            fill="none"
            type="primary"
            loading={markingAll}
            disabled={!anyUnread}
            onClick={() => void markAll()}
          >
            {t('notifications.readAll')}
          </Button>
        </View>
      )}
      {list.phase === 'loading' && <LoadingList count={3} />}
      {list.phase === 'error' && list.error && (
        <ErrorMessage
          className="notifications-page__error"
          title={t('notifications.error.title')}
          message={errorMessage(list.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {list.phase === 'ready' && list.items.length === 0 && (
        <StateMessage
          className="notifications-page__empty"
          tone="empty"
          title={t('notifications.empty.title')}
          description={t('notifications.empty.hint')}
        />
      )}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="notifications-page__list">
          {list.items.map((notification) => (
            <NotificationRow key={notification.id} notification={notification} onOpen={open} />
          ))}
          <ListFooter loadingMore={list.loadingMore} ended={list.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

/** 消息通知: what happened to the worker's reports, unread first marked; a tap opens the report. */
export default function NotificationsPage() {
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  return <Notifications />;
}
