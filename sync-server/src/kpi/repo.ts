import { FACTS, entityByName, projectForViewer, type EntityDef, type SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { conditionSql, type Fragment } from '../sync/scope-sql';
import { table } from '../sync/store';
import type { ViewerContext } from '../sync/viewer';

/**
 * The KPI side's reads for the REST API (issue 12): live documents of the caller's organisation that the caller
 * may read, decided by the database with the registry's read condition for its role (the same SQL as pulls and
 * streams, sync/scope-sql.ts), then projected to the fields the role may read. Another organisation's ids, and
 * documents out of the caller's scope, are simply not found.
 */

type Row = { doc: Record<string, unknown> };

function entity(name: string): EntityDef {
  const e = entityByName(name);
  if (!e) throw new Error(`unknown entity ${name}`);
  return e as EntityDef;
}

/** Live readable documents of `entityName` matching `where` (a fragment over `t.doc`), in `orderBy` order. */
async function readable(sql: Sql, ctx: ViewerContext, entityName: string, where: Fragment, orderBy: Fragment = sql`t.id`): Promise<SyncDoc[]> {
  const e = entity(entityName);
  const cond = e.read[ctx.viewer.role];
  if (!cond || cond.kind === 'none') return [];
  const rows = await sql<Row[]>`
    select t.doc from ${table(sql, e)} t
    where t.org_id = ${ctx.orgId} and not t.deleted and ${where}
      and ${conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS)}
    order by ${orderBy}`;
  const view = { viewer: ctx.viewer, facts: {} };
  return rows.map((r) => projectForViewer(e, view, { ...(r.doc as SyncDoc), _deleted: false }, entityByName));
}

/** The stored live document by id, whoever may read it (the "assumed master state" of a write). */
export async function storedDoc(sql: Sql, orgId: string, entityName: string, id: string): Promise<SyncDoc | null> {
  const rows = await sql<Row[]>`select t.doc from ${table(sql, entity(entityName))} t where t.org_id = ${orgId} and t.id = ${id} and not t.deleted`;
  return rows[0] ? ({ ...(rows[0].doc as SyncDoc), _deleted: false }) : null;
}

export function referenceOfKind(sql: Sql, ctx: ViewerContext, kind: 'dashboard' | 'kpi', ids?: readonly string[]): Promise<SyncDoc[]> {
  const byId = ids ? sql`and t.id = any(${ids as string[]}::text[])` : sql``;
  return readable(sql, ctx, 'reference', sql`t.doc->>'kind' = ${kind} ${byId}`, sql`t.doc->>'name', t.id`);
}

export async function readableReference(sql: Sql, ctx: ViewerContext, kind: 'dashboard' | 'kpi', id: string): Promise<SyncDoc | null> {
  return (await referenceOfKind(sql, ctx, kind, [id]))[0] ?? null;
}

/** The values of KPIs the caller may read, by period (oldest first). */
export function valuesOf(sql: Sql, ctx: ViewerContext, kpiIds: readonly string[]): Promise<SyncDoc[]> {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return readable(sql, ctx, 'kpi_values', sql`t.doc->>'kpiId' = any(${kpiIds as string[]}::text[])`, sql`t.doc->>'kpiId', t.doc->>'periodStart'`);
}

/** Values of readable KPIs whose period starts within [from, to] (reporting windows). */
export function valuesBetween(sql: Sql, ctx: ViewerContext, kpiIds: readonly string[], from: string, to: string): Promise<SyncDoc[]> {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return readable(
    sql, ctx, 'kpi_values',
    sql`t.doc->>'kpiId' = any(${kpiIds as string[]}::text[]) and t.doc->>'periodStart' >= ${from} and t.doc->>'periodStart' <= ${to}`,
    sql`t.doc->>'kpiId', t.doc->>'periodStart'`,
  );
}

/** The live value of a KPI for a period, whoever may read it (after a write merged by key). */
export async function storedValueAt(sql: Sql, orgId: string, kpiId: string, periodStart: string): Promise<SyncDoc | null> {
  const rows = await sql<Row[]>`
    select t.doc from kpi_values t where t.org_id = ${orgId} and not t.deleted and t.doc->>'kpiId' = ${kpiId} and t.doc->>'periodStart' = ${periodStart} limit 1`;
  return rows[0] ? ({ ...(rows[0].doc as SyncDoc), _deleted: false }) : null;
}

/** Action plans of one kind (actions or comments) the caller may read, on the given KPIs. */
export function actionPlansOf(sql: Sql, ctx: ViewerContext, kind: 'action' | 'comment', filter: { kpiIds?: readonly string[]; actionPlanId?: string | null; ids?: readonly string[] }): Promise<SyncDoc[]> {
  const byKpi = filter.kpiIds ? sql`and t.doc->>'kpiId' = any(${filter.kpiIds as string[]}::text[])` : sql``;
  const byId = filter.ids ? sql`and t.id = any(${filter.ids as string[]}::text[])` : sql``;
  const byAction =
    filter.actionPlanId === undefined ? sql`` : filter.actionPlanId === null ? sql`and coalesce(t.doc->>'actionPlanId', '') = ''` : sql`and t.doc->>'actionPlanId' = ${filter.actionPlanId}`;
  const order = kind === 'comment' ? sql`t.doc->>'createdAt', t.id` : sql`t.doc->>'dueDate' nulls last, t.id`;
  return readable(sql, ctx, 'action_plans', sql`t.doc->>'kind' = ${kind} ${byKpi} ${byId} ${byAction}`, order);
}

/** The organisation's zone (IANA), Europe/Paris when unset. */
export async function orgZone(sql: Sql, orgId: string): Promise<string> {
  const [org] = await sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${orgId}`;
  return org?.timezone || 'Europe/Paris';
}
