import { Text, View } from '@tarojs/components';
import type { PointsTransferItem } from '@yizhan/contracts';
import { t, transferKindLabel } from '../../i18n';
import { formatDateTime } from '../../utils/datetime';
import { Badge } from '../Badge';
import './index.scss';

/** "+5" / "−50": the sign is always shown, so a spend never reads as an earning. */
export function signedPoints(amount: number): string {
  return amount < 0
    ? t('points.amount.minus', { n: Math.abs(amount) })
    : t('points.amount.plus', { n: amount });
}

/** One history entry: why, when, how much; pending and voided entries say so. */
export function TransferRow({ item }: { item: PointsTransferItem }) {
  const direction = item.amount < 0 ? 'out' : 'in';
  return (
    <View className={`transfer-row transfer-row--${item.status}`}>
      <View className="transfer-row__main">
        <View className="transfer-row__head">
          <Text className="transfer-row__kind">{transferKindLabel(item.kind)}</Text>
          {item.status === 'pending' && (
            <Badge tone="waiting" label={t('transferStatus.pending')} />
          )}
          {item.status === 'voided' && <Badge tone="over" label={t('transferStatus.voided')} />}
        </View>
        <Text className="transfer-row__time">{formatDateTime(item.createdAt)}</Text>
      </View>
      <Text className={`transfer-row__amount transfer-row__amount--${direction}`}>
        {signedPoints(item.amount)}
      </Text>
    </View>
  );
}
