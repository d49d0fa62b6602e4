import { FACTS, entityByName, type EntityDef } from '@coulisses/shared';
import type { DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';
import type { HoursSliceData, IncidentsSliceData, MetaSliceData, MissionsSliceData, PaySliceData } from '@coulisses/shared/analytics/slices';
import { SLICE_META_ID } from '@coulisses/shared/analytics/slices';
import type { Sql } from '../db/connect';
import { conditionSql } from '../sync/scope-sql';
import { table } from '../sync/store';
import type { ViewerContext } from '../sync/viewer';

/**
 * The dashboard route's reads (GET /api/v1/analytics/dashboard): the organisation's stored analytics_slices
 * documents the caller may read, decided by the database with the registry's read condition for its role (the same
 * SQL as a pull), so the API computes on exactly what the caller's devices sync. Pay slices come back only for
 * ADMIN and the accounts the slices name.
 */

type Row = { kind: string; data: unknown };

const SLICES = (): EntityDef => entityByName('analytics_slices') as EntityDef;

/** Readable slices of the given kinds whose month is one of `months`. */
async function readableSlices(sql: Sql, ctx: ViewerContext, kinds: readonly string[], months: readonly string[]): Promise<Row[]> {
  const e = SLICES();
  const cond = e.read[ctx.viewer.role];
  if (!cond || cond.kind === 'none' || months.length === 0) return [];
  return sql<Row[]>`
    select t.doc->>'kind' as kind, t.doc->'data' as data from ${table(sql, e)} t
    where t.org_id = ${ctx.orgId} and not t.deleted
      and t.doc->>'kind' = any(${kinds as string[]}::text[])
      and t.doc->'data'->>'month' = any(${months as string[]}::text[])
      and ${conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS)}
    order by t.id`;
}

/** Whether the caller reads at least one pay slice of the organisation (any month). */
async function readsPaySlices(sql: Sql, ctx: ViewerContext): Promise<boolean> {
  const e = SLICES();
  const cond = e.read[ctx.viewer.role];
  if (!cond || cond.kind === 'none') return false;
  const rows = await sql<{ one: number }[]>`
    select 1 as one from ${table(sql, e)} t
    where t.org_id = ${ctx.orgId} and not t.deleted and t.doc->>'kind' = 'an_pay'
      and ${conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS)}
    limit 1`;
  return rows.length > 0;
}

/**
 * The slices of the months a dashboard needs. Pay: ADMIN always (pay figures, zero without slices); another role
 * when it reads at least one pay slice of the organisation (named in the slices' readers); else none.
 */
export async function dashboardSlices(sql: Sql, ctx: ViewerContext, months: readonly string[]): Promise<DashboardSlices> {
  const rows = await readableSlices(sql, ctx, ['an_hours', 'an_pay', 'an_missions', 'an_incidents'], months);
  const of = <T>(kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.data as T);
  const pay = ctx.viewer.role === 'ADMIN' || (await readsPaySlices(sql, ctx)) ? of<PaySliceData>('an_pay') : null;
  return { hours: of<HoursSliceData>('an_hours'), pay, missions: of<MissionsSliceData>('an_missions'), incidents: of<IncidentsSliceData>('an_incidents') };
}

/** The an_meta document's data ("data as of"), when the caller may read it. */
export async function sliceMeta(sql: Sql, ctx: ViewerContext): Promise<MetaSliceData | null> {
  const e = SLICES();
  const cond = e.read[ctx.viewer.role];
  if (!cond || cond.kind === 'none') return null;
  const rows = await sql<{ data: MetaSliceData }[]>`
    select t.doc->'data' as data from ${table(sql, e)} t
    where t.org_id = ${ctx.orgId} and t.id = ${SLICE_META_ID} and not t.deleted and t.doc->>'kind' = 'an_meta'
      and ${conditionSql(sql, cond, ctx.viewer, ctx.orgId, FACTS)}`;
  return rows[0]?.data ?? null;
}

/** Live people of the organisation in a team (users.teamIds), for the team filter of the hours rows. */
export async function teamMemberIds(sql: Sql, orgId: string, teamId: string): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select t.id from users t where t.org_id = ${orgId} and not t.deleted and t.doc->'teamIds' @> jsonb_build_array(${teamId}::text)`;
  return rows.map((r) => r.id);
}
