import { useQuery } from '@tanstack/react-query';
import {
  COVERAGE_DETOUR_FACTOR,
  COVERAGE_RIDE_MINUTES,
  COVERAGE_RIDE_SPEED_KMH,
  Routes,
  type CoverageResponse,
} from '@yizhan/contracts';
import { Alert, Card, Flex, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { StatsFilters } from '../../components/stats/StatsFilters';
import { formatCount, formatShare } from '../../components/stats/format';
import { statsQuery } from '../../components/stats/stats-range';
import { useStatsFilter } from '../../components/stats/useStatsFilter';
import { api } from '../../api/client';
import { CoverageLegend } from './CoverageLegend';
import { CoverageMap } from './CoverageMap';
import { radiusKm } from './coverage-layers';
import { t } from './messages';

function CoverageSummary({ coverage }: { coverage: CoverageResponse }) {
  const minutes = coverage.rideMinutes;
  const { total, farther, fartherShare } = coverage.reports;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {total === 0 ? (
        <Alert type="info" showIcon title={t('kpi.noReports')} />
      ) : (
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('kpi.share', { share: formatShare(fartherShare), minutes })}
          {t('kpi.counts', { farther: formatCount(farther), total: formatCount(total) })}
        </Typography.Title>
      )}
      <Typography.Text>
        {t('kpi.stations', { count: formatCount(coverage.stations.length) })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('model', {
          speed: COVERAGE_RIDE_SPEED_KMH,
          minutes,
          detour: COVERAGE_DETOUR_FACTOR,
          km: radiusKm(coverage.radiusM),
        })}
      </Typography.Text>
    </Flex>
  );
}

/** 覆盖分析: which parts of the district are within a short ride of an open station. */
export function CoveragePage() {
  const { filter, setFilter, today } = useStatsFilter();
  const coverage = useQuery({
    queryKey: ['stats', 'coverage', filter],
    queryFn: ({ signal }) => api.get<CoverageResponse>(Routes.coverage, statsQuery(filter), signal),
  });

  return (
    <>
      <PageHeader title={t('title')} />
      <Typography.Paragraph type="secondary">
        {t('intro', { minutes: COVERAGE_RIDE_MINUTES })}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <StatsFilters value={filter} onChange={setFilter} today={today} />
      </Card>
      <Card>
        <QueryState
          query={coverage}
          isEmpty={(data) => data.stations.length === 0}
          emptyText={t('empty.stations')}
        >
          {(data) => (
            <>
              <CoverageSummary coverage={data} />
              <CoverageLegend coverage={data} />
              <div role="region" aria-label={t('map.label')}>
                <CoverageMap coverage={data} />
              </div>
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
