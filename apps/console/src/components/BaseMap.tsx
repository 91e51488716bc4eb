import 'leaflet/dist/leaflet.css';
import type { LatLngExpression } from 'leaflet';
import type { CSSProperties, ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';

// Street tiles: MAP_TILE_URL at build time (see vite.config.ts), GCJ-02 like the API's data.
const { url: TILE_URL, attribution: TILE_ATTRIBUTION } = __MAP_TILES__;

interface BaseMapProps {
  center: LatLngExpression;
  zoom?: number;
  style?: CSSProperties;
  className?: string;
  children?: ReactNode;
}

/** A Leaflet map with the configured street tiles; layers go in as children. */
export function BaseMap({ center, zoom = 13, style, className, children }: BaseMapProps) {
  return (
    <MapContainer
      center={center}
      zoom={zoom}
      className={className}
      style={{ height: 480, width: '100%', ...style }}
      scrollWheelZoom
    >
      <TileLayer url={TILE_URL} subdomains={['1', '2', '3', '4']} attribution={TILE_ATTRIBUTION} />
      {children}
    </MapContainer>
  );
}
