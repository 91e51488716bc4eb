import { Routes, StatsTable, type VolunteerStat } from '@yizhan/contracts';
import { Card, DatePicker, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { QueryState } from '../../components/QueryState';
import { formatCount } from '../../components/stats/format';
import { t } from './messages';
import { useVolunteerStats } from './queries';

interface VolunteersSectionProps {
  regionId: string | undefined;
  /** Today on the region's clock: the default year, and no later year can be picked. */
  today: string;
}

/** The year's top earners, ranked: the candidates for 金牌骑士. */
export function VolunteersSection({ regionId, today }: VolunteersSectionProps) {
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const volunteers = useVolunteerStats(year, regionId);

  return (
    <Card
      title={t('volunteers.title')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text>{t('volunteers.year')}</Typography.Text>
          <DatePicker
            picker="year"
            allowClear={false}
            aria-label={t('volunteers.year')}
            value={dayjs(`${year}-01-01`)}
            disabledDate={(day) => day.year() > thisYear || day.year() < 2000}
            onChange={(day) => day && setYear(day.year())}
          />
          <ExportCsvButton
            path={Routes.statsExportCsv}
            query={{ table: StatsTable.volunteers, year, regionId }}
            fileName={`volunteers-${year}.csv`}
          />
        </Flex>
      }
    >
      <QueryState
        query={volunteers}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t('volunteers.empty')}
      >
        {(data) => (
          <Table<VolunteerStat>
            size="small"
            rowKey="userId"
            dataSource={data.items}
            pagination={false}
            columns={[
              { title: t('volunteers.column.rank'), dataIndex: 'rank', width: 72 },
              { title: t('volunteers.column.name'), dataIndex: 'displayName' },
              {
                title: t('volunteers.column.points'),
                dataIndex: 'pointsEarned',
                align: 'right',
                render: formatCount,
              },
              {
                title: t('volunteers.column.reports'),
                dataIndex: 'reportsResolved',
                align: 'right',
                render: formatCount,
              },
              {
                title: t('volunteers.column.checkins'),
                dataIndex: 'checkins',
                align: 'right',
                render: formatCount,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
