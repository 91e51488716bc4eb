import Taro from '@tarojs/taro';
import type { Page } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../i18n';
import { toApiError, type ApiError } from '../services/api-error';

export interface PagedListState<Item, Query> {
  /** 'loading' only while nothing is shown yet; a refresh keeps the list on screen. */
  phase: 'loading' | 'ready' | 'error';
  items: Item[];
  nextCursor: string | null;
  loadingMore: boolean;
  error: ApiError | null;
  /** The filters the items were (or are being) fetched with. */
  query: Query;
}

export interface PagedListActions<Item, Query> {
  /**
   * Reloads the first page. With a different query (a filter changed) the old items are not
   * theirs, so the list shows its loading state; with the same one it stays on screen.
   */
  reload: (query?: Query) => Promise<void>;
  loadMore: () => Promise<void>;
  /** Puts a changed item in place (after a cancel), without refetching the list. */
  replaceItem: (item: Item) => void;
  /** Forgets the items and drops answers under way (sign-out: the next user must not see them). */
  reset: () => void;
}

export type PageFetcher<Item, Query> = (
  query: Query,
  cursor: string | undefined,
) => Promise<Page<Item>>;

function mergeById<Item extends { id: string }>(current: Item[], next: Item[]): Item[] {
  const seen = new Set(current.map((item) => item.id));
  return current.concat(next.filter((item) => !seen.has(item.id)));
}

function initialState<Item, Query>(query: Query): PagedListState<Item, Query> {
  return { phase: 'loading', items: [], nextCursor: null, loadingMore: false, error: null, query };
}

const sameQuery = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * A cursor-paged list (API.md "Lists") with the stations tab's behaviour: first page, next
 * pages on reaching the bottom, answers to an older reload dropped, and a failed refresh or next
 * page said in a toast while the list stays. Nothing loads until the page calls `reload`
 * (usually from `useDidShow`, which also runs on the first show).
 */
export function usePagedList<Item extends { id: string }, Query>(
  fetchPage: PageFetcher<Item, Query>,
  initialQuery: Query,
  options: {
    /**
     * Whether the items of one query may stand in for another's while it loads. By default only
     * for an equal query; the rewards list keeps its items when only the position moved.
     */
    sameList?: (shown: Query, next: Query) => boolean;
  } = {},
): [PagedListState<Item, Query>, PagedListActions<Item, Query>] {
  const [state, setState] = useState<PagedListState<Item, Query>>(() => initialState(initialQuery));
  // Refs mirror what async callbacks need, so a late answer never reads stale state.
  const stateRef = useRef(state);
  stateRef.current = state;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const sameListRef = useRef(options.sameList ?? sameQuery);
  sameListRef.current = options.sameList ?? sameQuery;
  const generation = useRef(0);

  const update = useCallback(
    (patch: (previous: PagedListState<Item, Query>) => PagedListState<Item, Query>) => {
      setState((previous) => {
        const next = patch(previous);
        stateRef.current = next;
        return next;
      });
    },
    [],
  );

  const reload = useCallback(
    async (nextQuery?: Query): Promise<void> => {
      const ticket = ++generation.current;
      const current = stateRef.current;
      const query = nextQuery ?? current.query;
      const keepShowing =
        current.phase === 'ready' &&
        current.items.length > 0 &&
        sameListRef.current(current.query, query);
      update((previous) => ({
        ...previous,
        query,
        phase: keepShowing ? 'ready' : 'loading',
        items: keepShowing ? previous.items : [],
        nextCursor: keepShowing ? previous.nextCursor : null,
        loadingMore: false,
        error: null,
      }));
      try {
        const page = await fetchRef.current(query, undefined);
        if (ticket !== generation.current) return;
        update((previous) => ({
          ...previous,
          phase: 'ready',
          items: page.items,
          nextCursor: page.nextCursor,
          error: null,
        }));
      } catch (caught) {
        if (ticket !== generation.current) return;
        const error = toApiError(caught);
        if (keepShowing) {
          void Taro.showToast({ title: errorMessage(error.code), icon: 'none' });
          update((previous) => ({ ...previous, phase: 'ready' }));
        } else {
          update((previous) => ({ ...previous, phase: 'error', items: [], error }));
        }
      }
    },
    [update],
  );

  const loadMore = useCallback(async (): Promise<void> => {
    const current = stateRef.current;
    if (current.phase !== 'ready' || current.loadingMore || !current.nextCursor) return;
    const ticket = generation.current;
    update((previous) => ({ ...previous, loadingMore: true }));
    try {
      const page = await fetchRef.current(current.query, current.nextCursor);
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

  const replaceItem = useCallback(
    (item: Item) => {
      update((previous) => ({
        ...previous,
        items: previous.items.map((existing) => (existing.id === item.id ? item : existing)),
      }));
    },
    [update],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    update((previous) => initialState(previous.query));
  }, [update]);

  return [state, { reload, loadMore, replaceItem, reset }];
}
