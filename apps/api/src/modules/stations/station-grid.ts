import { OpeningHours, StationStatus } from '@yizhan/contracts';
import { BoundingBox } from './geo';

/** What ranking a station in a nearby search needs, kept in memory for every station. */
export interface RankingFields {
  id: string;
  lat: number;
  lng: number;
  amenityMask: number;
  status: StationStatus;
  regionId: string;
  /** Materialised path of the station's region (subtree filter). */
  regionPath: string;
  /** The region's time zone, the clock its opening hours are read on. */
  timeZone: string;
  openingHours: OpeningHours;
  /** `updated_at` as the database prints it: the version of these fields. */
  version: string;
}

/**
 * ~550 m of latitude (~500 m of longitude in southern China): a first search box of 2 × 400 m
 * reads a few cells of a dozen stations each in a dense city.
 */
const CELL_DEGREES = 0.005;
const LAT_CELLS = Math.ceil(180 / CELL_DEGREES) + 1;

function cellOf(degrees: number): number {
  return Math.floor(degrees / CELL_DEGREES);
}

/** One number per cell: rows of longitude cells, offset so both parts are non-negative. */
function cellKey(latCell: number, lngCell: number): number {
  return (lngCell + 2 * LAT_CELLS) * 2 * LAT_CELLS + (latCell + LAT_CELLS);
}

/**
 * Stations in a uniform grid of ~1 km cells, so a nearby search reads only the cells its box
 * covers. An upsert moves a station out of its old cell; a removal drops it from both maps.
 */
export class StationGrid {
  private readonly byId = new Map<string, RankingFields>();
  private readonly cells = new Map<number, RankingFields[]>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): RankingFields | undefined {
    return this.byId.get(id);
  }

  upsert(station: RankingFields): void {
    this.remove(station.id);
    this.byId.set(station.id, station);
    const key = cellKey(cellOf(station.lat), cellOf(station.lng));
    const cell = this.cells.get(key);
    if (cell) cell.push(station);
    else this.cells.set(key, [station]);
  }

  remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    const key = cellKey(cellOf(old.lat), cellOf(old.lng));
    const cell = this.cells.get(key) ?? [];
    const left = cell.filter((station) => station.id !== id);
    if (left.length > 0) this.cells.set(key, left);
    else this.cells.delete(key);
  }

  /** Calls `visit` for every station inside the box (edges included), in no order. */
  forEachInBox(box: BoundingBox, visit: (station: RankingFields) => void): void {
    const minLat = cellOf(box.minLat);
    const maxLat = cellOf(box.maxLat);
    const minLng = cellOf(box.minLng);
    const maxLng = cellOf(box.maxLng);
    const inBox = (station: RankingFields) => {
      if (
        station.lat >= box.minLat &&
        station.lat <= box.maxLat &&
        station.lng >= box.minLng &&
        station.lng <= box.maxLng
      ) {
        visit(station);
      }
    };
    // A box spanning more cells than hold stations (near a pole) reads the occupied cells.
    if ((maxLat - minLat + 1) * (maxLng - minLng + 1) > this.cells.size) {
      for (const cell of this.cells.values()) cell.forEach(inBox);
      return;
    }
    for (let lngCell = minLng; lngCell <= maxLng; lngCell++) {
      for (let latCell = minLat; latCell <= maxLat; latCell++) {
        this.cells.get(cellKey(latCell, lngCell))?.forEach(inBox);
      }
    }
  }
}
