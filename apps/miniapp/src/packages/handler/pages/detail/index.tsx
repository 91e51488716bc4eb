import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { PossibleDuplicate, ReportView } from '@yizhan/contracts';
import { useCallback } from 'react';
import { Cell } from '../../../../components/nutui';
import { ReportBody } from '../../../../components/ReportBody';
import { ReportStatusBadge } from '../../../../components/ReportStatusBadge';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ResourceFallback, StateMessage } from '../../../../components/StateView';
import { useResource } from '../../../../hooks/useResource';
import { useSession } from '../../../../hooks/useSession';
import { t } from '../../../../i18n';
import { handlerReportUrl } from '../../../../routes';
import { getReport } from '../../../../services/reports';
import { formatDateTime } from '../../../../utils/datetime';
import { formatDistance } from '../../../../utils/format';
import { HandlerActions } from '../../components/ActionSheets';
import './index.scss';

function reporterLine(report: ReportView): string {
  const reporter = report.reporter;
  if (!reporter) return t('reportDetail.reporterUnknown');
  return [reporter.nickname ?? t('reportDetail.reporterUnknown'), reporter.phoneMasked]
    .filter(Boolean)
    .join(t('common.separator'));
}

function Duplicates({ duplicates }: { duplicates: readonly PossibleDuplicate[] }) {
  if (duplicates.length === 0) return null;
  return (
    <View className="handler-report__duplicates">
      <Text className="handler-report__label">{t('handlerDetail.duplicates')}</Text>
      {duplicates.map((duplicate) => (
        <View
          key={duplicate.id}
          className="handler-report__duplicate"
          hoverClass="handler-report__duplicate--pressed"
          onClick={() => void Taro.navigateTo({ url: handlerReportUrl(duplicate.id) })}
        >
          <View className="handler-report__duplicate-head">
            <Text className="handler-report__duplicate-address">
              {duplicate.address ?? t('report.duplicates.noAddress')}
            </Text>
            <ReportStatusBadge status={duplicate.status} />
          </View>
          <Text className="handler-report__duplicate-meta">
            {[
              t('report.duplicates.distance', { distance: formatDistance(duplicate.distanceM) }),
              formatDateTime(duplicate.createdAt),
              duplicate.meTooCount > 0
                ? t('report.duplicates.meToo', { n: duplicate.meTooCount })
                : '',
            ]
              .filter(Boolean)
              .join(t('common.separator'))}
          </Text>
        </View>
      ))}
    </View>
  );
}

function HandlerReport({ id }: { id: string }) {
  const [report, actions] = useResource(useCallback(() => getReport(id), [id]));
  const { reload, replace } = actions;

  useDidShow(() => {
    void reload();
  });

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (report.phase !== 'ready') {
    return (
      <ResourceFallback
        state={report}
        block="handler-report"
        notFound={{
          title: t('reportDetail.notFound.title'),
          hint: t('reportDetail.notFound.hint'),
        }}
        errorTitle={t('reportDetail.error.title')}
        onRetry={() => void reload()}
      />
    );
  }

  const { data } = report;
  return (
    <View className="handler-report">
      <ReportBody
        report={data}
        forHandler
        facts={
          <Cell
            className="handler-report__reporter"
            title={t('reportDetail.reporter')}
            extra={reporterLine(data)}
          />
        }
      >
        <HandlerActions report={data} onDone={replace} onStale={() => void reload()} />
        <Duplicates duplicates={data.possibleDuplicates} />
      </ReportBody>
    </View>
  );
}

/**
 * One report for its handler (`?id=`): the reporter (masked), the photos, the timeline, possible
 * duplicates nearby, and the steps `allowedActions` permits (受理 派单 办结 驳回 标记重复).
 */
export default function HandlerReportPage() {
  const { params } = useRouter();
  const { signedIn } = useSession();
  const id = params.id ?? '';
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  if (id === '') {
    return (
      <StateMessage
        className="handler-report__not-found"
        tone="empty"
        title={t('reportDetail.notFound.title')}
        description={t('reportDetail.notFound.hint')}
      />
    );
  }
  return <HandlerReport id={id} />;
}
