import { Text, View } from '@tarojs/components';
import type { RewardSummary } from '@yizhan/contracts';
import { t } from '../../../../i18n';
import { formatDistance } from '../../../../utils/format';
import { rewardAvailability, rewardPlace, stockLabel } from '../../../../utils/reward';
import './index.scss';

interface RewardCardProps {
  reward: RewardSummary;
  /** The spendable balance, when known: a card then says how many points are missing. */
  balance: number | null;
  onOpen: (reward: RewardSummary) => void;
}

export function RewardCard({ reward, balance, onOpen }: RewardCardProps) {
  const place = rewardPlace(reward);
  const availability = rewardAvailability(reward, balance);
  const where = [
    place?.name ?? '',
    reward.distanceM === undefined ? '' : formatDistance(reward.distanceM),
  ].filter((part) => part !== '');
  return (
    <View
      className={`reward-card reward-card--${availability.kind}`}
      hoverClass="reward-card--pressed"
      onClick={() => onOpen(reward)}
    >
      <View className="reward-card__head">
        <Text className="reward-card__title">{reward.title}</Text>
        <Text className="reward-card__cost">{t('reward.cost', { n: reward.pointsCost })}</Text>
      </View>
      {where.length > 0 && (
        <Text className="reward-card__place">{where.join(t('common.separator'))}</Text>
      )}
      <View className="reward-card__foot">
        <Text className="reward-card__stock">{stockLabel(reward.stock)}</Text>
        {availability.kind !== 'redeemable' && (
          <Text className="reward-card__availability">{availability.label}</Text>
        )}
      </View>
    </View>
  );
}
