import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { Button, Cell, CellGroup } from '../../components/nutui';
import { PrivacySettings } from '../../components/PrivacySettings';
import { ProfileCard } from '../../components/ProfileCard';
import { ErrorMessage, LoadingList, StateMessage } from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import { useMe } from '../../hooks/useMe';
import { useReportQueue } from '../../hooks/useReportQueue';
import { errorMessage, t } from '../../i18n';
import { PagePath, stationAdminUrl } from '../../routes';
import { logout } from '../../services/auth';
import { forgetConsentDecisions } from '../../services/consent';
import { exportMyData } from '../../services/data-export';
import { deleteMe } from '../../services/me';
import { unreadNotificationCount } from '../../services/notifications';
import { reportOwner, reportQueue } from '../../services/report-queue';
import { session } from '../../services/session';
import { canUseCounter, isHandler, managedStationIds } from '../../utils/roles';
import './index.scss';

const DANGER = '#d9381e';

function openLogin(): void {
  void Taro.navigateTo({ url: PagePath.login });
}

function openEditProfile(): void {
  void Taro.navigateTo({ url: PagePath.editProfile });
}

function openMerchantWorkspace(): void {
  void Taro.navigateTo({ url: PagePath.merchantWorkspace });
}

function open(url: string): void {
  void Taro.navigateTo({ url });
}

/**
 * Reports still on this phone are lost when its user signs out or leaves (the next person on a
 * shared phone must not send them): say so first.
 */
async function confirmLosingQueued(): Promise<boolean> {
  const waiting = reportQueue.draftsOf(reportOwner()).length;
  if (waiting === 0) return true;
  const { confirm } = await Taro.showModal({
    title: t('me.logout.queued.title'),
    content: t('me.logout.queued.content', { n: waiting }),
    confirmText: t('me.logout.queued.confirm'),
    confirmColor: DANGER,
    cancelText: t('common.cancel'),
  });
  return confirm;
}

function forgetQueuedReports(userId: string | null): void {
  if (userId) reportQueue.clear(userId);
}

/** 我的: the profile, privacy consents, data export, sign-out and account deletion. */
export default function MePage() {
  const [state, reload] = useMe();
  const queue = useReportQueue();
  const [unread, setUnread] = useState(0);

  // Each time the tab shows, so an edit, a login or a change on another device appears.
  useDidShow(() => {
    void reload();
    if (session.get() === null) return;
    unreadNotificationCount()
      .then(setUnread)
      .catch(() => undefined);
  });

  const [exporting, runExport] = useAction(async () => {
    const delivery = await exportMyData();
    if (delivery === 'downloaded') {
      void Taro.showToast({ title: t('me.export.downloaded'), icon: 'none' });
    }
  });

  const [leaving, runLogout] = useAction(async () => {
    if (!(await confirmLosingQueued())) return;
    const userId = reportOwner();
    await logout();
    forgetQueuedReports(userId);
    forgetConsentDecisions();
    void Taro.showToast({ title: t('me.logout.done'), icon: 'none' });
  });

  const [deleting, runDelete] = useAction(async () => {
    const { confirm } = await Taro.showModal({
      title: t('me.delete.title'),
      content: t('me.delete.content'),
      confirmText: t('me.delete.confirm'),
      confirmColor: DANGER,
      cancelText: t('common.cancel'),
    });
    if (!confirm) return;
    const userId = reportOwner();
    await deleteMe();
    forgetQueuedReports(userId);
    forgetConsentDecisions();
    void Taro.showToast({ title: t('me.delete.done'), icon: 'none' });
  });

  if (state.phase === 'signed-out') {
    // The consents govern this device too, so they can be changed without an account.
    return (
      <View className="me-page me-page--signed-out">
        <StateMessage
          className="me-page__signed-out"
          tone="empty"
          title={t('me.signedOut.title')}
          description={t('me.signedOut.description')}
          actionText={t('me.signedOut.login')}
          onAction={openLogin}
        />
        <PrivacySettings />
      </View>
    );
  }

  if (state.phase === 'loading') {
    return (
      <View className="me-page me-page--loading">
        <LoadingList count={2} />
      </View>
    );
  }

  if (state.phase === 'error') {
    return (
      <View className="me-page me-page--error">
        <ErrorMessage
          className="me-page__error"
          title={t('me.error.title')}
          message={errorMessage(state.error.code)}
          onRetry={() => void reload()}
        />
      </View>
    );
  }

  const busy = exporting || leaving || deleting;
  const stations = managedStationIds(state.user);
  const handler = isHandler(state.user);
  const showWork = canUseCounter(state.user) || stations.length > 0 || handler;
  const queued = queue.drafts.length;
  return (
    <View className="me-page">
      <ProfileCard user={state.user} onEdit={openEditProfile} />
      <View className="me-page__section me-page__reports">
        <CellGroup title={t('me.reports.title')}>
          <Cell
            className="me-page__my-reports"
            title={t('me.reports.mine')}
            description={t('me.reports.mineHint')}
            extra={
              queued > 0 ? (
                <Badge tone="waiting" label={t('me.reports.queued', { n: queued })} />
              ) : undefined
            }
            clickable
            onClick={() => open(PagePath.myReports)}
          />
          <Cell
            className="me-page__notifications"
            title={t('me.reports.notifications')}
            description={t('me.reports.notificationsHint')}
            extra={
              unread > 0 ? (
                <Badge
                  className="me-page__unread"
                  tone="active"
                  label={t('me.reports.unread', { n: unread })}
                />
              ) : undefined
            }
            clickable
            onClick={() => open(PagePath.notifications)}
          />
        </CellGroup>
      </View>
      {showWork && (
        <View className="me-page__section me-page__work">
          <CellGroup title={t('me.work.title')}>
            {stations.map((stationId) => (
              <Cell
                key={stationId}
                className="me-page__station"
                title={t('me.work.station')}
                description={t('me.work.stationHint')}
                clickable
                onClick={() => void Taro.navigateTo({ url: stationAdminUrl(stationId) })}
              />
            ))}
            {handler && (
              <Cell
                className="me-page__handler"
                title={t('me.work.handler')}
                description={t('me.work.handlerHint')}
                clickable
                onClick={() => open(PagePath.handlerQueue)}
              />
            )}
            {canUseCounter(state.user) && (
              <Cell
                className="me-page__merchant"
                title={t('me.work.merchant')}
                description={t('me.work.merchantHint')}
                clickable
                onClick={openMerchantWorkspace}
              />
            )}
          </CellGroup>
        </View>
      )}
      <PrivacySettings />

      <View className="me-page__section">
        <CellGroup title={t('me.data.title')}>
          <View className="me-page__export">
            <Text className="me-page__hint">{t('me.export.description')}</Text>
            <Button
              className="me-page__export-button"
              size="small"
              fill="outline"
              type="primary"
              loading={exporting}
              disabled={busy && !exporting}
              onClick={() => void runExport()}
            >
              {t('me.export')}
            </Button>
          </View>
        </CellGroup>
      </View>

      <View className="me-page__actions">
        <Button
          className="me-page__logout"
          block
          fill="outline"
          loading={leaving}
          disabled={busy && !leaving}
          onClick={() => void runLogout()}
        >
          {t('me.logout')}
        </Button>
        <Button
          className="me-page__delete"
          block
          fill="none"
          type="danger"
          loading={deleting}
          disabled={busy && !deleting}
          onClick={() => void runDelete()}
        >
          {t('me.delete')}
        </Button>
      </View>
    </View>
  );
}
