import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { ReportSummary } from '@yizhan/contracts';
import { useCallback } from 'react';
import { ListFooter } from '../../../../components/ListFooter';
import { ReportCard } from '../../../../components/ReportCard';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useReportQueue } from '../../../../hooks/useReportQueue';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import { PagePath, reportDetailUrl } from '../../../../routes';
import { ClientErrorCode } from '../../../../services/api-error';
import { reportQueue, requestDraftEdit, type ReportDraft } from '../../../../services/report-queue';
import { listMyReports } from '../../../../services/reports';
import { QueuedReportCard } from '../../components/QueuedReportCard';
import './index.scss';

const PAGE_SIZE = 20;

const fetchMine = (_: null, cursor: string | undefined) =>
  listMyReports({ limit: PAGE_SIZE, cursor });

function MyReports() {
  const [list, actions] = usePagedList<ReportSummary, null>(fetchMine, null);
  const queue = useReportQueue();

  /** Sends what waits on the phone, then shows the list with whatever went through. */
  const refresh = useCallback(async () => {
    const waiting = reportQueue.getSnapshot().drafts.length;
    await Promise.all([actions.reload(), reportQueue.flush().catch(() => undefined)]);
    if (reportQueue.getSnapshot().drafts.length < waiting) await actions.reload();
  }, [actions]);

  useDidShow(() => {
    void refresh();
  });

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void actions.loadMore();
  });

  const open = useCallback((report: ReportSummary) => {
    void Taro.navigateTo({ url: reportDetailUrl(report.id) });
  }, []);

  const sendNow = useCallback(
    async (draft: ReportDraft) => {
      const outcome = await reportQueue.send(draft.clientRequestId);
      if (outcome.kind === 'sent') {
        void Taro.showToast({ title: t('reports.queuedSent'), icon: 'none' });
        void actions.reload();
      } else if (outcome.kind === 'deferred') {
        void Taro.showToast({
          title:
            outcome.code === ClientErrorCode.NetworkError
              ? t('reports.queuedStillOffline')
              : errorMessage(outcome.code),
          icon: 'none',
        });
      } else if (outcome.kind === 'failed') {
        void Taro.showToast({ title: errorMessage(outcome.code), icon: 'none' });
      }
    },
    [actions],
  );

  const edit = useCallback((draft: ReportDraft) => {
    requestDraftEdit(draft.clientRequestId);
    void Taro.switchTab({ url: PagePath.report });
  }, []);

  const remove = useCallback(async (draft: ReportDraft) => {
    const { confirm } = await Taro.showModal({
      title: t('reports.queuedDelete.title'),
      content: t('reports.queuedDelete.content'),
      confirmText: t('reports.queuedDelete'),
      confirmColor: '#d9381e',
      cancelText: t('common.cancel'),
    });
    if (confirm) reportQueue.remove(draft.clientRequestId);
  }, []);

  const drafts = queue.drafts;
  const nothing = list.phase === 'ready' && list.items.length === 0 && drafts.length === 0;

  return (
    <View className="my-reports">
      {drafts.length > 0 && (
        <View className="my-reports__queued">
          <Text className="my-reports__section">{`${t('reports.queued')} · ${drafts.length}`}</Text>
          {drafts.map((draft) => (
            <QueuedReportCard
              key={draft.clientRequestId}
              draft={draft}
              sending={queue.isSending(draft.clientRequestId)}
              onSend={(item) => void sendNow(item)}
              onEdit={edit}
              onDelete={(item) => void remove(item)}
            />
          ))}
        </View>
      )}
      {list.phase === 'loading' && <LoadingList count={3} />}
      {list.phase === 'error' && list.error && (
        <ErrorMessage
          className="my-reports__error"
          title={t('reports.error.title')}
          message={errorMessage(list.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {nothing && (
        <StateMessage
          className="my-reports__empty"
          tone="empty"
          title={t('reports.empty.title')}
          description={t('reports.empty.hint')}
          actionText={t('reports.empty.action')}
          onAction={() => void Taro.switchTab({ url: PagePath.report })}
        />
      )}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="my-reports__list">
          {list.items.map((report) => (
            <ReportCard key={report.id} report={report} onOpen={open} />
          ))}
          <ListFooter loadingMore={list.loadingMore} ended={list.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

/** 我的报事: reports waiting on this phone on top (待发送), then those filed, newest first. */
export default function MyReportsPage() {
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  return <MyReports />;
}
