import { Card, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { StatsFilters } from '../../components/stats/StatsFilters';
import { useStatsFilter } from '../../components/stats/useStatsFilter';
import { KpiOverview } from './KpiOverview';
import { t } from './messages';
import { PointsSection } from './PointsSection';
import { ReportsSection } from './ReportsSection';
import { VisitsSection } from './VisitsSection';
import { VolunteersSection } from './VolunteersSection';

const gap = { marginBottom: 16 };

/** 数据统计: the district's figures for a period and region, each with its chart, table and CSV. */
export function DashboardPage() {
  const { filter, setFilter, today } = useStatsFilter();
  return (
    <>
      <PageHeader title={t('title')} />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card size="small" style={gap}>
        <StatsFilters value={filter} onChange={setFilter} today={today} />
      </Card>
      <KpiOverview filter={filter} />
      <div style={gap}>
        <VisitsSection filter={filter} />
      </div>
      <div style={gap}>
        <ReportsSection filter={filter} />
      </div>
      <div style={gap}>
        <PointsSection filter={filter} />
      </div>
      <VolunteersSection regionId={filter.regionId} today={today} />
    </>
  );
}
