import { Map } from '@tarojs/components';
import type { ReportSummary } from '@yizhan/contracts';
import { useMemo } from 'react';
import { reportStatusLabel } from '../../../../i18n';
import { labelledMarker } from '../../../../utils/map-marker';
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
  const markers = useMemo(
    () =>
      reports.map((report, index) =>
        labelledMarker({
          index,
          lat: report.lat,
          lng: report.lng,
          title: report.categoryName,
          label: `${report.categoryName} · ${reportStatusLabel(report.status)}`,
          iconPath: MARKER_ICON,
          size: MARKER_SIZE,
          color: report.overdue ? '#d9381e' : undefined,
        }),
      ),
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
