import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@yizhan/contracts';
import { useMemo } from 'react';
import { api } from '../api/client';

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * A list the API pages with `nextCursor`: the pages loaded so far as one array, and
 * `loadMore` for the next. The query's fields fit `QueryState`.
 */
export function useCursorList<T>(queryKey: QueryKey, path: string, query: Query = {}, limit = 20) {
  const pages = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { ...query, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => pages.data?.pages.flatMap((page) => page.items), [pages.data]);
  return {
    data: items,
    isPending: pages.isPending,
    error: pages.error,
    refetch: pages.refetch,
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    loadMoreError: pages.isFetchNextPageError ? pages.error : null,
    loadMore: () => void pages.fetchNextPage(),
  };
}
