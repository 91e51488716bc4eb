import { Flex, InputNumber, Space, Typography } from 'antd';
import L, { type LatLngBoundsExpression, type LatLngExpression } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { Circle, CircleMarker, Marker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { defineMessages } from '../i18n/messages';
import { BaseMap } from './BaseMap';

const t = defineMessages({
  'zh-CN': {
    lat: '纬度',
    lng: '经度',
    hint: '在地图上点击或拖动标记选择位置（GCJ-02 坐标，与高德地图一致），也可直接输入经纬度。',
    reference: '已有地点',
  },
  'en-US': {
    lat: 'Latitude',
    lng: 'Longitude',
    hint: 'Click the map or drag the marker (GCJ-02, as AMap), or type the coordinates.',
    reference: 'Existing places',
  },
});

/** GCJ-02 degrees, as the API stores them. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** What the picker holds while being edited: either coordinate may still be empty. */
export interface LocationValue {
  lat?: number | null;
  lng?: number | null;
}

export interface ReferencePlace extends LatLng {
  id: string;
  name: string;
}

interface LocationPickerProps {
  /** Form-control protocol: antd's Form.Item passes value and onChange. */
  value?: LocationValue | null;
  onChange?: (value: LocationValue) => void;
  /** Places shown as grey dots for orientation (the region's stations, say). */
  references?: ReferencePlace[];
  /** A circle around the picked point, in metres (a station's check-in geofence). */
  radiusM?: number | null;
  /** Where to look when there is no value and no reference. */
  fallbackCenter?: LatLng;
  height?: number;
  disabled?: boolean;
}

/** Somewhere in central China, seen from far: the map still opens without any place. */
const CHINA_CENTER: LatLng = { lat: 30.5, lng: 112.9 };

/** Stored precision: 6 decimals, about 0.1 m. */
const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

export function isCompleteLocation(value: LocationValue | null | undefined): value is LatLng {
  return (
    typeof value?.lat === 'number' &&
    typeof value?.lng === 'number' &&
    Number.isFinite(value.lat) &&
    Number.isFinite(value.lng)
  );
}

/** A pin drawn in CSS, so no marker image has to be bundled (Leaflet's default needs one). */
const PIN_ICON = L.divIcon({
  className: 'location-picker__pin',
  html:
    '<svg width="28" height="40" viewBox="0 0 28 40" aria-hidden="true">' +
    '<path d="M14 0C6.3 0 0 6.2 0 13.9 0 24.3 14 40 14 40s14-15.7 14-26.1C28 6.2 21.7 0 14 0z" fill="#D9381E"/>' +
    '<circle cx="14" cy="14" r="5.5" fill="#fff"/></svg>',
  iconSize: [28, 40],
  iconAnchor: [14, 40],
});

/** Clicks on the map move the point there. */
function ClickToPlace({
  onPick,
  disabled,
}: {
  onPick: (point: LatLng) => void;
  disabled?: boolean;
}) {
  useMapEvents({
    click: (event) => {
      if (!disabled) onPick({ lat: event.latlng.lat, lng: event.latlng.lng });
    },
  });
  return null;
}

/**
 * Keeps the map right in its container: a drawer or modal opens with an animation, and
 * Leaflet measures its size once; it measures again whenever the container changes size.
 */
function KeepSized() {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer?.observe(container);
    const timer = setTimeout(() => map.invalidateSize({ pan: false }), 350);
    return () => {
      observer?.disconnect();
      clearTimeout(timer);
    };
  }, [map]);
  return null;
}

/** Brings a point typed into the inputs into view (a click or drag is in view already). */
function FollowValue({ point }: { point: LatLng | null }) {
  const map = useMap();
  useEffect(() => {
    if (!point) return;
    if (!map.getBounds().contains([point.lat, point.lng])) {
      map.setView([point.lat, point.lng], Math.max(map.getZoom(), 15));
    }
  }, [map, point]);
  return null;
}

/** First view: the value, else the references' extent, else the fallback. */
function initialView(
  value: LatLng | null,
  references: ReferencePlace[],
  fallback: LatLng | undefined,
): { center: LatLngExpression; zoom: number; bounds?: LatLngBoundsExpression } {
  if (value) return { center: [value.lat, value.lng], zoom: 16 };
  if (references.length > 0) {
    const lats = references.map((place) => place.lat);
    const lngs = references.map((place) => place.lng);
    const south = Math.min(...lats);
    const north = Math.max(...lats);
    const west = Math.min(...lngs);
    const east = Math.max(...lngs);
    return {
      center: [(south + north) / 2, (west + east) / 2],
      zoom: 14,
      bounds: [
        [south, west],
        [north, east],
      ],
    };
  }
  if (fallback) return { center: [fallback.lat, fallback.lng], zoom: 14 };
  return { center: [CHINA_CENTER.lat, CHINA_CENTER.lng], zoom: 5 };
}

function FitBounds({ bounds }: { bounds?: LatLngBoundsExpression }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !bounds) return;
    done.current = true;
    map.fitBounds(bounds, { padding: [32, 32], maxZoom: 16 });
  }, [map, bounds]);
  return null;
}

/**
 * A location field: a map to click or drag a marker on, and latitude/longitude inputs kept in
 * step with it. Coordinates are GCJ-02 (the tiles and the API use them). Without map tiles
 * (offline), the map is blank but the marker and the inputs still work.
 */
export function LocationPicker({
  value,
  onChange,
  references = [],
  radiusM,
  fallbackCenter,
  height = 320,
  disabled,
}: LocationPickerProps) {
  const point = isCompleteLocation(value) ? { lat: value.lat, lng: value.lng } : null;
  // The first view is fixed when the map mounts; later changes pan only (FollowValue).
  const firstView = useRef<ReturnType<typeof initialView> | null>(null);
  firstView.current ??= initialView(point, references, fallbackCenter);
  const view = firstView.current;
  const pick = (next: LatLng) => onChange?.({ lat: round6(next.lat), lng: round6(next.lng) });
  const followed = useMemo(
    () => point,
    // Re-run only when the coordinates change, not on every render's new object.
    [point?.lat, point?.lng],
  );

  return (
    <div className="location-picker">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 8 }}>
        <Space.Compact>
          <Space.Addon>{t('lat')}</Space.Addon>
          <InputNumber<number>
            aria-label={t('lat')}
            value={value?.lat ?? null}
            min={-90}
            max={90}
            step={0.0001}
            precision={6}
            disabled={disabled}
            style={{ width: 160 }}
            onChange={(lat) => onChange?.({ lat, lng: value?.lng ?? null })}
          />
        </Space.Compact>
        <Space.Compact>
          <Space.Addon>{t('lng')}</Space.Addon>
          <InputNumber<number>
            aria-label={t('lng')}
            value={value?.lng ?? null}
            min={-180}
            max={180}
            step={0.0001}
            precision={6}
            disabled={disabled}
            style={{ width: 160 }}
            onChange={(lng) => onChange?.({ lat: value?.lat ?? null, lng })}
          />
        </Space.Compact>
      </Flex>
      <BaseMap center={view.center} zoom={view.zoom} style={{ height }}>
        <KeepSized />
        <FitBounds bounds={view.bounds} />
        <FollowValue point={followed} />
        <ClickToPlace onPick={pick} disabled={disabled} />
        {references.map((place) => (
          <CircleMarker
            key={place.id}
            center={[place.lat, place.lng]}
            radius={6}
            pathOptions={{ color: '#595959', weight: 1, fillColor: '#8c8c8c', fillOpacity: 0.7 }}
          >
            <Tooltip>{place.name}</Tooltip>
          </CircleMarker>
        ))}
        {point && radiusM ? (
          <Circle
            center={[point.lat, point.lng]}
            radius={radiusM}
            pathOptions={{ color: '#D9381E', weight: 1, fillOpacity: 0.08 }}
          />
        ) : null}
        {point ? (
          <Marker
            position={[point.lat, point.lng]}
            icon={PIN_ICON}
            draggable={!disabled}
            eventHandlers={{
              dragend: (event) => {
                const moved = (event.target as L.Marker).getLatLng();
                pick({ lat: moved.lat, lng: moved.lng });
              },
            }}
          />
        ) : null}
      </BaseMap>
    </div>
  );
}
