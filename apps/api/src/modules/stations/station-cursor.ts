/**
 * Keyset cursors of `GET /stations`: opaque to clients (base64url JSON), strict when read.
 * A distance cursor is the last position in (distanceM, id) order, a name cursor the last
 * position in (name, id) order.
 */
export type StationCursor =
  { kind: 'distance'; distanceM: number; id: string } | { kind: 'name'; name: string; id: string };

interface EncodedCursor {
  k: 'd' | 'n';
  d?: number;
  n?: string;
  i: string;
}

export function encodeStationCursor(cursor: StationCursor): string {
  const encoded: EncodedCursor =
    cursor.kind === 'distance'
      ? { k: 'd', d: cursor.distanceM, i: cursor.id }
      : { k: 'n', n: cursor.name, i: cursor.id };
  return Buffer.from(JSON.stringify(encoded), 'utf8').toString('base64url');
}

/** The cursor, or null when the text is not one this API issued. */
export function decodeStationCursor(text: string): StationCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { k, d, n, i } = value as Partial<Record<keyof EncodedCursor, unknown>>;
  if (typeof i !== 'string' || i.length === 0 || i.length > 64) return null;
  if (k === 'd' && typeof d === 'number' && Number.isInteger(d) && d >= 0) {
    return { kind: 'distance', distanceM: d, id: i };
  }
  if (k === 'n' && typeof n === 'string' && n.length <= 200) {
    return { kind: 'name', name: n, id: i };
  }
  return null;
}
