import { RegionEntity } from './region.entity';

/** Ids of a region and its ancestors, root first (from its materialised path). */
export function lineageOf(region: Pick<RegionEntity, 'path'>): string[] {
  return region.path.split('/').filter(Boolean);
}
