import type { Condition, FactDef, Viewer } from '@coulisses/shared';
import type postgres from 'postgres';
import type { Sql } from '../db/connect';

/** A piece of SQL built by postgres.js (a nested tagged template). */
export type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** Table and field names come from the registry (validated names), never from a request. */
const NAME = /^[a-z_][a-zA-Z0-9_]*$/;

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`bad name in a read condition: ${name}`);
  return name;
}

/**
 * Compiles a registry condition to a SQL boolean over `<alias>.doc`, for one viewer: the same decision as
 * `holds()` in shared/src/sync/conditions.ts, evaluated by the database (pull, stream and counts never scan
 * rows the viewer may not read). Facts become subqueries on their source table, in the same snapshot.
 * A leaf on a missing field is SQL's null: in a WHERE clause that filters like false (the language has no NOT), and
 * plain comparisons keep the expression indexes usable; as a value, wrap it with readableSql.
 */
export function conditionSql(sql: Sql, cond: Condition, viewer: Viewer, orgId: string, facts: readonly FactDef[], alias = 't'): Fragment {
  const doc = sql(`${checkedName(alias)}.doc`);
  const text = (field: string) => sql`${doc}->>${checkedName(field)}`;
  switch (cond.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'field': {
      const values = cond.in.filter((v) => v !== null).map(String);
      const nullable = cond.in.includes(null);
      const some = values.length ? sql`${text(cond.field)} = any(${values}::text[])` : sql`false`;
      return nullable ? sql`(${some} or ${text(cond.field)} is null)` : some;
    }
    case 'self':
      return viewer.userId ? sql`${text(cond.field)} = ${viewer.userId}` : sql`false`;
    case 'selfIn':
      return viewer.userId ? sql`(${doc}->${checkedName(cond.field)}) @> to_jsonb(${viewer.userId}::text)` : sql`false`;
    case 'selfAccount':
      return sql`(${doc}->${checkedName(cond.field)}) @> to_jsonb(${viewer.accountId}::text)`;
    case 'device':
      return typeof viewer.deviceId === 'string' ? sql`${text(cond.field)} = ${viewer.deviceId}` : sql`false`;
    case 'fact': {
      const fact = facts.find((f) => f.name === cond.fact);
      if (!fact || !viewer.userId) return sql`false`;
      return sql`${text(cond.field)} in (${factValuesSql(sql, fact, viewer, orgId)})`;
    }
    case 'or':
      return cond.of.length ? cond.of.map((c) => conditionSql(sql, c, viewer, orgId, facts, alias)).reduce((a, b) => sql`(${a} or ${b})`) : sql`false`;
    case 'and':
      return cond.of.length ? cond.of.map((c) => conditionSql(sql, c, viewer, orgId, facts, alias)).reduce((a, b) => sql`(${a} and ${b})`) : sql`true`;
  }
}

/** The values of a fact for the viewer's person: a subquery on the fact's source table. */
export function factValuesSql(sql: Sql, fact: FactDef, viewer: Viewer, orgId: string): Fragment {
  const alias = `f_${checkedName(fact.from)}`;
  const src = sql(alias);
  return sql`
    select ${src}.doc->>${checkedName(fact.valueField)} from ${sql(checkedName(fact.from))} ${src}
    where ${src}.org_id = ${orgId} and not ${src}.deleted and ${personSql(sql, fact, alias, viewer)}
      and ${conditionSql(sql, fact.when, viewer, orgId, [], alias)}`;
}

/** The fact's source document names the viewer's person: its person field is that id, or an array holding it. */
function personSql(sql: Sql, fact: FactDef, alias: string, viewer: Viewer): Fragment {
  const src = sql(alias);
  const person = viewer.userId ?? '';
  return fact.personArray
    ? sql`(${src}.doc->${checkedName(fact.personField)}) @> to_jsonb(${person}::text)`
    : sql`${src}.doc->>${checkedName(fact.personField)} = ${person}`;
}

/** The condition as a boolean value (never null): what a select column needs. */
export function readableSql(sql: Sql, cond: Condition, viewer: Viewer, orgId: string, facts: readonly FactDef[], alias = 't'): Fragment {
  return sql`coalesce((${conditionSql(sql, cond, viewer, orgId, facts, alias)}), false)`;
}
