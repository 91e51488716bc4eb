import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { PointsBalance, RewardSummary } from '@yizhan/contracts';
import { useCallback, useEffect } from 'react';
import { Button, Cell, CellGroup } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ResourceFallback, StateMessage } from '../../../../components/StateView';
import { useRedeem } from '../../../../hooks/useRedeem';
import { useResource } from '../../../../hooks/useResource';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import { redemptionCodeUrl } from '../../../../routes';
import { callPhone } from '../../../../services/location';
import { getPointsBalance } from '../../../../services/points';
import { getReward } from '../../../../services/rewards';
import { formatDate } from '../../../../utils/datetime';
import { formatDistance } from '../../../../utils/format';
import { limitLabel, rewardAvailability, rewardPlace, stockLabel } from '../../../../utils/reward';
import './index.scss';

function validityLabel(reward: RewardSummary): string {
  if (reward.validTo) return t('reward.detail.validTo', { date: formatDate(reward.validTo) });
  if (reward.validFrom) {
    return t('reward.detail.validFrom', { date: formatDate(reward.validFrom) });
  }
  return t('reward.detail.validAlways');
}

/** Taro's modal paints its confirm button WeChat green unless told otherwise. */
const BRAND = '#d9381e';

/** The confirmation says what is spent and what is left, before anything is sent. */
async function confirmRedeem(reward: RewardSummary, balance: number): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: t('reward.confirm.title'),
    content: t('reward.confirm.content', {
      title: reward.title,
      cost: reward.pointsCost,
      after: balance - reward.pointsCost,
      hours: reward.codeValidHours,
    }),
    confirmText: t('reward.confirm.ok'),
    confirmColor: BRAND,
    cancelText: t('common.cancel'),
  });
  return confirm;
}

function RewardDetailView(props: {
  reward: RewardSummary;
  balance: PointsBalance | null;
  /** The balance could not be loaded: nothing can be confirmed without it. */
  balanceFailed: boolean;
  onRefresh: () => void;
}) {
  const { reward, balance, balanceFailed, onRefresh } = props;
  const place = rewardPlace(reward);
  const spendable = balance?.balance ?? null;
  const availability = rewardAvailability(reward, spendable);
  const [redeemState, redeem] = useRedeem(reward.id);

  const press = useCallback(async () => {
    // A retry after an unknown outcome re-sends what the user already confirmed.
    if (!redeemState.unsettled) {
      if (spendable === null || !(await confirmRedeem(reward, spendable))) return;
    }
    const redemption = await redeem();
    if (redemption) {
      void Taro.showToast({ title: t('reward.redeemed'), icon: 'success' });
      // The code page replaces this one: back from the code leads to the list, not to a
      // 兑换 button for something already redeemed.
      void Taro.redirectTo({ url: redemptionCodeUrl(redemption.id) });
    } else {
      // A refusal may mean the stock or the balance moved: show the fresh numbers.
      onRefresh();
    }
  }, [redeem, redeemState.unsettled, reward, spendable, onRefresh]);

  const canPress =
    redeemState.unsettled || (availability.kind === 'redeemable' && spendable !== null);
  const buttonText = redeemState.unsettled
    ? t('reward.redeemRetry')
    : availability.kind === 'redeemable'
      ? t('reward.redeem')
      : availability.kind === 'short'
        ? t('reward.notEnough')
        : availability.label;

  return (
    <View className="reward-detail">
      <View className="reward-detail__card">
        <Text className="reward-detail__title">{reward.title}</Text>
        <Text className="reward-detail__cost">{t('reward.cost', { n: reward.pointsCost })}</Text>
        {reward.description && (
          <Text className="reward-detail__description">{reward.description}</Text>
        )}
      </View>

      <CellGroup className="reward-detail__facts">
        {place && (
          <Cell
            className="reward-detail__place"
            title={t('reward.detail.place')}
            description={place.address}
            extra={place.name}
          />
        )}
        {reward.distanceM !== undefined && (
          <Cell title={t('reward.detail.distance')} extra={formatDistance(reward.distanceM)} />
        )}
        {place?.phone && (
          <Cell
            title={t('reward.detail.phone')}
            extra={place.phone}
            clickable
            onClick={() => {
              const phone = place.phone;
              if (phone) callPhone(phone).catch(() => undefined);
            }}
          />
        )}
        <Cell
          className="reward-detail__stock"
          title={t('reward.detail.stock')}
          extra={stockLabel(reward.stock)}
        />
        <Cell title={t('reward.detail.limit')} extra={limitLabel(reward)} />
        <Cell title={t('reward.detail.validity')} extra={validityLabel(reward)} />
        <Cell
          title={t('reward.detail.codeValid')}
          extra={t('reward.detail.codeValidHours', { n: reward.codeValidHours })}
        />
      </CellGroup>

      <View className="reward-detail__action">
        {spendable !== null && (
          <Text className="reward-detail__balance">
            {t('reward.detail.balance')} {spendable}
          </Text>
        )}
        {balanceFailed && (
          <View className="reward-detail__error reward-detail__balance-error" role="alert">
            {t('points.error.title')}
            <Button size="mini" fill="none" type="primary" onClick={onRefresh}>
              {t('common.retry')}
            </Button>
          </View>
        )}
        {availability.kind === 'short' && !redeemState.unsettled && (
          <Text className="reward-detail__short">{availability.label}</Text>
        )}
        {redeemState.unsettled && (
          <View className="reward-detail__unsettled" role="alert">
            {t('reward.redeemUnsettled')}
          </View>
        )}
        {redeemState.error && !redeemState.unsettled && (
          <View className="reward-detail__error" role="alert">
            {errorMessage(redeemState.error.code, 'redeem')}
          </View>
        )}
        <Button
          className="reward-detail__redeem"
          type="primary"
          block
          loading={redeemState.sending}
          disabled={!canPress}
          onClick={() => void press()}
        >
          {buttonText}
        </Button>
      </View>
    </View>
  );
}

function RewardDetail({ id }: { id: string }) {
  const [reward, rewardActions] = useResource(useCallback(() => getReward(id), [id]));
  const [balance, balanceActions] = useResource(getPointsBalance);
  const { reload: reloadReward } = rewardActions;
  const { reload: reloadBalance } = balanceActions;

  const refresh = useCallback(() => {
    void reloadReward();
    void reloadBalance();
  }, [reloadReward, reloadBalance]);

  useDidShow(refresh);

  useEffect(() => {
    if (reward.phase === 'ready') void Taro.setNavigationBarTitle({ title: reward.data.title });
  }, [reward]);

  if (reward.phase !== 'ready') {
    return (
      <ResourceFallback
        state={reward}
        block="reward-detail"
        notFound={{ title: t('reward.notFound.title'), hint: t('reward.notFound.hint') }}
        errorTitle={t('reward.error.title')}
        onRetry={refresh}
      />
    );
  }
  return (
    <RewardDetailView
      reward={reward.data}
      balance={balance.phase === 'ready' ? balance.data : null}
      balanceFailed={balance.phase === 'error'}
      onRefresh={refresh}
    />
  );
}

/** One reward: what, where, how many are left, the limits, and 立即兑换 with a confirmation. */
export default function RewardDetailPage() {
  const { params } = useRouter();
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  if (!params.id) {
    return (
      <StateMessage
        className="reward-detail__not-found"
        tone="empty"
        title={t('reward.notFound.title')}
        description={t('reward.notFound.hint')}
      />
    );
  }
  return <RewardDetail id={params.id} />;
}
