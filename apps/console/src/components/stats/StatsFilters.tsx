import { DatePicker, Form, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MAX_STATS_RANGE_DAYS } from '@yizhan/contracts';
import { regionTreeData, useRegions } from '../../hooks/useRegions';
import { ts } from './messages';
import { lastTwelveMonths, type StatsFilter } from './stats-range';

interface StatsFiltersProps {
  value: StatsFilter;
  onChange: (filter: StatsFilter) => void;
  /** Today on the region's clock (YYYY-MM-DD): no later day can be picked. */
  today: string;
}

const DATE = 'YYYY-MM-DD';

/** The range (at most 366 days, nothing after today) and the region of a statistics page. */
export function StatsFilters({ value, onChange, today }: StatsFiltersProps) {
  const regions = useRegions();
  const last = dayjs(today);
  const presets = [
    { label: ts('preset.last12Months'), range: lastTwelveMonths(today) },
    { label: ts('preset.thisYear'), range: { from: `${today.slice(0, 4)}-01-01`, to: today } },
    {
      label: ts('preset.lastYear'),
      range: {
        from: `${Number(today.slice(0, 4)) - 1}-01-01`,
        to: `${Number(today.slice(0, 4)) - 1}-12-31`,
      },
    },
    {
      label: ts('preset.last30Days'),
      range: { from: last.subtract(29, 'day').format(DATE), to: today },
    },
  ];

  const disabledDate = (day: Dayjs, info: { from?: Dayjs }) => {
    if (day.isAfter(last, 'day')) return true;
    // Both ends count, so 366 days span 365 days of difference.
    return !!info.from && Math.abs(day.diff(info.from, 'day')) >= MAX_STATS_RANGE_DAYS;
  };

  return (
    <Form layout="inline" component="div" style={{ rowGap: 8 }}>
      <Form.Item label={ts('filter.range')} tooltip={ts('filter.rangeHint')}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          disabledDate={disabledDate}
          presets={presets.map((preset) => ({
            label: preset.label,
            value: [dayjs(preset.range.from), dayjs(preset.range.to)] as [Dayjs, Dayjs],
          }))}
          onChange={(range) => {
            if (!range?.[0] || !range[1]) return;
            onChange({ ...value, from: range[0].format(DATE), to: range[1].format(DATE) });
          }}
        />
      </Form.Item>
      <Form.Item label={ts('filter.region')}>
        <TreeSelect
          style={{ width: 240 }}
          loading={regions.loading}
          value={value.regionId ?? regions.root?.id}
          treeData={regionTreeData(regions.root)}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          onChange={(regionId: string) =>
            onChange({
              ...value,
              regionId: regionId === regions.root?.id ? undefined : regionId,
            })
          }
        />
      </Form.Item>
    </Form>
  );
}
