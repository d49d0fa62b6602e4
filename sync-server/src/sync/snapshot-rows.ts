import type { Condition, SyncWindow } from '@coulisses/shared';
import { FACTS } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { conditionSql, type Fragment } from './scope-sql';
import { table } from './store';
import type { ViewerContext } from './viewer';

/** Field names in a window come from shared code, never from a request. */
const NAME = /^[a-z_][a-zA-Z0-9_]*$/;
function checked(name: string): string {
  if (!NAME.test(name)) throw new Error(`bad name in a sync window: ${name}`);
  return name;
}

/** The window as a SQL boolean over `t.doc` (null when a field is missing: coalesced by the callers). */
function windowSql(sql: Sql, orgId: string, w: SyncWindow): Fragment {
  switch (w.kind) {
    case 'all':
      return sql`true`;
    case 'range':
      return sql`(t.doc->>${checked(w.field)} >= ${w.from} and t.doc->>${checked(w.field)} < ${w.to})`;
    case 'via':
      return sql`t.doc->>${checked(w.field)} in (
        select w.id from ${table(sql, w.entity)} w
        where w.org_id = ${orgId} and not w.deleted
          and w.doc->>${checked(w.range.field)} >= ${w.range.from} and w.doc->>${checked(w.range.field)} < ${w.range.to})`;
  }
}

export interface SnapshotQuery {
  /** The snapshot's change number: rows changed after it are left to the live replication. */
  atSeq: number;
  /** Keyset cursor: rows with an id after this one. */
  after: string;
  limit: number;
  /** In the window, outside it (its exact complement), or both. */
  part: 'window' | 'rest' | 'all';
  window: SyncWindow;
}

/**
 * Live rows of one collection the viewer may read (the registry's condition compiled to SQL, as a pull decides),
 * changed at or before `atSeq`, in id order after `after`: one page of a snapshot. Uses the (org_id, id) primary key.
 */
export async function selectSnapshotRows(
  sql: Sql,
  ctx: ViewerContext,
  entityName: string,
  cond: Condition,
  q: SnapshotQuery,
): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const readable = conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS);
  const inWindow = windowSql(sql, ctx.orgId, q.window);
  const part = q.part === 'all' || q.window.kind === 'all' ? (q.part === 'rest' ? sql`false` : sql`true`) : q.part === 'window' ? sql`coalesce(${inWindow}, false)` : sql`not coalesce(${inWindow}, false)`;
  return sql<{ id: string; doc: Record<string, unknown> }[]>`
    select t.id, t.doc from ${table(sql, entityName)} t
    where t.org_id = ${ctx.orgId} and t.id > ${q.after} and not t.deleted and t.seq <= ${q.atSeq}
      and ${readable} and ${part}
    order by t.id limit ${q.limit}`;
}
