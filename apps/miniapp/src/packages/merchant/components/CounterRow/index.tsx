import { Text, View } from '@tarojs/components';
import type { CounterRedemption } from '@yizhan/contracts';
import { RedemptionStatusBadge } from '../../../../components/RedemptionStatusBadge';
import { t } from '../../../../i18n';
import { formatTime } from '../../../../utils/datetime';
import './index.scss';

/** One of today's codes: when, what, the code's tail (never the whole code), its state. */
export function CounterRow({ redemption }: { redemption: CounterRedemption }) {
  return (
    <View className={`counter-row counter-row--${redemption.status}`}>
      <Text className="counter-row__time">{formatTime(redemption.createdAt)}</Text>
      <View className="counter-row__main">
        <Text className="counter-row__title">{redemption.reward.title}</Text>
        <Text className="counter-row__meta">
          {t('merchant.codeTail', { tail: redemption.codeTail })}
          {t('common.separator')}
          {t('redemption.cost', { n: redemption.pointsCost })}
        </Text>
      </View>
      <RedemptionStatusBadge status={redemption.status} />
    </View>
  );
}
