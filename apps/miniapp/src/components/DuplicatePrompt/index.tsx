import { Text, View } from '@tarojs/components';
import type { PossibleDuplicate } from '@yizhan/contracts';
import { t } from '../../i18n';
import { formatDateTime } from '../../utils/datetime';
import { formatDistance } from '../../utils/format';
import { Button, Popup } from '../nutui';
import { ReportStatusBadge } from '../ReportStatusBadge';
import './index.scss';

const portalTarget = () => document.body;

/**
 * 附近可能已有人上报: open reports of the same category close by, with their status, place,
 * distance and time (no one else's words or photos). The worker reports anyway or leaves it.
 */
export function DuplicatePrompt(props: {
  visible: boolean;
  categoryName: string;
  duplicates: readonly PossibleDuplicate[];
  sending: boolean;
  onSubmitAnyway: () => void;
  onCancel: () => void;
}) {
  return (
    <Popup
      portal={process.env.TARO_ENV === 'h5' ? portalTarget : undefined}
      className="duplicate-prompt"
      visible={props.visible}
      position="bottom"
      round
      closeable={false}
      closeOnOverlayClick={false}
      title={t('report.duplicates.title')}
    >
      <View
        className="duplicate-prompt__body"
        role="dialog"
        aria-label={t('report.duplicates.title')}
      >
        <Text className="duplicate-prompt__hint">{t('report.duplicates.hint')}</Text>
        {props.duplicates.map((duplicate) => (
          <View key={duplicate.id} className="duplicate-prompt__item">
            <View className="duplicate-prompt__head">
              <Text className="duplicate-prompt__category">{props.categoryName}</Text>
              <ReportStatusBadge status={duplicate.status} />
            </View>
            <Text className="duplicate-prompt__address">
              {duplicate.address ?? t('report.duplicates.noAddress')}
            </Text>
            <Text className="duplicate-prompt__meta">
              {[
                t('report.duplicates.distance', { distance: formatDistance(duplicate.distanceM) }),
                formatDateTime(duplicate.createdAt),
                duplicate.meTooCount > 0
                  ? t('report.duplicates.meToo', { n: duplicate.meTooCount })
                  : '',
              ]
                .filter(Boolean)
                .join(t('common.separator'))}
            </Text>
          </View>
        ))}
        <View className="duplicate-prompt__actions">
          <Button
            className="duplicate-prompt__cancel"
            fill="outline"
            type="default"
            disabled={props.sending}
            onClick={props.onCancel}
          >
            {t('report.duplicates.cancel')}
          </Button>
          <Button
            className="duplicate-prompt__submit"
            type="primary"
            loading={props.sending}
            onClick={props.onSubmitAnyway}
          >
            {t('report.duplicates.submitAnyway')}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
