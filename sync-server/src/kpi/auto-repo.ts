import type { Sql } from '../db/connect';
import type { DocRow } from '../db/source-docs';

/** The reads of the automatic KPI refresher (auto-refresh.ts): SQL stays here. */

/** Organisations that have at least one live KPI of source AUTOMATIC. */
export async function orgsWithAutomaticKpis(sql: Sql): Promise<string[]> {
  const rows = await sql<{ org_id: string }[]>`
    select distinct org_id from reference
    where not deleted and doc->>'kind' = 'kpi' and doc->'data'->>'source' = 'AUTOMATIC'`;
  return rows.map((r) => r.org_id);
}

/** The organisation's live KPI documents of source AUTOMATIC. */
export function automaticKpis(sql: Sql, orgId: string): Promise<DocRow[]> {
  return sql<DocRow[]>`
    select id, doc from reference
    where org_id = ${orgId} and not deleted and doc->>'kind' = 'kpi' and doc->'data'->>'source' = 'AUTOMATIC'`;
}

/** The organisation's zone (Europe/Paris when unset). */
export async function orgZone(sql: Sql, orgId: string): Promise<string> {
  const [org] = await sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${orgId}`;
  return org?.timezone || 'Europe/Paris';
}

/** Live timesheets dated between two local dates (inclusive). */
export function timesheetsBetween(sql: Sql, orgId: string, fromDate: string, toDate: string): Promise<DocRow[]> {
  return sql<DocRow[]>`
    select id, doc from timesheets
    where org_id = ${orgId} and not deleted and doc->>'date' >= ${fromDate} and doc->>'date' <= ${toDate}`;
}

/** Live KPI values of these KPIs for these period starts. */
export async function kpiValueRows(sql: Sql, orgId: string, kpiIds: readonly string[], periodStarts: readonly string[]): Promise<DocRow[]> {
  if (kpiIds.length === 0 || periodStarts.length === 0) return [];
  return sql<DocRow[]>`
    select id, doc from kpi_values
    where org_id = ${orgId} and not deleted and doc->>'kpiId' = any(${kpiIds as string[]}::text[])
      and doc->>'periodStart' = any(${periodStarts as string[]}::text[])`;
}

/** Milliseconds until `minIntervalMs` after the organisation's last automatic refresh started (0: none, or past). */
export async function msUntilNextRun(sql: Sql, orgId: string, minIntervalMs: number): Promise<number> {
  const [row] = await sql<{ ms: number }[]>`
    select greatest(0, extract(epoch from (last_run_at + make_interval(secs => ${minIntervalMs / 1000}) - now())) * 1000)::float8 as ms
    from kpi_auto_refresh where org_id = ${orgId}`;
  return row ? Number(row.ms) : 0;
}

/** An automatic refresh of the organisation starts now. */
export async function recordAutoRun(sql: Sql, orgId: string): Promise<void> {
  await sql`
    insert into kpi_auto_refresh (org_id, last_run_at) values (${orgId}, now())
    on conflict (org_id) do update set last_run_at = excluded.last_run_at`;
}
