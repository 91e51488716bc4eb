/** Page sizes of every list (API.md "Lists"): the default and the largest `?limit=`. */
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
