import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TimePosition } from './cursor';

/**
 * One page of a newest-first list ordered by (`alias`.createdAt DESC, `alias`.id DESC), after
 * the keyset position `after`. Every time-ordered list (history, audit log, visits) pages so.
 */
export function newestFirst<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
  alias: string,
  after: TimePosition | null,
  limit: number,
): SelectQueryBuilder<Entity> {
  if (after) {
    query.andWhere(
      `(${alias}.createdAt < :afterAt OR (${alias}.createdAt = :afterAt AND ${alias}.id < :afterId))`,
      { afterAt: after.at, afterId: after.id },
    );
  }
  return query.orderBy(`${alias}.createdAt`, 'DESC').addOrderBy(`${alias}.id`, 'DESC').limit(limit);
}
