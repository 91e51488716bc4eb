import { Col, Row } from 'antd';
import { KpiGroup } from '../../components/stats/KpiGroup';
import { formatCount, formatHours, formatShare } from '../../components/stats/format';
import type { StatsFilter } from '../../components/stats/stats-range';
import { t } from './messages';
import { usePointsStats, useReportStats, useVisitStats } from './queries';

/** The figures a district reports upward, each group from its own source. */
export function KpiOverview({ filter }: { filter: StatsFilter }) {
  const visits = useVisitStats(filter);
  const reports = useReportStats(filter);
  const points = usePointsStats(filter);

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={8} xxl={6}>
        <KpiGroup
          title={t('kpi.visits')}
          query={{ ...visits, data: visits.data?.pages[0] }}
          items={(data) => [
            { label: t('kpi.visits.total'), value: formatCount(data.rangeTotal.visits) },
            {
              label: t('kpi.visits.workers'),
              value: formatCount(data.rangeTotal.uniqueWorkers),
              hint: t('kpi.visits.workersHint'),
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={16} xxl={7}>
        <KpiGroup
          title={t('kpi.reports')}
          query={reports}
          items={(data) => [
            { label: t('kpi.reports.total'), value: formatCount(data.total) },
            {
              label: t('kpi.reports.median'),
              value: formatHours(data.medianResolveHours),
              hint: t('kpi.reports.medianHint'),
            },
            {
              label: t('kpi.reports.overdue'),
              value: formatShare(data.overdueShare),
              hint: t('kpi.reports.overdueHint'),
            },
          ]}
        />
      </Col>
      <Col xs={24} xxl={11}>
        <KpiGroup
          title={t('kpi.points')}
          query={points}
          items={(data) => [
            { label: t('kpi.points.issued'), value: formatCount(data.totals.issued) },
            { label: t('kpi.points.redeemed'), value: formatCount(data.totals.redeemed) },
            { label: t('kpi.points.expired'), value: formatCount(data.totals.expired) },
            {
              label: t('kpi.points.outstanding'),
              value: formatCount(data.outstanding),
              hint: t('kpi.points.outstandingHint'),
              highlight: true,
            },
            { label: t('kpi.points.holders'), value: formatCount(data.holders) },
          ]}
        />
      </Col>
    </Row>
  );
}
