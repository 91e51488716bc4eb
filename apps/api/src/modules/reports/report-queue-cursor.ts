import { decodeCursor, encodeCursor, invalidCursor } from '../../common/pagination/cursor';

/** Where a handler's queue page ended: the phase (0 overdue, 1 the rest) and the last row. */
export interface QueuePosition {
  phase: 0 | 1;
  at: Date;
  id: string;
  /** The instant the first page was read: overdue-ness is judged against it on every page. */
  now: Date;
}

export function encodeQueueCursor(position: QueuePosition): string {
  return encodeCursor([
    String(position.phase),
    position.at.toISOString(),
    position.id,
    position.now.toISOString(),
  ]);
}

export function decodeQueueCursor(text: string): QueuePosition {
  const [phase, at, id, now] = decodeCursor(text, 4);
  const instant = new Date(at);
  const reference = new Date(now);
  if (
    (phase !== '0' && phase !== '1') ||
    Number.isNaN(instant.getTime()) ||
    Number.isNaN(reference.getTime())
  ) {
    throw invalidCursor();
  }
  return { phase: phase === '0' ? 0 : 1, at: instant, id, now: reference };
}
