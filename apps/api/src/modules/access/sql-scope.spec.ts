import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { AppAbility } from './access-policy';
import { accessibleWhere, SqlCondition } from './sql-scope';

const STATION_COLUMNS = { id: 'station.id', regionId: 'station.region_id' };

function abilityWith(define: (builder: AbilityBuilder<AppAbility>) => void): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  define(builder);
  return builder.build();
}

const stationsReadable = (ability: AppAbility): SqlCondition =>
  accessibleWhere(ability, 'read', 'Station', STATION_COLUMNS);

/** The SQL with each generated parameter name replaced by its value, for readable assertions. */
function inline({ sql, params }: SqlCondition): string {
  return sql.replace(/:(\.\.\.)?(scope_\d+)/g, (_match, _spread, name: string) =>
    JSON.stringify(params[name]),
  );
}

/** The OR-ed alternatives of a condition, inlined and sorted (rule order is CASL's business). */
function alternatives(condition: SqlCondition): string[] {
  const text = inline(condition);
  expect(text).toMatch(/^\(.*\)$/);
  return text
    .slice(1, -1)
    .split(' OR ')
    .map((part) => part.replace(/^\((.*)\)$/, '$1'))
    .sort();
}

describe(accessibleWhere.name, () => {
  it('is "nothing" when no rule grants the action', () => {
    const ability = abilityWith(({ can }) => can('read', 'Merchant'));

    expect(stationsReadable(ability)).toEqual({ sql: '1 = 0', params: {} });
  });

  it('is "nothing" when only another action is granted', () => {
    const ability = abilityWith(({ can }) => can('update', 'Station', { id: 's1' }));

    expect(stationsReadable(ability)).toEqual({ sql: '1 = 0', params: {} });
  });

  it('is "everything" for a rule without conditions', () => {
    const ability = abilityWith(({ can }) => can('read', 'Station'));

    expect(stationsReadable(ability)).toEqual({ sql: '1 = 1', params: {} });
  });

  it('is "everything" when an unconditional rule stands next to conditional ones', () => {
    const ability = abilityWith(({ can }) => {
      can('read', 'Station', { id: 's1' });
      can('read', 'Station');
    });

    expect(stationsReadable(ability)).toEqual({ sql: '1 = 1', params: {} });
  });

  it('turns $in into IN with a list parameter', () => {
    const ability = abilityWith(({ can }) =>
      can('read', 'Station', { regionId: { $in: ['r1', 'r2'] } }),
    );

    const condition = stationsReadable(ability);

    expect(condition.sql).toMatch(/^\(\(station\.region_id IN \(:\.\.\.scope_\d+\)\)\)$/);
    expect(Object.values(condition.params)).toEqual([['r1', 'r2']]);
  });

  it('turns equality into = with a parameter', () => {
    const ability = abilityWith(({ can }) => can('read', 'Station', { id: 's1' }));

    const condition = stationsReadable(ability);

    expect(condition.sql).toMatch(/^\(\(station\.id = :scope_\d+\)\)$/);
    expect(inline(condition)).toBe('((station.id = "s1"))');
  });

  it('turns a null condition into IS NULL', () => {
    const ability = abilityWith(({ can }) => can('read', 'AuditEntry', { regionId: null }));

    const condition = accessibleWhere(ability, 'read', 'AuditEntry', {
      regionId: 'entry.region_id',
    });

    expect(condition).toEqual({ sql: '((entry.region_id IS NULL))', params: {} });
  });

  it('matches nothing for an empty $in, without an empty IN () list', () => {
    const ability = abilityWith(({ can }) => can('read', 'Station', { regionId: { $in: [] } }));

    const condition = stationsReadable(ability);

    expect(condition).toEqual({ sql: '((1 = 0))', params: {} });
  });

  it('ORs rules together and ANDs the fields of one rule', () => {
    const ability = abilityWith(({ can }) => {
      can('read', 'Station', { regionId: { $in: ['r1'] } });
      can('read', 'Station', { id: 's9', regionId: 'r2' });
    });

    const condition = stationsReadable(ability);

    expect(alternatives(condition)).toEqual([
      'station.id = "s9" AND station.region_id = "r2"',
      'station.region_id IN (["r1"])',
    ]);
    expect(Object.keys(condition.params)).toHaveLength(3);
  });

  it('keeps an empty $in rule from hiding the others', () => {
    const ability = abilityWith(({ can }) => {
      can('read', 'Station', { regionId: { $in: [] } });
      can('read', 'Station', { id: 's1' });
    });

    expect(alternatives(stationsReadable(ability))).toEqual(['1 = 0', 'station.id = "s1"']);
  });

  it('counts `manage` as every action', () => {
    const ability = abilityWith(({ can }) => can('manage', 'Station', { id: 's1' }));

    expect(inline(stationsReadable(ability))).toBe('((station.id = "s1"))');
    expect(inline(accessibleWhere(ability, 'delete', 'Station', STATION_COLUMNS))).toBe(
      '((station.id = "s1"))',
    );
  });

  it('names parameters uniquely, so two scopes can share one query', () => {
    const ability = abilityWith(({ can }) => can('read', 'Station', { id: 's1' }));

    const first = stationsReadable(ability);
    const second = stationsReadable(ability);

    expect(Object.keys(first.params)).not.toEqual(Object.keys(second.params));
  });

  it('refuses a field without a mapped column', () => {
    const ability = abilityWith(({ can }) => can('read', 'Station', { id: 's1' }));

    expect(() => accessibleWhere(ability, 'read', 'Station', { id: '', regionId: 'r' })).toThrow(
      /No column mapped for policy field "id"/,
    );
  });

  it('refuses an operator it does not translate', () => {
    const ability = abilityWith(({ can }) => can('read', 'Station', { regionId: { $ne: 'r1' } }));

    expect(() => stationsReadable(ability)).toThrow(/Unsupported policy operator/);
  });

  it('refuses inverted rules with conditions rather than ignore them', () => {
    const ability = abilityWith(({ can, cannot }) => {
      can('read', 'Station');
      cannot('read', 'Station', { regionId: 'r1' });
    });

    expect(() => stationsReadable(ability)).toThrow(/Inverted rules/);
  });

  it('is "nothing" when an unconditional inverted rule forbids the action', () => {
    const ability = abilityWith(({ can, cannot }) => {
      can('read', 'Station', { id: 's1' });
      cannot('read', 'Station');
    });

    expect(stationsReadable(ability)).toEqual({ sql: '1 = 0', params: {} });
  });
});
