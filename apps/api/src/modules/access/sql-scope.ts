import { rulesToQuery } from '@casl/ability/extra';
import { Action, AppAbility, SubjectFields, SubjectType } from './access-policy';

/** A SQL condition with its named parameters, ready for `queryBuilder.andWhere(sql, params)`. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Column expression (with the query's alias) of each condition field of a subject. */
export type ColumnMap<S extends SubjectType> = Record<keyof SubjectFields[S] & string, string>;

const NOTHING: SqlCondition = { sql: '1 = 0', params: {} };
const EVERYTHING: SqlCondition = { sql: '1 = 1', params: {} };

let parameterSequence = 0;

/**
 * The policy's rules for `action` on `type` as one SQL condition, so a list is filtered by
 * the database rather than after fetching. Supports the operators the policy uses: equality
 * and `$in`. Rules OR together; a rule's fields AND together.
 */
export function accessibleWhere<S extends SubjectType>(
  ability: AppAbility,
  action: Action,
  type: S,
  columns: ColumnMap<S>,
): SqlCondition {
  const query = rulesToQuery(ability, action, type, (rule) => {
    if (rule.inverted) throw new Error('Inverted rules are not translated to SQL');
    return rule.conditions ?? {};
  });
  if (query === null) return NOTHING;
  const alternatives = (query.$or ?? []) as Array<Record<string, unknown>>;
  if (alternatives.length === 0 || alternatives.some((c) => Object.keys(c).length === 0)) {
    return EVERYTHING;
  }
  const params: Record<string, unknown> = {};
  const clauses = alternatives.map((conditions) =>
    Object.entries(conditions)
      .map(([field, value]) => fieldCondition(columnOf(columns, field), value, params))
      .join(' AND '),
  );
  return { sql: `(${clauses.map((clause) => `(${clause})`).join(' OR ')})`, params };
}

function columnOf(columns: Record<string, string>, field: string): string {
  const column = columns[field];
  if (!column) throw new Error(`No column mapped for policy field "${field}"`);
  return column;
}

function fieldCondition(column: string, value: unknown, params: Record<string, unknown>): string {
  const name = `scope_${(parameterSequence = (parameterSequence + 1) % 1_000_000)}`;
  if (isInOperator(value)) {
    if (value.$in.length === 0) return '1 = 0';
    params[name] = value.$in;
    return `${column} IN (:...${name})`;
  }
  if (typeof value === 'object' && value !== null) {
    throw new Error(`Unsupported policy operator on ${column}: ${JSON.stringify(value)}`);
  }
  if (value === null) return `${column} IS NULL`;
  params[name] = value;
  return `${column} = :${name}`;
}

function isInOperator(value: unknown): value is { $in: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    Array.isArray((value as { $in?: unknown }).$in)
  );
}
