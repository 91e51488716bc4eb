import { useQuery } from '@tanstack/react-query';
import {
  Routes,
  type MerchantSummary,
  type Page,
  type StationSummary,
  MAX_PAGE_LIMIT,
} from '@yizhan/contracts';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';

/**
 * The stations and merchants of the admin's region by name, for the station and merchant
 * pickers and for naming an account's scope: the first page (up to 100) of each, as a district
 * has tens of them.
 */
export function useStationOptions() {
  const { adminRegionId } = useAuth();
  return useQuery({
    queryKey: ['stations', 'options', adminRegionId],
    queryFn: ({ signal }) =>
      api.get<Page<StationSummary>>(
        Routes.stations,
        { regionId: adminRegionId, limit: MAX_PAGE_LIMIT },
        signal,
      ),
    enabled: !!adminRegionId,
    staleTime: 60_000,
  });
}

export function useMerchantOptions() {
  const { adminRegionId } = useAuth();
  return useQuery({
    queryKey: ['merchants', 'options', adminRegionId],
    queryFn: ({ signal }) =>
      api.get<Page<MerchantSummary>>(
        Routes.merchants,
        { regionId: adminRegionId, limit: MAX_PAGE_LIMIT },
        signal,
      ),
    enabled: !!adminRegionId,
    staleTime: 60_000,
  });
}
