import type { Page } from '@yizhan/contracts';
import { MAX_PAGE_LIMIT } from '@yizhan/contracts';
import { api } from './client';

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * Every item of a cursor-paged list, page after page: a district's stations, merchants or
 * rewards are a few hundred at most, so the console loads them whole and sorts and filters
 * them in the table. Stops after `maxPages` (and says so) rather than looping without end.
 */
export async function fetchAllPages<T>(
  path: string,
  query: Query = {},
  signal?: AbortSignal,
  maxPages = 50,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const answer: Page<T> = await api.get<Page<T>>(
      path,
      { ...query, limit: MAX_PAGE_LIMIT, cursor },
      signal,
    );
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) return { items, truncated: false };
  }
  return { items, truncated: true };
}
