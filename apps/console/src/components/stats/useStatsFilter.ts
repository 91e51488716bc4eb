import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRegions } from '../../hooks/useRegions';
import {
  DEFAULT_TIME_ZONE,
  filterFromSearch,
  searchFromFilter,
  todayIn,
  type StatsFilter,
} from './stats-range';

/**
 * A statistics page's filter, kept in the page address: the last twelve months of the admin's
 * whole subtree until the admin picks another range or region, and the same view again after a
 * reload or from a shared link. "Today" is the admin region's (Asia/Shanghai unless it says).
 */
export function useStatsFilter() {
  const { root } = useRegions();
  const today = todayIn(root?.timeZone ?? DEFAULT_TIME_ZONE);
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search, today), [search, today]);
  const setFilter = useCallback(
    // Replaced, not pushed: Back leaves the page rather than stepping through every filter tried.
    (next: StatsFilter) => setSearch(searchFromFilter(next, today), { replace: true }),
    [setSearch, today],
  );
  return { filter, setFilter, today };
}
