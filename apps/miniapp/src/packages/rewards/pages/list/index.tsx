import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { ConsentKind, type RewardSummary } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { ConsentSheet } from '../../../../components/ConsentSheet';
import { FilterBar, type FilterToggle } from '../../../../components/FilterBar';
import { ListFooter } from '../../../../components/ListFooter';
import { Button } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useResource } from '../../../../hooks/useResource';
import { useRewards, type RewardFilters } from '../../../../hooks/useRewards';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import { rewardDetailUrl } from '../../../../routes';
import { consentState, decideConsent } from '../../../../services/consent';
import { getPointsBalance } from '../../../../services/points';
import { RewardCard } from '../../components/RewardCard';
import './index.scss';

const REWARD_TOGGLES: ReadonlyArray<FilterToggle<keyof RewardFilters>> = [
  { key: 'nearby', label: 'rewards.filter.nearby' },
  { key: 'affordable', label: 'rewards.filter.affordable' },
];

function emptyHint(filters: RewardFilters, located: boolean): string {
  if (filters.affordable) return t('rewards.empty.affordable');
  if (filters.nearby && located) return t('rewards.empty.nearby');
  return t('rewards.empty.hint');
}

function RewardsList() {
  const [state, actions] = useRewards();
  const [balance, balanceActions] = useResource(getPointsBalance);
  const [asking, setAsking] = useState(false);
  // The filters chosen when 附近 needed the consent sheet first.
  const waitingFilters = useRef<RewardFilters | null>(null);
  const { list, filters, locationState } = state;

  useDidShow(() => {
    void actions.reload();
    // The header and the "还差" hints only; the list works without it.
    void balanceActions.reload({ quiet: true });
  });

  usePullDownRefresh(() => {
    void actions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void actions.loadMore();
  });

  const changeFilters = useCallback(
    (next: RewardFilters) => {
      // Turning 附近 on is the first moment a position is wanted: ask, as the stations tab does.
      if (next.nearby && !filters.nearby && consentState(ConsentKind.Location) === 'undecided') {
        waitingFilters.current = next;
        setAsking(true);
        return;
      }
      void actions.setFilters(next);
    },
    [actions, filters.nearby],
  );

  const decide = useCallback(
    (granted: boolean) => {
      setAsking(false);
      // Stored on the device at once; recording it on the server may fail quietly (GET /me
      // reconciles it later).
      decideConsent(ConsentKind.Location, granted).catch(() => undefined);
      const next = waitingFilters.current ?? { ...filters, nearby: true };
      waitingFilters.current = null;
      void actions.setFilters(next);
    },
    [actions, filters],
  );

  const openReward = useCallback((reward: RewardSummary) => {
    void Taro.navigateTo({ url: rewardDetailUrl(reward.id) });
  }, []);

  const balanceValue = balance.phase === 'ready' ? balance.data.balance : null;
  const notAllowed = locationState === 'not-allowed';

  return (
    <View className="rewards-page">
      {balanceValue !== null && (
        <Text className="rewards-page__balance">{t('rewards.myBalance', { n: balanceValue })}</Text>
      )}
      <FilterBar toggles={REWARD_TOGGLES} values={filters} onChange={changeFilters} />

      {locationState === 'locating' && list.phase === 'loading' && (
        <Text className="rewards-page__locating">{t('rewards.locating')}</Text>
      )}
      {(notAllowed || locationState === 'unavailable') && (
        <View className="rewards-page__notice location-notice">
          <Text className="location-notice__text">
            {notAllowed ? t('rewards.locationRefused') : t('rewards.locationFallback')}
          </Text>
          <Button
            className="location-notice__retry"
            size="mini"
            fill="outline"
            type="primary"
            onClick={() => (notAllowed ? setAsking(true) : void actions.reload())}
          >
            {notAllowed ? t('rewards.locationGrant') : t('rewards.locationRetry')}
          </Button>
        </View>
      )}

      {list.phase === 'loading' && <LoadingList />}
      {list.phase === 'error' && list.error && (
        <ErrorMessage
          className="rewards-page__error"
          title={t('rewards.error.title')}
          message={errorMessage(list.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {list.phase === 'ready' && list.items.length === 0 && (
        <StateMessage
          className="rewards-page__empty"
          tone="empty"
          title={t('rewards.empty.title')}
          description={emptyHint(filters, locationState === 'located')}
        />
      )}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="rewards-page__list">
          {list.items.map((reward) => (
            <RewardCard
              key={reward.id}
              reward={reward}
              balance={balanceValue}
              onOpen={openReward}
            />
          ))}
          <ListFooter loadingMore={list.loadingMore} ended={list.nextCursor === null} />
        </View>
      )}

      <ConsentSheet visible={asking} onAgree={() => decide(true)} onRefuse={() => decide(false)} />
    </View>
  );
}

/** 积分兑换: rewards near the user (with consent) or cheapest first, and what each costs. */
export default function RewardsPage() {
  const { signedIn } = useSession();
  if (!signedIn) {
    return (
      <View className="rewards-page rewards-page--signed-out">
        <SignInPrompt
          title={t('points.signedOut.title')}
          description={t('points.signedOut.description')}
        />
      </View>
    );
  }
  return <RewardsList />;
}
