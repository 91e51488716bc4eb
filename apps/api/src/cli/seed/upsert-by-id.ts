import { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Values equal for seeding purposes: JSON columns and DECIMAL strings compare by content. */
function sameValue(stored: unknown, wanted: unknown): boolean {
  if (typeof wanted === 'number' && stored !== null) return Number(stored) === wanted;
  return JSON.stringify(stored ?? null) === JSON.stringify(wanted ?? null);
}

/**
 * Inserts rows whose id is new and updates only the fields that differ, so running a seed
 * again writes nothing (timestamps included). Ids are deterministic (UUIDv5 of a natural
 * key), which is what makes this an upsert by natural key.
 */
export async function upsertById<Entity extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Entity[],
  { updateExisting = true }: { updateExisting?: boolean } = {},
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const repository = manager.getRepository(target);
  const existing = await repository
    .createQueryBuilder('entity')
    .whereInIds(rows.map((row) => row.id))
    .getMany();
  const byId = new Map(existing.map((entity) => [entity.id, entity]));
  for (const row of rows) {
    const stored = byId.get(row.id);
    if (!stored) {
      await repository.insert(row);
      counts.created += 1;
      continue;
    }
    if (!updateExisting) {
      counts.unchanged += 1;
      continue;
    }
    const changes = Object.fromEntries(
      // Undefined fields (timestamps, relations) are the database's to fill, not the seed's.
      Object.entries(row).filter(
        ([key, value]) => value !== undefined && !sameValue(stored[key], value),
      ),
    );
    if (Object.keys(changes).length === 0) {
      counts.unchanged += 1;
    } else {
      await repository.update(row.id, changes as QueryDeepPartialEntity<Entity>);
      counts.updated += 1;
    }
  }
  return counts;
}

/**
 * Inserts the rows whose id is new and leaves existing ones alone: for data people edit after
 * seeding (a reward's stock, a rule's points), where a re-run must not undo their changes.
 */
export function insertMissingById<Entity extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Entity[],
): Promise<UpsertCounts> {
  return upsertById(manager, target, rows, { updateExisting: false });
}
