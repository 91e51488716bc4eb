import { Routes, type RegionNode } from '@yizhan/contracts';
import { request } from './request';

/** `GET /regions`: the whole tree, city → district → street → community. */
export function listRegions(): Promise<RegionNode[]> {
  return request<RegionNode[]>(Routes.regions);
}

/** Depth-first search of the tree for one region. */
export function findRegion(tree: readonly RegionNode[], id: string): RegionNode | null {
  for (const node of tree) {
    if (node.id === id) return node;
    const found = findRegion(node.children, id);
    if (found) return found;
  }
  return null;
}
