import { FACTS, conditionalRoles, entityByName, projectForViewer, viewerAtoms, type Checkpoint, type EntityDef, type PullResponse, type SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { AppError } from '../http/errors';
import { conditionSql, readableSql } from './scope-sql';
import { orgState, table } from './store';
import type { ViewerContext } from './viewer';

type ScopedRow = { id: string; seq: string; deleted: boolean; doc: Record<string, unknown>; readable: boolean; exit_doc: Record<string, unknown> | null };

/**
 * The changes after `afterSeq` this viewer must receive, in change order, at most `limit`, decided by the
 * database: rows the viewer may read (the registry's condition compiled to SQL), projected to the fields it may
 * read; and changed rows it may no longer read but could read once (a scope exit names it), sent as deleted with
 * the last state it could read. The exit's own number does not matter: a row changed after the replica's
 * checkpoint and now out of its scope must go, and the replica may have received any earlier version of it. `high` is how far the answer is complete: the last row returned when the page
 * is full, else the organisation's change number read before the rows (writers commit in change-number order,
 * so every change up to it is visible to the rows query).
 */
export async function readScoped(sql: Sql, ctx: ViewerContext, entity: EntityDef, afterSeq: number, limit: number): Promise<{ documents: SyncDoc[]; high: number; full: boolean }> {
  const cond = entity.read[ctx.viewer.role];
  const { lastSeq } = await orgState(sql, ctx.orgId);
  if (!cond || cond.kind === 'none') return { documents: [], high: Math.max(afterSeq, lastSeq), full: false };
  const readable = conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS);
  const readableValue = readableSql(sql, cond, ctx.viewer, ctx.orgId, FACTS);
  const t = table(sql, entity);
  const rows = conditionalRoles(entity).includes(ctx.viewer.role)
    ? await sql<ScopedRow[]>`
        select t.id, t.seq, t.deleted, t.doc, ${readableValue} as readable, x.doc as exit_doc
        from ${t} t
        left join lateral (
          select e.doc from sync_exits e
          where e.org_id = t.org_id and e.entity = ${entity.name} and e.id = t.id
            and e.atom = any(${viewerAtoms(ctx.viewer)}::text[])
          order by e.seq desc limit 1
        ) x on true
        where t.org_id = ${ctx.orgId} and t.seq > ${afterSeq} and (${readable} or x.doc is not null)
        order by t.seq limit ${limit}`
    : await sql<ScopedRow[]>`
        select t.id, t.seq, t.deleted, t.doc, true as readable, null::jsonb as exit_doc
        from ${t} t where t.org_id = ${ctx.orgId} and t.seq > ${afterSeq}
        order by t.seq limit ${limit}`;
  const view = { viewer: ctx.viewer, facts: {} };
  const documents = rows.map((r): SyncDoc => {
    if (r.readable) return projectForViewer(entity, view, { ...(r.doc as SyncDoc), _deleted: r.deleted }, entityByName);
    return { ...projectForViewer(entity, view, r.exit_doc as SyncDoc, entityByName), _deleted: true };
  });
  const full = rows.length >= limit;
  const high = full ? Number(rows[rows.length - 1]!.seq) : Math.max(afterSeq, lastSeq, rows.length ? Number(rows[rows.length - 1]!.seq) : 0);
  return { documents, high, full };
}

/**
 * A pull of RxDB's replication protocol. A checkpoint older than the purge horizon of tombstones and exits is
 * refused with 410 CHECKPOINT_EXPIRED; one computed for another read scope (role, person, registry) with 410
 * SCOPE_CHANGED: in both cases the client starts the collection again from zero, keeping unpushed writes.
 */
export async function pullChanges(sql: Sql, ctx: ViewerContext, entity: EntityDef, checkpoint: Checkpoint, limit: number): Promise<PullResponse> {
  if (checkpoint.seq > 0) {
    const { purgedSeq } = await orgState(sql, ctx.orgId);
    if (checkpoint.seq < purgedSeq) throw new AppError('CHECKPOINT_EXPIRED', { purgedSeq }, 410);
    if (checkpoint.scope !== ctx.signature) throw new AppError('SCOPE_CHANGED', undefined, 410);
  }
  const { documents, high } = await readScoped(sql, ctx, entity, checkpoint.seq, limit);
  return { documents, checkpoint: { seq: high, scope: ctx.signature } };
}

/** Live documents the viewer may read, per collection (first-sync progress), counted by the database. */
export async function countScoped(sql: Sql, ctx: ViewerContext, entity: EntityDef): Promise<number> {
  const cond = entity.read[ctx.viewer.role];
  if (!cond || cond.kind === 'none') return 0;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from ${table(sql, entity)} t
    where t.org_id = ${ctx.orgId} and not t.deleted and ${conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS)}`;
  return row?.n ?? 0;
}
