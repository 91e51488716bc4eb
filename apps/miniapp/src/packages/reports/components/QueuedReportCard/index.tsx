import { Text, View } from '@tarojs/components';
import { Badge } from '../../../../components/Badge';
import { Button } from '../../../../components/nutui';
import { errorMessage, t } from '../../../../i18n';
import type { ReportDraft } from '../../../../services/report-queue';
import { categoryGlyph } from '../../../../utils/category-icon';
import { formatDateTime } from '../../../../utils/datetime';
import './index.scss';

/**
 * A report still on this phone: 待发送 (it goes by itself once online; 立即发送 tries now),
 * 发送中…, or 发送失败 with the reason, to fix (修改) or give up (删除).
 */
export function QueuedReportCard(props: {
  draft: ReportDraft;
  sending: boolean;
  onSend: (draft: ReportDraft) => void;
  onEdit: (draft: ReportDraft) => void;
  onDelete: (draft: ReportDraft) => void;
}) {
  const { draft, sending } = props;
  const failed = draft.state === 'failed';
  const label = sending
    ? t('reports.queuedSending')
    : failed
      ? t('reports.queuedFailed')
      : t('reports.queued');
  return (
    <View className={`queued-report ${failed ? 'queued-report--failed' : ''}`}>
      <View className="queued-report__head">
        <Text className="queued-report__category">
          {`${categoryGlyph(draft.categoryIcon)} ${draft.categoryName}`}
        </Text>
        <Badge
          className="queued-report__badge"
          tone={failed ? 'active' : 'waiting'}
          label={label}
        />
      </View>
      <Text className="queued-report__excerpt">{draft.description}</Text>
      <Text className="queued-report__meta">
        {[
          formatDateTime(draft.createdAt),
          draft.photos.length > 0 ? t('reports.photoCount', { n: draft.photos.length }) : '',
          failed ? '' : t('reports.queuedHint'),
        ]
          .filter(Boolean)
          .join(t('common.separator'))}
      </Text>
      {failed && draft.errorCode && (
        <View className="queued-report__error" role="alert">
          {errorMessage(draft.errorCode)}
        </View>
      )}
      <View className="queued-report__actions">
        <Button
          className="queued-report__delete"
          size="small"
          fill="none"
          type="default"
          disabled={sending}
          onClick={() => props.onDelete(draft)}
        >
          {t('reports.queuedDelete')}
        </Button>
        {failed ? (
          <Button
            className="queued-report__edit"
            size="small"
            fill="outline"
            type="primary"
            onClick={() => props.onEdit(draft)}
          >
            {t('reports.queuedEdit')}
          </Button>
        ) : (
          <Button
            className="queued-report__send"
            size="small"
            fill="outline"
            type="primary"
            loading={sending}
            onClick={() => props.onSend(draft)}
          >
            {t('reports.queuedSendNow')}
          </Button>
        )}
      </View>
    </View>
  );
}
