import { Flex, Typography } from 'antd';
import type { CoverageResponse } from '@yizhan/contracts';
import { formatCount } from '../../components/stats/format';
import { COVERAGE_COLORS, dotCounts } from './coverage-layers';
import { t } from './messages';

function Swatch({ color, ring = false }: { color: string; ring?: boolean }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: ring ? 16 : 10,
        height: ring ? 16 : 10,
        borderRadius: '50%',
        background: ring ? `${color}22` : color,
        border: `${ring ? 1 : 2}px solid ${ring ? color : '#fff'}`,
        boxShadow: ring ? undefined : `0 0 0 1px ${color}`,
      }}
    />
  );
}

/** What the map's marks mean, with the count of each kind of dot drawn. */
export function CoverageLegend({ coverage }: { coverage: CoverageResponse }) {
  const counts = dotCounts(coverage.points);
  const minutes = coverage.rideMinutes;
  const items = [
    {
      key: 'station',
      swatch: <Swatch color={COVERAGE_COLORS.station} />,
      text: t('legend.station'),
    },
    {
      key: 'radius',
      swatch: <Swatch color={COVERAGE_COLORS.station} ring />,
      text: t('legend.radius', { minutes }),
    },
    {
      key: 'covered',
      swatch: <Swatch color={COVERAGE_COLORS.covered} />,
      text: `${t('legend.covered')} ${formatCount(counts.covered)}`,
    },
    {
      key: 'farther',
      swatch: <Swatch color={COVERAGE_COLORS.farther} />,
      text: `${t('legend.farther')} ${formatCount(counts.farther)}`,
    },
  ];
  return (
    <Flex gap={20} wrap align="center" style={{ marginBottom: 12 }} aria-label={t('legend.title')}>
      {items.map((item) => (
        <Flex key={item.key} gap={6} align="center">
          {item.swatch}
          <Typography.Text>{item.text}</Typography.Text>
        </Flex>
      ))}
      {coverage.points.length < coverage.reports.total ? (
        <Typography.Text type="secondary">
          {t('legend.shown', {
            shown: formatCount(coverage.points.length),
            total: formatCount(coverage.reports.total),
          })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
