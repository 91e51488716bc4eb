import { Map } from '@tarojs/components';
import type { StationSummary } from '@yizhan/contracts';
import { useMemo } from 'react';
import type { GeoPoint } from '../../utils/geo';
import { labelledMarker } from '../../utils/map-marker';
import './index.scss';

/** The red tab icon doubles as the marker: no extra image in the main package. */
const MARKER_ICON = '/assets/tabbar/stations-active.png';
const MARKER_SIZE = 32;

interface StationMapProps {
  stations: readonly StationSummary[];
  /** The user's position (GCJ-02), when located: the map shows it and fits it in. */
  location: GeoPoint | null;
  onOpen: (station: StationSummary) => void;
}

/**
 * weapp only: WeChat's native map (GCJ-02, as the API's coordinates) with a marker per listed
 * station; tapping a marker or its name opens the station. Taro's H5 build has no map component,
 * so the H5 stations tab stays a list.
 */
export function StationMap({ stations, location, onOpen }: StationMapProps) {
  const markers = useMemo(
    () =>
      stations.map((station, index) =>
        labelledMarker({
          index,
          lat: station.lat,
          lng: station.lng,
          title: station.name,
          label: station.name,
          iconPath: MARKER_ICON,
          size: MARKER_SIZE,
        }),
      ),
    [stations],
  );
  const points = useMemo(
    () => [
      ...stations.map((station) => ({ latitude: station.lat, longitude: station.lng })),
      ...(location ? [{ latitude: location.lat, longitude: location.lng }] : []),
    ],
    [stations, location],
  );
  const center = location ?? (stations[0] ? { lat: stations[0].lat, lng: stations[0].lng } : null);
  if (!center) return null;

  const open = (markerId: number | string) => {
    const station = stations[Number(markerId)];
    if (station) onOpen(station);
  };

  return (
    <Map
      className="station-map"
      latitude={center.lat}
      longitude={center.lng}
      scale={14}
      markers={markers}
      includePoints={points}
      showLocation={location !== null}
      onMarkerTap={(event) => open(event.detail.markerId)}
      onCalloutTap={(event) => open(event.detail.markerId)}
      // A map that fails to draw leaves the list below it, which shows the same stations.
      onError={() => undefined}
    />
  );
}
