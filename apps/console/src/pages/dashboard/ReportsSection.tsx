import {
  REPORT_STATUSES,
  Routes,
  StatsTable,
  type ReportCategoryStat,
  type ReportDepartmentStat,
  type ReportStatsResponse,
} from '@yizhan/contracts';
import { Card, Table } from 'antd';
import { Chart } from '../../components/Chart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { formatCount, formatHours, formatShare } from '../../components/stats/format';
import { statsQuery, type StatsFilter } from '../../components/stats/stats-range';
import { departmentsOption, reportsByCategoryOption } from './chart-options';
import { statusLabel, t } from './messages';
import { useReportStats } from './queries';

function exportButton(filter: StatsFilter, table: StatsTable) {
  return (
    <ExportCsvButton
      path={Routes.statsExportCsv}
      query={{ ...statsQuery(filter), table }}
      fileName={`${table}-${filter.from}-${filter.to}.csv`}
    />
  );
}

function CategoryTable({ data }: { data: ReportStatsResponse }) {
  return (
    <Table<ReportCategoryStat>
      size="small"
      rowKey="category"
      dataSource={data.byCategory}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('reports.column.category'), dataIndex: 'categoryName', fixed: 'start' },
        ...REPORT_STATUSES.map((status) => ({
          title: statusLabel(status),
          key: status,
          align: 'right' as const,
          render: (_: unknown, row: ReportCategoryStat) => formatCount(row.byStatus[status]),
        })),
        {
          title: t('reports.column.total'),
          dataIndex: 'total',
          align: 'right',
          render: (value: number) => formatCount(value),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('reports.column.total')}</Table.Summary.Cell>
          {REPORT_STATUSES.map((status, index) => (
            <Table.Summary.Cell key={status} index={index + 1} align="right">
              {formatCount(data.byStatus[status])}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={REPORT_STATUSES.length + 1} align="right">
            {formatCount(data.total)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function DepartmentTable({ rows }: { rows: ReportDepartmentStat[] }) {
  return (
    <Table<ReportDepartmentStat>
      size="small"
      rowKey="departmentId"
      dataSource={rows}
      pagination={false}
      columns={[
        { title: t('departments.column.department'), dataIndex: 'departmentName' },
        {
          title: t('departments.column.dispatched'),
          dataIndex: 'dispatched',
          align: 'right',
          render: formatCount,
        },
        {
          title: t('departments.column.resolved'),
          dataIndex: 'resolved',
          align: 'right',
          render: formatCount,
        },
        {
          title: t('departments.column.median'),
          dataIndex: 'medianResolveHours',
          align: 'right',
          render: formatHours,
        },
        {
          title: t('departments.column.overdue'),
          dataIndex: 'overdue',
          align: 'right',
          render: formatCount,
        },
        {
          title: t('departments.column.overdueShare'),
          dataIndex: 'overdueShare',
          align: 'right',
          render: formatShare,
        },
      ]}
    />
  );
}

/** Reports by category and status, and how each department handled what it was sent. */
export function ReportsSection({ filter }: { filter: StatsFilter }) {
  const reports = useReportStats(filter);
  return (
    <>
      <Card
        title={t('reports.title')}
        extra={exportButton(filter, StatsTable.reportsByCategory)}
        style={{ marginBottom: 16 }}
      >
        <QueryState
          query={reports}
          isEmpty={(data) => data.total === 0}
          emptyText={t('reports.empty')}
        >
          {(data) => (
            <>
              <Chart label={t('reports.chart')} option={reportsByCategoryOption(data.byCategory)} />
              <CategoryTable data={data} />
            </>
          )}
        </QueryState>
      </Card>
      <Card
        title={t('departments.title')}
        extra={exportButton(filter, StatsTable.reportsByDepartment)}
      >
        <QueryState
          query={reports}
          isEmpty={(data) => data.byDepartment.length === 0}
          emptyText={t('departments.empty')}
        >
          {(data) => (
            <>
              <Chart label={t('departments.chart')} option={departmentsOption(data.byDepartment)} />
              <DepartmentTable rows={data.byDepartment} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
