import { ConsentKind, type RewardSummary } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { consentState } from '../services/consent';
import { locate } from '../services/location';
import { listRewards } from '../services/rewards';
import { rememberPosition } from '../stores/location';
import type { GeoPoint } from '../utils/geo';
import { usePagedList, type PagedListState } from './usePagedList';

export interface RewardFilters {
  /** Within the API's default radius (5 km) of the user, nearest first. */
  nearby: boolean;
  /** Only what the spendable balance covers. */
  affordable: boolean;
}

/**
 * 'off': 附近 is not asked for; 'not-allowed': it is, but the user has not agreed to location
 * use; 'unavailable': agreed, but no position came. Without a position the list is the
 * cheapest first, and the page says why.
 */
export type RewardsLocationState = 'off' | 'locating' | 'located' | 'unavailable' | 'not-allowed';

interface RewardsQuery {
  affordable: boolean;
  position: GeoPoint | null;
}

export interface RewardsState {
  list: PagedListState<RewardSummary, RewardsQuery>;
  filters: RewardFilters;
  locationState: RewardsLocationState;
}

export interface RewardsActions {
  /** Locates again when 附近 is on (the user moves) and reloads the first page. */
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  setFilters: (filters: RewardFilters) => Promise<void>;
}

const PAGE_SIZE = 20;

const fetchRewards = (query: RewardsQuery, cursor: string | undefined) =>
  listRewards({
    ...(query.position ? { lat: query.position.lat, lng: query.position.lng } : {}),
    affordable: query.affordable,
    limit: PAGE_SIZE,
    cursor,
  });

/** A refresh that only moved the position keeps the list on screen while it loads. */
const sameRewardsList = (shown: RewardsQuery, next: RewardsQuery) =>
  shown.affordable === next.affordable && (shown.position === null) === (next.position === null);

/** 附近 starts on for a user who already agreed to location use (on the stations tab). */
function initialFilters(): RewardFilters {
  return { nearby: consentState(ConsentKind.Location) === 'granted', affordable: false };
}

/** The rewards list: filters, the position 附近 needs (only with consent), and the pages. */
export function useRewards(): [RewardsState, RewardsActions] {
  const [filters, setFilterState] = useState<RewardFilters>(initialFilters);
  const [locationState, setLocationState] = useState<RewardsLocationState>(() =>
    filters.nearby ? 'locating' : 'off',
  );
  const filtersRef = useRef(filters);
  const [list, listActions] = usePagedList<RewardSummary, RewardsQuery>(
    fetchRewards,
    { affordable: false, position: null },
    { sameList: sameRewardsList },
  );
  const { reload: reloadList, loadMore } = listActions;
  const generation = useRef(0);

  const load = useCallback(
    async (next: RewardFilters): Promise<void> => {
      const ticket = ++generation.current;
      filtersRef.current = next;
      setFilterState(next);
      let position: GeoPoint | null = null;
      if (next.nearby) {
        // No position is ever asked for without the user's agreement (the page asks first).
        if (consentState(ConsentKind.Location) !== 'granted') {
          setLocationState('not-allowed');
        } else {
          setLocationState('locating');
          position = await locate().catch(() => null);
          if (ticket !== generation.current) return;
          rememberPosition(position);
          setLocationState(position ? 'located' : 'unavailable');
        }
      } else {
        setLocationState('off');
      }
      await reloadList({ affordable: next.affordable, position });
    },
    [reloadList],
  );

  const reload = useCallback(() => load(filtersRef.current), [load]);

  return [
    { list, filters, locationState },
    { reload, loadMore, setFilters: load },
  ];
}
