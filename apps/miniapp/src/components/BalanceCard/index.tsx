import { Text, View } from '@tarojs/components';
import type { PointsBalance } from '@yizhan/contracts';
import { t } from '../../i18n';
import { formatDate } from '../../utils/datetime';
import './index.scss';

/** Spendable points large; pending and held beside, each with what it means for the user. */
export function BalanceCard({ balance }: { balance: PointsBalance }) {
  return (
    <View className="balance-card">
      <Text className="balance-card__label">{t('points.balance')}</Text>
      <Text className="balance-card__amount" aria-label={t('points.balance')}>
        {balance.balance}
      </Text>
      <View className="balance-card__others">
        <View className="balance-card__other balance-card__pending">
          <Text className="balance-card__other-value">{balance.pending}</Text>
          <Text className="balance-card__other-label">{t('points.pending')}</Text>
          <Text className="balance-card__other-hint">{t('points.pendingHint')}</Text>
        </View>
        <View className="balance-card__other balance-card__held">
          <Text className="balance-card__other-value">{balance.held}</Text>
          <Text className="balance-card__other-label">{t('points.held')}</Text>
          <Text className="balance-card__other-hint">{t('points.heldHint')}</Text>
        </View>
      </View>
      {balance.expiringSoon.length > 0 && (
        <View className="balance-card__expiring" role="alert">
          {balance.expiringSoon.map((lot) => (
            <Text key={lot.expiresAt} className="balance-card__expiring-line">
              {t('points.expiring', { amount: lot.amount, date: formatDate(lot.expiresAt) })}
            </Text>
          ))}
        </View>
      )}
      {balance.expiringSoon.length === 0 && balance.nextExpiry && (
        <Text className="balance-card__next-expiry">
          {t('points.nextExpiry', {
            amount: balance.nextExpiry.amount,
            date: formatDate(balance.nextExpiry.expiresAt),
          })}
        </Text>
      )}
    </View>
  );
}
