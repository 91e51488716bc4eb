import { useQuery } from '@tanstack/react-query';
import { Routes, type Amenity, type MerchantSummary, type StationSummary } from '@yizhan/contracts';
import { fetchAllPages } from '../api/all-pages';
import { useAuth } from '../auth/AuthProvider';

/**
 * Stations of a region subtree (the admin's whole region unless another is given), by name,
 * every status: `GET /stations` without lat/lng hides no station, paused or closed.
 */
export function useRegionStations(
  filters: { regionId?: string | null; q?: string; amenities?: Amenity[] } = {},
) {
  const { adminRegionId } = useAuth();
  const regionId = filters.regionId ?? adminRegionId;
  return useQuery({
    queryKey: ['stations', regionId, filters.q?.trim() ?? '', filters.amenities ?? []],
    queryFn: ({ signal }) =>
      fetchAllPages<StationSummary>(
        Routes.stations,
        {
          regionId,
          q: filters.q?.trim() || undefined,
          amenities: filters.amenities?.length ? filters.amenities.join(',') : undefined,
        },
        signal,
      ),
    enabled: regionId !== null,
  });
}

/** The partner merchants of the admin's region, by name. */
export function useRegionMerchants() {
  const { adminRegionId } = useAuth();
  return useQuery({
    queryKey: ['merchants', adminRegionId],
    queryFn: ({ signal }) =>
      fetchAllPages<MerchantSummary>(Routes.merchants, { regionId: adminRegionId }, signal),
    enabled: adminRegionId !== null,
  });
}
