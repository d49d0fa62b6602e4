import type { HoursRow, IncidentRow, MissionRow, PayRecord, WarehouseMonth } from '@coulisses/shared/analytics/warehouse';
import type { Sql } from '../db/connect';
import type { DocRow } from '../db/source-docs';

/** The SQL of the analytics warehouse (refresh.ts, hooks.ts): migrations/0009_analytics.sql. */

/** Marks months of an organisation dirty (a later mark moves marked_at: the refresh clears only what it read). */
export async function markDirty(sql: Sql, orgId: string, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await sql`
    insert into analytics_dirty (org_id, month, marked_at)
    select ${orgId}, m, clock_timestamp() from unnest(${months as string[]}::text[]) as m
    on conflict (org_id, month) do update set marked_at = excluded.marked_at`;
}

export interface DirtyMark {
  month: string;
  marked_at: Date;
  /** marked_at to the microsecond (a Date keeps milliseconds): what the clear compares. */
  stamp: string;
}

export function dirtyMarks(sql: Sql, orgId: string): Promise<DirtyMark[]> {
  return sql<DirtyMark[]>`select month, marked_at, marked_at::text as stamp from analytics_dirty where org_id = ${orgId} order by month`;
}

/** Clears the marks the refresh read (a mark moved since by a newer write stays, and its job runs again). */
export async function clearDirty(sql: Sql, orgId: string, marks: readonly DirtyMark[]): Promise<void> {
  for (const m of marks) await sql`delete from analytics_dirty where org_id = ${orgId} and month = ${m.month} and marked_at::text = ${m.stamp}`;
}

/** Organisations with dirty months (the refresh jobs that should exist). */
export async function orgsWithDirtyMonths(sql: Sql): Promise<string[]> {
  return (await sql<{ org_id: string }[]>`select distinct org_id from analytics_dirty`).map((r) => r.org_id);
}

/** Organisations whose analytics slices exist (their meta document). */
export async function orgsWithSlices(sql: Sql): Promise<string[]> {
  return (await sql<{ org_id: string }[]>`select org_id from analytics_slices where id = 'an-meta' and not deleted`).map((r) => r.org_id);
}

/** Months (YYYY-MM of the UTC dates, and the month after each, as a local month may start before) with source data. */
export async function monthsWithData(sql: Sql, orgId: string): Promise<string[]> {
  const rows = await sql<{ m: string }[]>`
    select distinct left(doc->>'startAt', 7) as m from missions where org_id = ${orgId} and not deleted
    union select distinct left(doc->>'date', 7) from timesheets where org_id = ${orgId} and not deleted
    union select distinct left(doc->>'at', 7) from field_events where org_id = ${orgId} and not deleted and doc->>'kind' = 'INCIDENT'
    union select distinct month from analytics_hours where org_id = ${orgId}
    union select distinct month from analytics_mission_events where org_id = ${orgId}
    union select distinct month from analytics_equipment_incidents where org_id = ${orgId}`;
  const out = new Set<string>();
  for (const { m } of rows) {
    if (!/^\d{4}-\d{2}$/.test(m ?? '')) continue;
    out.add(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    out.add(mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`);
  }
  return [...out].sort();
}

/** Live timesheets dated between two local dates (inclusive), and those of these missions. */
export function timesheetsFor(sql: Sql, orgId: string, fromDate: string, toDate: string, missionIds: readonly string[]): Promise<DocRow[]> {
  return sql<DocRow[]>`
    select id, doc from timesheets where org_id = ${orgId} and not deleted
      and ((doc->>'date' >= ${fromDate} and doc->>'date' <= ${toDate}) or doc->>'missionId' = any(${missionIds as string[]}::text[]))`;
}

/** INCIDENT reports whose instant's UTC date is between two dates, and every close naming one of them. */
export async function incidentEvents(sql: Sql, orgId: string, fromDate: string, toDate: string): Promise<DocRow[]> {
  const reports = await sql<DocRow[]>`
    select id, doc from field_events where org_id = ${orgId} and not deleted and doc->>'kind' = 'INCIDENT'
      and not (doc->'payload' ? 'closes') and left(doc->>'at', 10) >= ${fromDate} and left(doc->>'at', 10) <= ${toDate}`;
  if (reports.length === 0) return [];
  const closes = await sql<DocRow[]>`
    select id, doc from field_events where org_id = ${orgId} and not deleted and doc->>'kind' = 'INCIDENT'
      and doc->'payload'->>'closes' = any(${reports.map((r) => r.id)}::text[])`;
  return [...reports, ...closes];
}

export function fieldEventById(sql: Sql, orgId: string, id: string): Promise<DocRow[]> {
  return sql<DocRow[]>`select id, doc from field_events where org_id = ${orgId} and id = ${id}`;
}

/** Equipment items (reference kind equipment_item) by id, deleted ones too (an old report still names them). */
export async function equipmentItems(sql: Sql, orgId: string, ids: readonly string[]): Promise<DocRow[]> {
  if (ids.length === 0) return [];
  return sql<DocRow[]>`select id, doc from reference where org_id = ${orgId} and doc->>'kind' = 'equipment_item' and id = any(${ids as string[]}::text[])`;
}

/** Months whose incident rows name an equipment item. */
export async function monthsOfItem(sql: Sql, orgId: string, itemId: string): Promise<string[]> {
  return (await sql<{ month: string }[]>`select distinct month from analytics_equipment_incidents where org_id = ${orgId} and item_id = ${itemId}`).map((r) => r.month);
}

/** Months where a person has hours rows (a change of their contract changes those months' pay). */
export async function monthsOfPerson(sql: Sql, orgId: string, userId: string): Promise<string[]> {
  return (await sql<{ month: string }[]>`select distinct month from analytics_hours where org_id = ${orgId} and user_id = ${userId}`).map((r) => r.month);
}

/** Replaces the warehouse rows of one month. */
export async function replaceMonth(sql: Sql, orgId: string, w: WarehouseMonth): Promise<number> {
  const { month } = w;
  await sql`delete from analytics_hours where org_id = ${orgId} and month = ${month}`;
  await sql`delete from analytics_mission_events where org_id = ${orgId} and month = ${month}`;
  await sql`delete from analytics_payroll_records where org_id = ${orgId} and month = ${month}`;
  await sql`delete from analytics_equipment_incidents where org_id = ${orgId} and month = ${month}`;
  const CHUNK = 500;
  for (let i = 0; i < w.hours.length; i += CHUNK) {
    const rows = w.hours.slice(i, i + CHUNK).map(({ key, userId, missionId, costCents, ...rest }) => ({
      org_id: orgId, month, row_key: key, user_id: userId, mission_id: missionId, row_data: sql.json({ userId, missionId, ...rest } as never), cost_cents: costCents,
    }));
    await sql`insert into analytics_hours ${sql(rows)}`;
  }
  for (let i = 0; i < w.missions.length; i += CHUNK) {
    const rows = w.missions.slice(i, i + CHUNK).map((r) => ({ org_id: orgId, month, mission_id: r.missionId, role: r.role ?? '', row_data: sql.json(r as never) }));
    await sql`insert into analytics_mission_events ${sql(rows)}`;
  }
  for (let i = 0; i < w.pay.length; i += CHUNK) {
    const rows = w.pay.slice(i, i + CHUNK).map((r) => ({ org_id: orgId, month, user_id: r.userId, gross_cents: r.grossCents, paid_minutes: r.paidMinutes }));
    await sql`insert into analytics_payroll_records ${sql(rows)}`;
  }
  for (let i = 0; i < w.incidents.length; i += CHUNK) {
    const rows = w.incidents.slice(i, i + CHUNK).map((r) => ({ org_id: orgId, month, incident_id: r.incidentId, item_id: r.itemId, row_data: sql.json(r as never) }));
    await sql`insert into analytics_equipment_incidents ${sql(rows)}`;
  }
  return w.hours.length + w.missions.length + w.incidents.length + w.pay.length;
}

/** Deletes every warehouse row of an organisation (a rebuild), or those of months before `beforeMonth` (retention). */
export async function deleteWarehouse(sql: Sql, orgId: string | null, beforeMonth?: string): Promise<void> {
  for (const table of ['analytics_hours', 'analytics_mission_events', 'analytics_payroll_records', 'analytics_equipment_incidents']) {
    if (orgId && !beforeMonth) await sql`delete from ${sql(table)} where org_id = ${orgId}`;
    else if (orgId) await sql`delete from ${sql(table)} where org_id = ${orgId} and month < ${beforeMonth!}`;
    else await sql`delete from ${sql(table)} where month < ${beforeMonth!}`;
  }
}

/** The whole warehouse of an organisation, in a stable order (the rebuild-equality test compares it). */
export async function warehouseSnapshot(sql: Sql, orgId: string): Promise<{ hours: readonly unknown[]; missions: readonly unknown[]; pay: readonly unknown[]; incidents: readonly unknown[] }> {
  return {
    hours: await sql`select month, row_key, user_id, mission_id, row_data, cost_cents::int as cost_cents from analytics_hours where org_id = ${orgId} order by month, row_key`,
    missions: await sql`select month, mission_id, role, row_data from analytics_mission_events where org_id = ${orgId} order by month, mission_id, role`,
    pay: await sql`select month, user_id, gross_cents::int as gross_cents, paid_minutes from analytics_payroll_records where org_id = ${orgId} order by month, user_id`,
    incidents: await sql`select month, incident_id, item_id, row_data from analytics_equipment_incidents where org_id = ${orgId} order by month, incident_id`,
  };
}

/**
 * The organisation's analytics slice documents (live and deleted: a deleted one is written again by id); `data` only
 * for the ids given (the months being recomputed), the others without it (a slice holds up to 5,000 rows).
 */
export function sliceDocs(sql: Sql, orgId: string, withData: readonly string[]): Promise<(DocRow & { deleted: boolean })[]> {
  return sql<(DocRow & { deleted: boolean })[]>`
    select id, deleted, case when id = any(${withData as string[]}::text[]) then doc else doc - 'data' end as doc
    from analytics_slices where org_id = ${orgId} and doc->>'kind' like 'an\\_%'`;
}

/** Whether the organisation has live pay slices. */
export async function hasPaySlices(sql: Sql, orgId: string): Promise<boolean> {
  const rows = await sql`select 1 from analytics_slices where org_id = ${orgId} and not deleted and doc->>'kind' = 'an_pay' limit 1`;
  return rows.length > 0;
}

export async function logRefresh(sql: Sql, entry: { orgId: string; startedAt: Date; sourceUpTo: Date | null; months: readonly string[]; rows: number }): Promise<void> {
  await sql`
    insert into analytics_refresh_log (org_id, started_at, finished_at, source_up_to, months, rows)
    values (${entry.orgId}, ${entry.startedAt}, clock_timestamp(), ${entry.sourceUpTo}, ${entry.months as string[]}::text[], ${entry.rows})`;
}

export function lastRefresh(sql: Sql, orgId: string): Promise<{ id: string; finished_at: Date; source_up_to: Date | null; months: string[] }[]> {
  return sql`select id::text as id, finished_at, source_up_to, months from analytics_refresh_log where org_id = ${orgId} order by id desc limit 1`;
}

/** Keeps the last `keep` refresh log entries of each organisation. */
export async function trimRefreshLog(sql: Sql, keep = 1000): Promise<void> {
  await sql`delete from analytics_refresh_log l where id < (select min(id) from (select id from analytics_refresh_log where org_id = l.org_id order by id desc limit ${keep}) k)`;
}

export type { HoursRow, IncidentRow, MissionRow, PayRecord };
