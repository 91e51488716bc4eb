import { defineMessages } from '../../i18n/messages';

/** Texts of the statistics filters and cards, shared by the dashboard and the coverage page. */
export const ts = defineMessages({
  'zh-CN': {
    'filter.range': '统计时段',
    'filter.region': '区域',
    'filter.rangeHint': '最长 366 天，按本地日期统计（含首尾两天）',
    'preset.last12Months': '近 12 个月',
    'preset.thisYear': '今年',
    'preset.lastYear': '去年',
    'preset.last30Days': '近 30 天',
    'kpi.retry': '重试',
  },
  'en-US': {
    'filter.range': 'Period',
    'filter.region': 'Region',
    'filter.rangeHint': 'At most 366 days, local dates, both included',
    'preset.last12Months': 'Last 12 months',
    'preset.thisYear': 'This year',
    'preset.lastYear': 'Last year',
    'preset.last30Days': 'Last 30 days',
    'kpi.retry': 'Retry',
  },
});
