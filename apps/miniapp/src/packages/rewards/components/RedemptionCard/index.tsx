import { RedemptionStatus } from '@yizhan/contracts';
import { Text, View } from '@tarojs/components';
import type { Redemption } from '@yizhan/contracts';
import { Button } from '../../../../components/nutui';
import { RedemptionStatusBadge } from '../../../../components/RedemptionStatusBadge';
import { t } from '../../../../i18n';
import { formatDateTime } from '../../../../utils/datetime';
import './index.scss';

interface RedemptionCardProps {
  redemption: Redemption;
  cancelling: boolean;
  onOpen: (redemption: Redemption) => void;
  onCancel: (redemption: Redemption) => void;
}

/** The time that matters for each state: until when to use it, or when it ended. */
function timeLine(redemption: Redemption): string {
  switch (redemption.status) {
    case RedemptionStatus.Fulfilled:
      return t('redemption.fulfilledAt', {
        time: formatDateTime(redemption.fulfilledAt ?? redemption.createdAt),
      });
    case RedemptionStatus.Cancelled:
      return t('redemption.cancelledAt', {
        time: formatDateTime(redemption.cancelledAt ?? redemption.createdAt),
      });
    case RedemptionStatus.Expired:
      return t('redemption.expiredAt', { time: formatDateTime(redemption.expiresAt) });
    default:
      return t('redemption.code.expiresAt', { time: formatDateTime(redemption.expiresAt) });
  }
}

export function RedemptionCard({ redemption, cancelling, onOpen, onCancel }: RedemptionCardProps) {
  const place = redemption.merchant?.name ?? redemption.station?.name ?? '';
  return (
    <View
      className={`redemption-card redemption-card--${redemption.status}`}
      hoverClass="redemption-card--pressed"
      onClick={() => onOpen(redemption)}
    >
      <View className="redemption-card__head">
        <Text className="redemption-card__title">{redemption.reward.title}</Text>
        <RedemptionStatusBadge status={redemption.status} />
      </View>
      {place !== '' && <Text className="redemption-card__place">{place}</Text>}
      <View className="redemption-card__foot">
        <Text className="redemption-card__time">{timeLine(redemption)}</Text>
        <Text className="redemption-card__cost">
          {t('redemption.cost', { n: redemption.pointsCost })}
        </Text>
      </View>
      {redemption.status === RedemptionStatus.Issued && (
        // Its own tap target: cancelling must not also open the code page.
        <View className="redemption-card__actions" onClick={(event) => event.stopPropagation()}>
          <Button
            className="redemption-card__cancel"
            size="small"
            fill="outline"
            loading={cancelling}
            onClick={() => onCancel(redemption)}
          >
            {t('redemption.cancel')}
          </Button>
        </View>
      )}
    </View>
  );
}
