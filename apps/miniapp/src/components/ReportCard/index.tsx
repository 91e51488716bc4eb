import { Image, Text, View } from '@tarojs/components';
import type { ReportSummary } from '@yizhan/contracts';
import { t } from '../../i18n';
import { photoSrc } from '../../services/media';
import { categoryGlyph } from '../../utils/category-icon';
import { formatDateTime } from '../../utils/datetime';
import { Badge } from '../Badge';
import { ReportStatusBadge } from '../ReportStatusBadge';
import './index.scss';

/**
 * One report in a list (the worker's own, a handler's queue): category, status, the start of the
 * description, place and time; for handlers also when it is due, and 已超时 once past it.
 */
export function ReportCard({
  report,
  onOpen,
  forHandler = false,
}: {
  report: ReportSummary;
  onOpen: (report: ReportSummary) => void;
  forHandler?: boolean;
}) {
  return (
    <View
      className={`report-card ${report.overdue && forHandler ? 'report-card--overdue' : ''}`}
      hoverClass="report-card--pressed"
      onClick={() => onOpen(report)}
    >
      <View className="report-card__main">
        <View className="report-card__head">
          <Text className="report-card__category">
            {`${categoryGlyph(report.categoryIcon)} ${report.categoryName}`}
          </Text>
          <View className="report-card__badges">
            {forHandler && report.overdue && (
              <Badge className="report-card__overdue" tone="active" label={t('reports.overdue')} />
            )}
            <ReportStatusBadge status={report.status} />
          </View>
        </View>
        <Text className="report-card__excerpt">{report.excerpt}</Text>
        {report.address && <Text className="report-card__address">{report.address}</Text>}
        <Text className="report-card__meta">
          {[
            formatDateTime(report.createdAt),
            report.photoCount > 0 ? t('reports.photoCount', { n: report.photoCount }) : '',
            forHandler ? t('handler.dueAt', { time: formatDateTime(report.dueAt) }) : '',
          ]
            .filter(Boolean)
            .join(t('common.separator'))}
        </Text>
      </View>
      {report.thumbUrl && (
        <Image className="report-card__thumb" src={photoSrc(report.thumbUrl)} mode="aspectFill" />
      )}
    </View>
  );
}
