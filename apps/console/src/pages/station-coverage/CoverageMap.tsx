import type { CoverageResponse } from '@yizhan/contracts';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { Circle, CircleMarker, Tooltip, useMap } from 'react-leaflet';
import { BaseMap } from '../../components/BaseMap';
import { COVERAGE_COLORS, reportDots, stationBounds, type ReportDot } from './coverage-layers';

const REPORT_PANE = 'coverage-reports';

/** Fits the map to the stations' circles whenever they change. */
function FitBounds({ bounds }: { bounds: L.LatLngBoundsExpression | null }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [16, 16] });
  }, [map, bounds]);
  return null;
}

/**
 * Thousands of report dots on one canvas (SVG would make a DOM node each), in a pane below the
 * stations that lets the pointer through, so the stations' tooltips still answer.
 */
function ReportDotsLayer({ dots }: { dots: ReportDot[] }) {
  const map = useMap();
  useEffect(() => {
    const pane = map.getPane(REPORT_PANE) ?? map.createPane(REPORT_PANE);
    pane.style.zIndex = '350';
    pane.style.pointerEvents = 'none';
    const renderer = L.canvas({ pane: REPORT_PANE, padding: 0.5 });
    const layer = L.layerGroup(
      dots.map((dot) =>
        L.circleMarker(dot.center, {
          renderer,
          pane: REPORT_PANE,
          interactive: false,
          radius: 4,
          weight: 1,
          color: '#fff',
          fillColor: dot.color,
          fillOpacity: 0.9,
        }),
      ),
    ).addTo(map);
    return () => {
      layer.remove();
      renderer.remove();
    };
  }, [map, dots]);
  return null;
}

/** Open stations with their reach, and where reports were filed, covered or not. */
export function CoverageMap({ coverage }: { coverage: CoverageResponse }) {
  const bounds = useMemo(
    () => stationBounds(coverage.stations, coverage.radiusM),
    [coverage.stations, coverage.radiusM],
  );
  const dots = useMemo(() => reportDots(coverage.points), [coverage.points]);
  const first = coverage.stations[0];

  return (
    <BaseMap center={[first.lat, first.lng]} zoom={13} style={{ height: 600 }}>
      <FitBounds bounds={bounds} />
      <ReportDotsLayer dots={dots} />
      {coverage.stations.map((station) => (
        <Circle
          key={`reach-${station.id}`}
          center={[station.lat, station.lng]}
          radius={coverage.radiusM}
          interactive={false}
          pathOptions={{
            color: COVERAGE_COLORS.station,
            weight: 1,
            fillColor: COVERAGE_COLORS.station,
            fillOpacity: 0.08,
          }}
        />
      ))}
      {coverage.stations.map((station) => (
        <CircleMarker
          key={station.id}
          center={[station.lat, station.lng]}
          radius={6}
          pathOptions={{
            color: '#fff',
            weight: 2,
            fillColor: COVERAGE_COLORS.station,
            fillOpacity: 1,
          }}
        >
          <Tooltip>{station.name}</Tooltip>
        </CircleMarker>
      ))}
    </BaseMap>
  );
}
