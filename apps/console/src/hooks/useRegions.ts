import { useQuery } from '@tanstack/react-query';
import { Routes, type RegionNode } from '@yizhan/contracts';
import { useMemo } from 'react';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthProvider';

/** The admin's own region and everything under it, for region pickers and scope filters. */
export interface RegionScope {
  root: RegionNode | null;
  /** Every region of the subtree, parents before children. */
  list: RegionNode[];
  nameOf: (id: string | null | undefined) => string;
  loading: boolean;
  error: unknown;
}

function findNode(nodes: RegionNode[], id: string): RegionNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inside = findNode(node.children, id);
    if (inside) return inside;
  }
  return null;
}

function flatten(node: RegionNode): RegionNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

export function useRegions(): RegionScope {
  const { adminRegionId } = useAuth();
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => api.get<RegionNode[]>(Routes.regions, undefined, signal),
    staleTime: 10 * 60_000,
  });
  return useMemo(() => {
    const root = regions.data && adminRegionId ? findNode(regions.data, adminRegionId) : null;
    const list = root ? flatten(root) : [];
    const names = new Map(list.map((region) => [region.id, region.name]));
    return {
      root,
      list,
      nameOf: (id) => (id ? (names.get(id) ?? '') : ''),
      loading: regions.isPending,
      error: regions.error,
    };
  }, [regions.data, regions.isPending, regions.error, adminRegionId]);
}

/** One node of antd TreeSelect's `treeData`. */
export interface RegionTreeOption {
  value: string;
  title: string;
  children: RegionTreeOption[];
}

/** The tree of the admin's subtree in antd TreeSelect's shape. */
export function regionTreeData(root: RegionNode | null): RegionTreeOption[] {
  const toNode = (node: RegionNode): RegionTreeOption => ({
    value: node.id,
    title: node.name,
    children: node.children.map(toNode),
  });
  return root ? [toNode(root)] : [];
}
