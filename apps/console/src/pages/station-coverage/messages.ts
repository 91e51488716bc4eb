import { defineMessages } from '../../i18n/messages';

export const t = defineMessages({
  'zh-CN': {
    title: '覆盖分析',
    intro:
      '哪些地方在驿站的 {minutes} 分钟骑行范围内：开放中的驿站、它们的覆盖范围，以及所选时段内报事发生的位置。',
    'kpi.share': '{share} 的报事发生在距最近驿站 {minutes} 分钟骑行范围之外',
    'kpi.counts': '（{farther} / {total}）',
    'kpi.stations': '开放中的驿站 {count} 个',
    'kpi.noReports': '所选时段内没有报事，地图只显示驿站和覆盖范围。',
    model:
      '估算方法：电动自行车 {speed} km/h × {minutes} 分钟 ÷ {detour} 绕行系数 ≈ {km} km 直线距离，即每个驿站圆圈的半径。',
    'empty.stations': '所选区域没有开放中的驿站',
    'legend.title': '图例',
    'legend.station': '驿站',
    'legend.radius': '{minutes} 分钟骑行范围',
    'legend.covered': '范围内的报事',
    'legend.farther': '范围外的报事',
    'legend.shown': '地图显示最近的 {shown} 条报事位置（共 {total} 条）',
    'map.label': '驿站覆盖范围与报事位置地图',
  },
  'en-US': {
    title: 'Coverage',
    'kpi.share':
      '{share} of reports were filed beyond a {minutes}-minute ride from the nearest station',
    'empty.stations': 'No open station in this region',
    'legend.station': 'Station',
    'legend.covered': 'Report within reach',
    'legend.farther': 'Report beyond reach',
  },
});
