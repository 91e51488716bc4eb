import { Injectable } from '@nestjs/common';
import { REPORT_SERVICE_RADIUS_M } from '@yizhan/contracts';
import { RegionEntity } from '../regions/region.entity';
import { boundingBox, haversineMeters, LatLng } from '../stations/geo';
import { StationsRepository } from '../stations/stations.repository';

/** Stations looked at around a point; far more than any real neighbourhood holds. */
const MAX_CANDIDATES = 2_000;

/**
 * Which region a place belongs to. Regions carry no boundaries yet, so a place belongs to the
 * region of its nearest station within REPORT_SERVICE_RADIUS_M: stations sit in the street or
 * community that serves them, which is the handler who should see the report.
 */
@Injectable()
export class ServiceArea {
  constructor(private readonly stations: StationsRepository) {}

  /** The serving region, or null outside every station's reach. */
  async regionAt(point: LatLng): Promise<RegionEntity | null> {
    const candidates = await this.stations.findInBox(
      boundingBox(point, REPORT_SERVICE_RADIUS_M),
      { amenityMask: 0, regionPath: null, text: null, statusOpenOnly: false },
      MAX_CANDIDATES,
    );
    let best: { distance: number; region: RegionEntity } | null = null;
    for (const station of candidates) {
      const distance = haversineMeters(point, station);
      if (distance > REPORT_SERVICE_RADIUS_M || !station.region) continue;
      if (!best || distance < best.distance) best = { distance, region: station.region };
    }
    return best?.region ?? null;
  }
}
