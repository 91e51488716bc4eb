import { REDEMPTION_STATUSES } from '@yizhan/contracts';
import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Redemption, RedemptionStatus } from '@yizhan/contracts';
import { useCallback, useState } from 'react';
import { ChoiceBar } from '../../../../components/FilterBar';
import { ListFooter } from '../../../../components/ListFooter';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useCancelRedemption } from '../../../../hooks/useCancelRedemption';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, redemptionStatusLabel, t } from '../../../../i18n';
import { PagePath, redemptionCodeUrl } from '../../../../routes';
import { listRedemptions } from '../../../../services/redemptions';
import { RedemptionCard } from '../../components/RedemptionCard';
import './index.scss';

type StatusChoice = RedemptionStatus | 'all';

const PAGE_SIZE = 20;

/** Built when rendered, so the labels follow the locale chosen at launch. */
function statusChoices(): Array<{ value: StatusChoice; label: string }> {
  return [
    { value: 'all', label: t('redemptions.filter.all') },
    ...REDEMPTION_STATUSES.map((status) => ({
      value: status,
      label: redemptionStatusLabel(status),
    })),
  ];
}

const fetchRedemptions = (status: StatusChoice, cursor: string | undefined) =>
  listRedemptions({ status: status === 'all' ? undefined : status, limit: PAGE_SIZE, cursor });

function MyRedemptions() {
  const [list, actions] = usePagedList<Redemption, StatusChoice>(fetchRedemptions, 'all');
  const [cancelling, cancel] = useCancelRedemption();
  const [cancellingId, setCancellingId] = useState<string | null>(null);

  // Each time the page shows: back from a code page, a code may have been used or cancelled.
  useDidShow(() => {
    void actions.reload();
  });

  usePullDownRefresh(() => {
    void actions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void actions.loadMore();
  });

  const open = useCallback((redemption: Redemption) => {
    void Taro.navigateTo({ url: redemptionCodeUrl(redemption.id) });
  }, []);

  const pressCancel = useCallback(
    async (redemption: Redemption) => {
      setCancellingId(redemption.id);
      const cancelled = await cancel(redemption);
      setCancellingId(null);
      // In the 待使用 filter a cancelled code no longer belongs: reload rather than patch.
      if (cancelled && list.query === 'all') actions.replaceItem(cancelled);
      else void actions.reload();
    },
    [actions, cancel, list.query],
  );

  return (
    <View className="redemptions-page">
      <ChoiceBar
        choices={statusChoices()}
        value={list.query}
        onChange={(status) => void actions.reload(status)}
      />
      {list.phase === 'loading' && <LoadingList count={3} />}
      {list.phase === 'error' && list.error && (
        <ErrorMessage
          className="redemptions-page__error"
          title={t('redemptions.error.title')}
          message={errorMessage(list.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {list.phase === 'ready' && list.items.length === 0 && (
        <StateMessage
          className="redemptions-page__empty"
          tone="empty"
          title={t('redemptions.empty.title')}
          description={
            list.query === 'all' ? t('redemptions.empty.hint') : t('redemptions.empty.filtered')
          }
          actionText={t('redemptions.toRewards')}
          onAction={() => void Taro.navigateTo({ url: PagePath.rewards })}
        />
      )}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="redemptions-page__list">
          {list.items.map((redemption) => (
            <RedemptionCard
              key={redemption.id}
              redemption={redemption}
              cancelling={cancelling && cancellingId === redemption.id}
              onOpen={open}
              onCancel={(item) => void pressCancel(item)}
            />
          ))}
          <ListFooter loadingMore={list.loadingMore} ended={list.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

/** 我的兑换: every code the worker redeemed, by status, with 取消兑换 while unused. */
export default function MyRedemptionsPage() {
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  return <MyRedemptions />;
}
