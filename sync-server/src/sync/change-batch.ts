import type { EntityDef, FactDef } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { conditionSql } from './scope-sql';
import { table } from './store';

/** The latest scope exit of a row for one audience atom (sync_exits): who lost it, when, and what they last read. */
export interface BatchExit {
  atom: string;
  seq: number;
  doc: Record<string, unknown>;
}

/** One changed row, unscoped, with its scope exits when they were asked for. */
export interface BatchRow {
  id: string;
  seq: number;
  deleted: boolean;
  doc: Record<string, unknown>;
  exits: BatchExit[];
}

/** The values of a fact for some persons: fact name -> person id -> values. */
export type BatchFacts = Map<string, Map<string, Set<string>>>;

/**
 * The changes of one collection of an organisation after `afterSeq`, for every viewer at once: at most `limit`
 * rows in change order, the organisation's change number and the facts the viewers' conditions need, all read by
 * one statement (one snapshot, so the facts are those a pull at that moment would use). `full` means more rows
 * may follow the last one.
 */
export interface ChangeBatch {
  lastSeq: number;
  rows: BatchRow[];
  full: boolean;
  facts: BatchFacts;
}

export interface BatchWants {
  /** Read each row's scope exits (some viewer's condition on the entity depends on the document). */
  exits: boolean;
  /** Facts to read, for these persons. */
  facts: { fact: FactDef; userIds: string[] }[];
}

type Raw = { id: string | null; seq: string | null; deleted: boolean | null; doc: Record<string, unknown> | null; exits: [string, string, Record<string, unknown>][] | null; last_seq: string | null; facts: [string, unknown, string][] | null };

const NAME = /^[a-z_][a-zA-Z0-9_]*$/;
const nobody = { role: 'ADMIN' as const, accountId: '', userId: null };

/** A fact's source rows for some persons: [fact name, person field (raw JSON), value]. */
function factRowsSql(sql: Sql, orgId: string, want: { fact: FactDef; userIds: string[] }) {
  const { fact, userIds } = want;
  if (!NAME.test(fact.personField) || !NAME.test(fact.valueField)) throw new Error(`bad fact field in ${fact.name}`);
  const persons = fact.personArray ? sql`(src.doc->${fact.personField}) ?| ${userIds}::text[]` : sql`src.doc->>${fact.personField} = any(${userIds}::text[])`;
  return sql`
    select ${fact.name}::text as fact, src.doc->${fact.personField} as p, src.doc->>${fact.valueField} as v
    from ${table(sql, fact.from)} src
    where src.org_id = ${orgId} and not src.deleted and ${persons} and src.doc->>${fact.valueField} is not null
      and ${conditionSql(sql, fact.when, nobody, orgId, [], 'src')}`;
}

/** Reads a change batch (see ChangeBatch): one statement, whatever the number of viewers. */
export async function readChangeBatch(sql: Sql, orgId: string, entity: EntityDef, afterSeq: number, limit: number, wants: BatchWants): Promise<ChangeBatch> {
  const t = table(sql, entity);
  const exits = wants.exits
    ? sql`(select coalesce(jsonb_agg(jsonb_build_array(x.atom, x.seq, x.doc)), '[]'::jsonb) from (
          select distinct on (e.atom) e.atom, e.seq, e.doc from sync_exits e
          where e.org_id = t.org_id and e.entity = ${entity.name} and e.id = t.id
          order by e.atom, e.seq desc) x)`
    : sql`null::jsonb`;
  const factWants = wants.facts.filter((f) => f.userIds.length > 0);
  const facts = factWants.length
    ? sql`(select coalesce(jsonb_agg(jsonb_build_array(f.fact, f.p, f.v)), '[]'::jsonb) from (${factWants
        .map((w) => factRowsSql(sql, orgId, w))
        .reduce((a, b) => sql`${a} union all ${b}`)}) f)`
    : sql`null::jsonb`;
  const raw = await sql<Raw[]>`
    select null::text as id, null::bigint as seq, null::boolean as deleted, null::jsonb as doc, null::jsonb as exits,
      (select s.last_seq from org_sync_state s where s.org_id = ${orgId}) as last_seq, ${facts} as facts
    union all
    (select t.id, t.seq, t.deleted, t.doc, ${exits}, null, null
     from ${t} t where t.org_id = ${orgId} and t.seq > ${afterSeq}
     order by t.seq limit ${limit})`;
  const wanted = new Map(factWants.map((w) => [w.fact.name, { fact: w.fact, users: new Set(w.userIds) }]));
  let lastSeq = 0;
  const rows: BatchRow[] = [];
  const out: BatchFacts = new Map();
  for (const r of raw) {
    if (r.id === null) {
      lastSeq = Number(r.last_seq ?? 0);
      for (const [name, p, v] of r.facts ?? []) {
        const want = wanted.get(name);
        if (!want) continue;
        const byPerson = out.get(name) ?? new Map<string, Set<string>>();
        out.set(name, byPerson);
        // As the pull's SQL: an array person field holds the person (or is that one id), else it is the id.
        const persons = want.fact.personArray && Array.isArray(p) ? (p as unknown[]) : [p];
        for (const person of persons) {
          if (typeof person !== 'string' || !want.users.has(person)) continue;
          const values = byPerson.get(person) ?? new Set<string>();
          values.add(v);
          byPerson.set(person, values);
        }
      }
      continue;
    }
    rows.push({
      id: r.id,
      seq: Number(r.seq),
      deleted: r.deleted === true,
      doc: r.doc ?? {},
      exits: (r.exits ?? []).map(([atom, seq, doc]) => ({ atom, seq: Number(seq), doc })),
    });
  }
  rows.sort((a, b) => a.seq - b.seq);
  return { lastSeq, rows, full: rows.length >= limit, facts: out };
}

/** The change numbers of several organisations, one statement (the hub's poll). */
export async function orgChangeNumbers(sql: Sql, orgIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await sql<{ org_id: string; last_seq: string }[]>`
    select org_id, last_seq from org_sync_state where org_id = any(${orgIds as string[]}::text[])`;
  return new Map(rows.map((r) => [r.org_id, Number(r.last_seq)]));
}
