import { Map } from '@tarojs/components';
import type { ReportSummary } from '@yizhan/contracts';
import { useMemo } from 'react';
import { reportStatusLabel } from '../../../../i18n';
import './index.scss';

/** The red tab icon doubles as the marker, as on the stations map: no extra image. */
const MARKER_ICON = '/assets/tabbar/report-active.png';
const MARKER_SIZE = 30;

/**
 * weapp only: WeChat's native map (GCJ-02, as the API's coordinates) with a marker per listed
 * report; tapping one (or its label) opens it. Taro's H5 build has no map component, so the H5
 * queue stays a list (the page offers no map there).
 */
export function ReportMap({
  reports,
  onOpen,
}: {
  reports: readonly ReportSummary[];
  onOpen: (report: ReportSummary) => void;
}) {
  // Marker ids must be numbers: the index into the list shown.
  const markers = useMemo(
    () =>
      reports.map((report, index) => ({
        id: index,
        latitude: report.lat,
        longitude: report.lng,
        title: report.categoryName,
        iconPath: MARKER_ICON,
        width: MARKER_SIZE,
        height: MARKER_SIZE,
        callout: {
          content: `${report.categoryName} · ${reportStatusLabel(report.status)}`,
          color: report.overdue ? '#d9381e' : '#1f2329',
          fontSize: 12,
          anchorX: 0,
          anchorY: 0,
          borderRadius: 6,
          borderWidth: 0,
          borderColor: '#ffffff',
          bgColor: '#ffffff',
          padding: 6,
          display: 'BYCLICK' as const,
          textAlign: 'center' as const,
        },
      })),
    [reports],
  );
  const points = useMemo(
    () => reports.map((report) => ({ latitude: report.lat, longitude: report.lng })),
    [reports],
  );
  const first = reports[0];
  if (!first) return null;

  const open = (markerId: number | string) => {
    const report = reports[Number(markerId)];
    if (report) onOpen(report);
  };

  return (
    <Map
      className="report-map"
      latitude={first.lat}
      longitude={first.lng}
      scale={14}
      markers={markers}
      includePoints={points}
      onMarkerTap={(event) => open(event.detail.markerId)}
      onCalloutTap={(event) => open(event.detail.markerId)}
      // A map that fails to draw leaves the list, which shows the same reports.
      onError={() => undefined}
    />
  );
}
