import { Page } from '@yizhan/contracts';
import { ValidationFailedError } from '../errors/domain.error';

const MAX_PART_LENGTH = 200;

/** 400 for a cursor this list did not issue; `constraint` names the list's cursor kind. */
export function invalidCursor(constraint = 'isCursor'): ValidationFailedError {
  return ValidationFailedError.forField(
    'cursor',
    constraint,
    'cursor is not a cursor of this list (start again without it)',
  );
}

/** An opaque keyset cursor: the last row's sort key, as base64url JSON. */
export function encodeCursor(parts: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The sort key a cursor carries; 400 VALIDATION_FAILED for anything this API did not issue. */
export function decodeCursor(text: string, arity: number): string[] {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalidCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(value) ||
    value.length !== arity ||
    !value.every((part) => typeof part === 'string' && part.length <= MAX_PART_LENGTH)
  ) {
    throw invalidCursor();
  }
  return value as string[];
}

/** Position after the last row of a newest-first list ordered by (time DESC, id DESC). */
export interface TimePosition {
  at: Date;
  id: string;
}

export function decodeTimeCursor(text: string): TimePosition {
  const [at, id] = decodeCursor(text, 2);
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw invalidCursor();
  return { at: instant, id };
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says a next page exists.
 * `position` gives the sort key of a row for the next cursor.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  position: (row: Row) => ReadonlyArray<string | number>,
): Page<Item> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null,
  };
}

/**
 * Every item of a cursor-paged list, page after page, up to `maxItems` (a data export wants the
 * whole history, which stays modest per person; the cap keeps a pathological one bounded).
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxItems = 10_000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < maxItems);
  return items.slice(0, maxItems);
}
