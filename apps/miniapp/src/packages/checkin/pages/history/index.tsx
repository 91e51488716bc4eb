import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { CheckinView } from '@yizhan/contracts';
import { useCallback } from 'react';
import { ListFooter } from '../../../../components/ListFooter';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import { stationDetailUrl } from '../../../../routes';
import { listMyCheckins } from '../../../../services/checkins';
import { formatDateTime } from '../../../../utils/datetime';
import { formatDistance } from '../../../../utils/format';
import './index.scss';

const PAGE_SIZE = 20;

const fetchPage = (_query: null, cursor: string | undefined) =>
  listMyCheckins({ limit: PAGE_SIZE, cursor });

/** "+5 积分", "不计积分" (flagged or nothing to earn), or "积分结算中". */
function pointsText(visit: CheckinView): string {
  if (visit.flags.length > 0) return t('checkins.noPoints');
  if (visit.pointsAwarded === null) return t('checkins.settling');
  return visit.pointsAwarded > 0
    ? t('checkins.points', { n: visit.pointsAwarded })
    : t('checkins.noPoints');
}

function CheckinRow({ visit }: { visit: CheckinView }) {
  const details = [
    formatDateTime(visit.createdAt),
    t(`checkin.method.${visit.method}`),
    visit.distanceM === null ? '' : formatDistance(visit.distanceM),
  ].filter((part) => part !== '');
  const earned = visit.flags.length === 0 && (visit.pointsAwarded ?? 0) > 0;
  return (
    <View
      className="checkin-row"
      hoverClass="checkin-row--pressed"
      onClick={() => void Taro.navigateTo({ url: stationDetailUrl(visit.stationId) })}
    >
      <View className="checkin-row__main">
        <Text className="checkin-row__station">{visit.stationName}</Text>
        <Text className="checkin-row__details">{details.join(t('common.separator'))}</Text>
      </View>
      <Text className={`checkin-row__points ${earned ? '' : 'checkin-row__points--none'}`}>
        {pointsText(visit)}
      </Text>
    </View>
  );
}

function History() {
  const [state, actions] = usePagedList<CheckinView, null>(fetchPage, null);
  const { reload, loadMore } = actions;

  useDidShow(() => {
    void reload();
  });

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void loadMore();
  });

  const retry = useCallback(() => void reload(), [reload]);

  return (
    <View className="checkins-page">
      {state.phase === 'loading' && <LoadingList count={3} />}
      {state.phase === 'error' && state.error && (
        <ErrorMessage
          className="checkins-page__error"
          title={t('checkins.error.title')}
          message={errorMessage(state.error.code)}
          onRetry={retry}
        />
      )}
      {state.phase === 'ready' && state.items.length === 0 && (
        <StateMessage
          className="checkins-page__empty"
          tone="empty"
          title={t('checkins.empty.title')}
          description={t('checkins.empty.hint')}
        />
      )}
      {state.phase === 'ready' && state.items.length > 0 && (
        <View className="checkins-page__list">
          {state.items.map((visit) => (
            <CheckinRow key={visit.id} visit={visit} />
          ))}
          <ListFooter loadingMore={state.loadingMore} ended={state.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

/** 我的签到记录: the worker's visits, newest first, with what each earned. */
export default function CheckinHistoryPage() {
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  return <History />;
}
