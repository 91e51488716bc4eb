import { Routes, StatsTable, type PointsMonthStat } from '@yizhan/contracts';
import { Alert, Card, Table } from 'antd';
import { Chart } from '../../components/Chart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { formatCount, formatMonth } from '../../components/stats/format';
import { monthsInRange, statsQuery, type StatsFilter } from '../../components/stats/stats-range';
import { monthlyPoints, pointsChartOption } from './chart-options';
import { t } from './messages';
import { usePointsStats } from './queries';

const FLOWS = ['issued', 'redeemed', 'expired'] as const;

/** Points issued, redeemed and expired per month, and what the programme owes its workers. */
export function PointsSection({ filter }: { filter: StatsFilter }) {
  const points = usePointsStats(filter);
  const months = monthsInRange(filter.from, filter.to);
  return (
    <Card
      title={t('points.title')}
      extra={
        <ExportCsvButton
          path={Routes.statsExportCsv}
          query={{ ...statsQuery(filter), table: StatsTable.points }}
          fileName={`points-${filter.from}-${filter.to}.csv`}
        />
      }
    >
      <QueryState
        query={points}
        isEmpty={(data) => data.outstanding === 0 && FLOWS.every((flow) => data.totals[flow] === 0)}
        emptyText={t('points.empty')}
      >
        {(data) => {
          const rows = monthlyPoints(data.months, months);
          return (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('points.outstanding', {
                  value: formatCount(data.outstanding),
                  holders: formatCount(data.holders),
                  pending: formatCount(data.pending),
                })}
                description={t('kpi.points.outstandingHint')}
              />
              <Chart label={t('points.chart')} option={pointsChartOption(rows)} />
              <Table<PointsMonthStat>
                size="small"
                rowKey="period"
                dataSource={rows}
                pagination={false}
                columns={[
                  { title: t('points.column.period'), dataIndex: 'period', render: formatMonth },
                  ...FLOWS.map((flow) => ({
                    title: t(`points.column.${flow}`),
                    dataIndex: flow,
                    align: 'right' as const,
                    render: (value: number) => formatCount(value),
                  })),
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('reports.column.total')}</Table.Summary.Cell>
                    {FLOWS.map((flow, index) => (
                      <Table.Summary.Cell key={flow} index={index + 1} align="right">
                        {formatCount(data.totals[flow])}
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                )}
              />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
