import { useQuery } from '@tanstack/react-query';
import { Routes, type DepartmentView } from '@yizhan/contracts';
import { api } from '../api/client';

/** `GET /departments?regionId=`: the region's own, its ancestors' and those inside it. */
export function useDepartments(regionId: string | null | undefined) {
  return useQuery({
    queryKey: ['departments', regionId],
    queryFn: ({ signal }) =>
      api.get<DepartmentView[]>(Routes.departments, { regionId: regionId ?? undefined }, signal),
    enabled: !!regionId,
  });
}
