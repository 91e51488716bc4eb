import { Injectable } from '@nestjs/common';
import { RegionNode } from '@yizhan/contracts';
import { isUuid } from '../../common/uuid';
import { buildRegionTree } from './region-tree';
import { RegionsRepository } from './regions.repository';

/** What other features need to know about one region. */
export interface RegionScope {
  id: string;
  path: string;
  timeZone: string;
}

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  async tree(): Promise<RegionNode[]> {
    return buildRegionTree(await this.regions.findAll());
  }

  /** The region with this id, or null when there is none (malformed ids included). */
  async findScope(id: string): Promise<RegionScope | null> {
    if (!isUuid(id)) return null;
    const region = await this.regions.findById(id.toLowerCase());
    return region ? { id: region.id, path: region.path, timeZone: region.timeZone } : null;
  }
}
