import { Text, View } from '@tarojs/components';
import type { ReportPoints, ReportView } from '@yizhan/contracts';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { categoryGlyph } from '../../utils/category-icon';
import { formatDateTime } from '../../utils/datetime';
import { Badge } from '../Badge';
import { Cell, CellGroup } from '../nutui';
import { ReportPhotos } from '../ReportPhotos';
import { ReportStatusBadge } from '../ReportStatusBadge';
import { ReportTimeline } from '../ReportTimeline';
import './index.scss';

export function pointsLine(points: ReportPoints | null): string {
  if (!points) return t('reportDetail.points.none');
  if (points.status === 'posted') return t('reportDetail.points.posted', { n: points.amount });
  if (points.status === 'voided') return t('reportDetail.points.voided');
  return t('reportDetail.points.pending', { n: points.amount });
}

/**
 * One report as the worker and the handler both see it: category and status, the facts, the
 * description, the photos and the timeline. `facts` adds the viewer's own lines (the reporter
 * for a handler), `children` goes between the photos and the timeline.
 */
export function ReportBody(props: {
  report: ReportView;
  forHandler?: boolean;
  facts?: ReactNode;
  children?: ReactNode;
}) {
  const { report, forHandler = false } = props;
  return (
    <View className="report-body">
      <View className="report-body__card report-body__head">
        <View className="report-body__title-row">
          <Text className="report-body__category">
            {`${categoryGlyph(report.categoryIcon)} ${report.categoryName}`}
          </Text>
          <View className="report-body__badges">
            {forHandler && report.overdue && (
              <Badge tone="active" label={t('reports.overdue')} className="report-body__overdue" />
            )}
            <ReportStatusBadge status={report.status} />
          </View>
        </View>
        {report.duplicateOfId && (
          <Text className="report-body__notice">{t('reportDetail.duplicateOf')}</Text>
        )}
        {report.meTooCount > 0 && (
          <Text className="report-body__notice report-body__me-too">
            {t('reportDetail.meToo', { n: report.meTooCount })}
          </Text>
        )}
        {forHandler && report.flags.includes('photo_reused') && (
          <Text className="report-body__notice report-body__flag">
            {t('reportDetail.photoReused')}
          </Text>
        )}
      </View>

      <CellGroup className="report-body__facts">
        {props.facts}
        <Cell title={t('reportDetail.createdAt')} extra={formatDateTime(report.createdAt)} />
        <Cell
          className="report-body__address"
          title={t('reportDetail.address')}
          description={report.address ?? t('reportDetail.noAddress')}
        />
        <Cell title={t('reportDetail.region')} extra={report.regionName} />
        {report.department && (
          <Cell
            className="report-body__department"
            title={t('reportDetail.department')}
            extra={report.department.name}
          />
        )}
        {forHandler && (
          <Cell title={t('reportDetail.dueAt')} extra={formatDateTime(report.dueAt)} />
        )}
        <Cell
          className="report-body__points"
          title={t('reportDetail.points')}
          extra={pointsLine(report.points)}
        />
      </CellGroup>

      <View className="report-body__card">
        <Text className="report-body__label">{t('reportDetail.description')}</Text>
        <Text className="report-body__description">{report.description}</Text>
        {report.photos.length > 0 && (
          <View className="report-body__photos">
            <Text className="report-body__label">{t('reportDetail.photos')}</Text>
            <ReportPhotos photos={report.photos} />
          </View>
        )}
      </View>

      {props.children}

      <View className="report-body__card report-body__timeline">
        <Text className="report-body__label">{t('reportDetail.timeline')}</Text>
        <ReportTimeline entries={report.timeline} />
      </View>
    </View>
  );
}
