import { RedemptionStatus } from '@yizhan/contracts';
import { Text, View } from '@tarojs/components';
import type { CounterRedemption } from '@yizhan/contracts';
import { Button } from '../../../../components/nutui';
import { RedemptionStatusBadge } from '../../../../components/RedemptionStatusBadge';
import { t } from '../../../../i18n';
import { formatDateTime } from '../../../../utils/datetime';
import './index.scss';

function Row({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`counter-result__row ${className}`}>
      <Text className="counter-result__label">{label}</Text>
      <Text className="counter-result__value">{value}</Text>
    </View>
  );
}

/** Why a code that verify found cannot be handed over (again). */
function closedReason(redemption: CounterRedemption): string | null {
  switch (redemption.status) {
    case RedemptionStatus.Fulfilled:
      return t('merchant.closed.fulfilled', {
        time: formatDateTime(redemption.fulfilledAt ?? redemption.createdAt),
      });
    case RedemptionStatus.Expired:
      return t('merchant.closed.expired');
    case RedemptionStatus.Cancelled:
      return t('merchant.closed.cancelled');
    default:
      return null;
  }
}

interface CounterResultProps {
  redemption: CounterRedemption;
  /** Handed over just now, by this counter. */
  justFulfilled: boolean;
  fulfilling: boolean;
  onFulfil: () => void;
  onNext: () => void;
}

/** What a code is for, the customer masked, and 确认核销 while it can still be used. */
export function CounterResult(props: CounterResultProps) {
  const { redemption, justFulfilled, fulfilling, onFulfil, onNext } = props;
  const worker = [redemption.worker.nickname ?? t('merchant.workerUnknown')];
  if (redemption.worker.phoneMasked) worker.push(redemption.worker.phoneMasked);
  const reason = justFulfilled ? null : closedReason(redemption);
  return (
    <View className={`counter-result counter-result--${redemption.status}`}>
      {justFulfilled && (
        <View className="counter-result__success" role="status">
          <Text className="counter-result__success-title">{t('merchant.fulfilled.title')}</Text>
          <Text className="counter-result__success-hint">
            {t('merchant.fulfilled.hint', { title: redemption.reward.title })}
          </Text>
        </View>
      )}
      <View className="counter-result__head">
        <Text className="counter-result__title">{redemption.reward.title}</Text>
        <RedemptionStatusBadge status={redemption.status} />
      </View>
      <Row
        className="counter-result__points"
        label={t('merchant.result.points')}
        value={String(redemption.pointsCost)}
      />
      <Row
        className="counter-result__worker"
        label={t('merchant.result.worker')}
        value={worker.join(t('common.separator'))}
      />
      <Row
        className="counter-result__tail"
        label={t('merchant.result.codeTail')}
        value={redemption.codeTail}
      />
      <Row
        className="counter-result__created"
        label={t('merchant.result.createdAt')}
        value={formatDateTime(redemption.createdAt)}
      />
      <Row
        className="counter-result__expires"
        label={t('merchant.result.expiresAt')}
        value={formatDateTime(redemption.expiresAt)}
      />
      {reason && (
        <View className="counter-result__closed" role="alert">
          {reason}
        </View>
      )}
      <View className="counter-result__actions">
        {redemption.status === RedemptionStatus.Issued && (
          <Button
            className="counter-result__fulfil"
            type="primary"
            block
            loading={fulfilling}
            onClick={onFulfil}
          >
            {t('merchant.fulfil')}
          </Button>
        )}
        {redemption.status !== RedemptionStatus.Issued && (
          <Button className="counter-result__next" block fill="outline" onClick={onNext}>
            {t('merchant.next')}
          </Button>
        )}
      </View>
    </View>
  );
}
