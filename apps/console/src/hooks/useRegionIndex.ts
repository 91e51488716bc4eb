import { useQuery } from '@tanstack/react-query';
import { Routes, type RegionNode } from '@yizhan/contracts';
import { useMemo } from 'react';
import { api } from '../api/client';

/**
 * The whole region tree by id (same query as useRegions), for what lies above the admin's
 * region: a category, department or earning rule inherited from the city is named by it.
 */
export interface RegionIndex {
  /** Any region's name; '' while loading or for an unknown id. */
  nameOf: (id: string | null | undefined) => string;
  /** The region and its ancestors, the region first. */
  lineageOf: (id: string) => string[];
}

export function useRegionIndex(): RegionIndex {
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => api.get<RegionNode[]>(Routes.regions, undefined, signal),
    staleTime: 10 * 60_000,
  });
  return useMemo(() => {
    const byId = new Map<string, RegionNode>();
    const visit = (node: RegionNode) => {
      byId.set(node.id, node);
      node.children.forEach(visit);
    };
    regions.data?.forEach(visit);
    return {
      nameOf: (id) => (id ? (byId.get(id)?.name ?? '') : ''),
      lineageOf: (id) => {
        const lineage: string[] = [];
        for (
          let node = byId.get(id);
          node;
          node = node.parentId ? byId.get(node.parentId) : undefined
        ) {
          lineage.push(node.id);
        }
        return lineage;
      },
    };
  }, [regions.data]);
}
