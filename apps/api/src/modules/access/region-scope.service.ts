import { Injectable } from '@nestjs/common';
import { RegionsRepository } from '../regions/regions.repository';

const CACHE_TTL_MS = 30_000;

/**
 * Ids of a region's subtree (itself included), which is what a staff role covers. The region
 * tree changes rarely and is small (a district has hundreds of nodes), so subtrees are cached
 * briefly per process instead of joining the tree into every scoped query.
 */
@Injectable()
export class RegionScopeService {
  private readonly cache = new Map<string, { ids: string[]; expiresAt: number }>();

  constructor(private readonly regions: RegionsRepository) {}

  async subtreeIds(regionId: string): Promise<string[]> {
    const cached = this.cache.get(regionId);
    if (cached && cached.expiresAt > Date.now()) return cached.ids;
    const ids = await this.regions.findSubtreeIds(regionId);
    this.cache.set(regionId, { ids, expiresAt: Date.now() + CACHE_TTL_MS });
    return ids;
  }

  /** Forget cached subtrees (after the region tree changes). */
  invalidate(): void {
    this.cache.clear();
  }
}
