import { RegionNode } from '@yizhan/contracts';
import { RegionEntity } from './region.entity';

/**
 * Nests flat regions into trees. Roots are the regions without a parent (cities); a region
 * whose parent is missing from the list is treated as a root rather than dropped. Siblings
 * are ordered by code, so the tree reads in GB/T 2260 order.
 */
export function buildRegionTree(regions: readonly RegionEntity[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const region of regions) {
    nodes.set(region.id, {
      id: region.id,
      code: region.code,
      name: region.name,
      level: region.level,
      parentId: region.parentId,
      timeZone: region.timeZone,
      children: [],
    });
  }
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sortByCode = (list: RegionNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    list.forEach((node) => sortByCode(node.children));
  };
  sortByCode(roots);
  return roots;
}
