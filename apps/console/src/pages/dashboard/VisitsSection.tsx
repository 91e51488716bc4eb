import { Routes, VisitGranularity, type StationVisitStat } from '@yizhan/contracts';
import { Button, Card, Flex, Table, Tooltip, Typography } from 'antd';
import { Chart } from '../../components/Chart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { formatCount, formatMonth } from '../../components/stats/format';
import { monthsInRange, statsQuery, type StatsFilter } from '../../components/stats/stats-range';
import { tc } from '../../i18n/common';
import { monthlyVisits, visitsChartOption } from './chart-options';
import { t } from './messages';
import { useVisitStats } from './queries';

const count = (value: number) => formatCount(value);

/** Visits and unique workers per month (chart) and per station and month (paged table). */
export function VisitsSection({ filter }: { filter: StatsFilter }) {
  const visits = useVisitStats(filter);
  const months = monthsInRange(filter.from, filter.to);

  return (
    <Card
      title={t('visits.title')}
      extra={
        <ExportCsvButton
          path={Routes.visitStatsCsv}
          query={{ ...statsQuery(filter), granularity: VisitGranularity.Month }}
          fileName={`visits-${filter.from}-${filter.to}.csv`}
        />
      }
    >
      <QueryState
        query={visits}
        isEmpty={(data) => data.pages[0].totals.length === 0 && data.pages[0].items.length === 0}
        emptyText={t('visits.empty')}
      >
        {(data) => {
          const rows = data.pages.flatMap((page) => page.items);
          return (
            <>
              <Chart
                label={t('visits.chart')}
                option={visitsChartOption(monthlyVisits(data.pages[0].totals, months))}
              />
              <Table<StationVisitStat>
                size="small"
                rowKey={(row) => `${row.period}:${row.stationId}`}
                dataSource={rows}
                pagination={false}
                scroll={{ y: 420 }}
                columns={[
                  { title: t('visits.column.period'), dataIndex: 'period', render: formatMonth },
                  { title: t('visits.column.station'), dataIndex: 'stationName' },
                  {
                    title: t('visits.column.visits'),
                    dataIndex: 'visits',
                    align: 'right',
                    render: count,
                  },
                  {
                    title: t('visits.column.workers'),
                    dataIndex: 'uniqueWorkers',
                    align: 'right',
                    render: count,
                  },
                  {
                    title: (
                      <Tooltip title={t('visits.column.flaggedHint')}>
                        {t('visits.column.flagged')}
                      </Tooltip>
                    ),
                    dataIndex: 'flagged',
                    align: 'right',
                    render: count,
                  },
                ]}
              />
              <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">
                  {t('visits.loaded', { count: rows.length })}
                </Typography.Text>
                {visits.hasNextPage ? (
                  <Button
                    loading={visits.isFetchingNextPage}
                    onClick={() => void visits.fetchNextPage()}
                  >
                    {tc('action.loadMore')}
                  </Button>
                ) : null}
              </Flex>
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
