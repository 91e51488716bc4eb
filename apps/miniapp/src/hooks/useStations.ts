import Taro from '@tarojs/taro';
import { ConsentKind, type Amenity, type StationSummary } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../i18n';
import { toApiError, type ApiError } from '../services/api-error';
import { consentState } from '../services/consent';
import { locate } from '../services/location';
import { listStations, type ListStationsQuery } from '../services/stations';
import { rememberPosition } from '../stores/location';
import type { GeoPoint } from '../utils/geo';

export interface StationFilters {
  openNow: boolean;
  /** A station must offer all of them. */
  amenities: readonly Amenity[];
}

/** 'not-allowed': the user has not agreed to location use (refused, or not asked yet). */
export type LocationState = 'locating' | 'located' | 'unavailable' | 'not-allowed';

export interface StationsState {
  /** 'loading' only while nothing is shown yet; a refresh keeps the list on screen. */
  phase: 'loading' | 'ready' | 'error';
  items: StationSummary[];
  nextCursor: string | null;
  loadingMore: boolean;
  error: ApiError | null;
  location: GeoPoint | null;
  locationState: LocationState;
  filters: StationFilters;
}

const PAGE_SIZE = 20;

const INITIAL: StationsState = {
  phase: 'loading',
  items: [],
  nextCursor: null,
  loadingMore: false,
  error: null,
  location: null,
  locationState: 'locating',
  filters: { openNow: false, amenities: [] },
};

function queryOf(filters: StationFilters, location: GeoPoint | null): ListStationsQuery {
  return {
    ...(location ? { lat: location.lat, lng: location.lng } : {}),
    openNow: filters.openNow || undefined,
    amenities: filters.amenities.length > 0 ? filters.amenities : undefined,
    limit: PAGE_SIZE,
  };
}

function mergeById(current: StationSummary[], next: StationSummary[]): StationSummary[] {
  const seen = new Set(current.map((station) => station.id));
  return current.concat(next.filter((station) => !seen.has(station.id)));
}

export interface StationsActions {
  /** Locates again (unless `relocate` is false) and reloads the first page. */
  reload: (options?: { relocate?: boolean }) => Promise<void>;
  loadMore: () => Promise<void>;
  setFilters: (filters: StationFilters) => void;
}

/** The stations tab: location, first page, next pages, filters; stale answers are dropped. */
export function useStations(): [StationsState, StationsActions] {
  const [state, setState] = useState<StationsState>(INITIAL);
  // Refs mirror what async callbacks need, so a late answer never reads stale state.
  const stateRef = useRef(state);
  stateRef.current = state;
  const generation = useRef(0);

  const update = useCallback((patch: (previous: StationsState) => StationsState) => {
    setState((previous) => {
      const next = patch(previous);
      stateRef.current = next;
      return next;
    });
  }, []);

  const loadFirstPage = useCallback(
    async (filters: StationFilters, relocate: boolean): Promise<void> => {
      const ticket = ++generation.current;
      const showingList = stateRef.current.phase === 'ready' && stateRef.current.items.length > 0;
      update((previous) => ({
        ...previous,
        filters,
        phase: showingList ? 'ready' : 'loading',
        error: null,
        locationState: relocate ? 'locating' : previous.locationState,
      }));

      let location = stateRef.current.location;
      if (relocate) {
        // No position is ever asked for without the user's agreement (the tab asks first).
        const allowed = consentState(ConsentKind.Location) === 'granted';
        location = null;
        if (allowed) {
          try {
            location = await locate();
          } catch {
            location = null;
          }
        }
        if (ticket !== generation.current) return;
        rememberPosition(location);
        const locationState: LocationState = !allowed
          ? 'not-allowed'
          : location
            ? 'located'
            : 'unavailable';
        update((previous) => ({ ...previous, location, locationState }));
      }

      try {
        const page = await listStations(queryOf(filters, location));
        if (ticket !== generation.current) return;
        update((previous) => ({
          ...previous,
          phase: 'ready',
          items: page.items,
          nextCursor: page.nextCursor,
          loadingMore: false,
          error: null,
        }));
      } catch (caught) {
        if (ticket !== generation.current) return;
        const error = toApiError(caught);
        if (showingList) {
          // Keep what the user sees; say briefly that the refresh failed.
          void Taro.showToast({ title: errorMessage(error.code), icon: 'none' });
          update((previous) => ({ ...previous, phase: 'ready' }));
        } else {
          update((previous) => ({ ...previous, phase: 'error', items: [], error }));
        }
      }
    },
    [update],
  );

  const reload = useCallback(
    (options?: { relocate?: boolean }) =>
      loadFirstPage(stateRef.current.filters, options?.relocate ?? true),
    [loadFirstPage],
  );

  const setFilters = useCallback(
    (filters: StationFilters) => {
      void loadFirstPage(filters, false);
    },
    [loadFirstPage],
  );

  const loadMore = useCallback(async (): Promise<void> => {
    const current = stateRef.current;
    if (current.phase !== 'ready' || current.loadingMore || !current.nextCursor) return;
    const ticket = generation.current;
    update((previous) => ({ ...previous, loadingMore: true }));
    try {
      const page = await listStations({
        ...queryOf(current.filters, current.location),
        cursor: current.nextCursor,
      });
      if (ticket !== generation.current) return;
      update((previous) => ({
        ...previous,
        items: mergeById(previous.items, page.items),
        nextCursor: page.nextCursor,
        loadingMore: false,
      }));
    } catch (caught) {
      if (ticket !== generation.current) return;
      void Taro.showToast({ title: errorMessage(toApiError(caught).code), icon: 'none' });
      update((previous) => ({ ...previous, loadingMore: false }));
    }
  }, [update]);

  return [state, { reload, loadMore, setFilters }];
}
