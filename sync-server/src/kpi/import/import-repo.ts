import { KPI_FREQUENCIES, type KpiFrequency, type SyncDoc } from '@coulisses/shared';
import type { ImportKpi } from '@coulisses/shared/kpi/import/index';
import type { Sql } from '../../db/connect';

type Row = { id: string; doc: Record<string, unknown> };

/** The organisation's live KPI definitions (reference documents of kind kpi), as the import matches them. */
export async function importKpis(sql: Sql, orgId: string): Promise<{ kpis: ImportKpi[] }> {
  const rows = await sql<Row[]>`select id, doc from reference where org_id = ${orgId} and not deleted and doc->>'kind' = 'kpi'`;
  const kpis: ImportKpi[] = [];
  for (const { id, doc } of rows) {
    const data = (doc.data ?? {}) as Record<string, unknown>;
    const frequency = data.frequency as KpiFrequency;
    if (!(KPI_FREQUENCIES as readonly string[]).includes(frequency)) continue;
    kpis.push({ id, name: String(doc.name ?? ''), frequency, source: String(data.source ?? ''), active: data.active !== false });
  }
  return { kpis };
}

/** What the import compares of a stored value: its id, value and comment, by kpiId and periodStart. */
export interface StoredValue {
  id: string;
  value: number;
  comment: string | undefined;
}

/**
 * The live values of these KPIs, by kpiId and periodStart, read inside the import's transaction. Only the fields
 * compared are read (a re-import of 50,000 unchanged rows transfers no documents); the documents of the values
 * that change are read by id (tx.rows).
 */
export async function liveValues(tx: Sql, orgId: string, kpiIds: readonly string[]): Promise<Map<string, StoredValue>> {
  const out = new Map<string, StoredValue>();
  if (kpiIds.length === 0) return out;
  const rows = await tx<{ id: string; kpi_id: string; period_start: string; value: number | null; comment: string | null }[]>`
    select id, doc->>'kpiId' as kpi_id, doc->>'periodStart' as period_start, (doc->>'value')::float8 as value, doc->>'comment' as comment
    from kpi_values where org_id = ${orgId} and not deleted and doc->>'kpiId' = any(${kpiIds as string[]}::text[])`;
  for (const r of rows) out.set(valueKey(r.kpi_id, r.period_start), { id: r.id, value: Number(r.value), comment: r.comment ?? undefined });
  return out;
}

export function valueKey(kpiId: string, periodStart: string): string {
  return `${kpiId}\u0001${periodStart}`;
}

/** Import jobs of the organisation, newest first. */
export async function listImportJobs(sql: Sql, orgId: string, limit = 50): Promise<SyncDoc[]> {
  const rows = await sql<Row[]>`
    select id, doc from analytics_slices where org_id = ${orgId} and not deleted and doc->>'kind' = 'import_job'
    order by doc->'data'->>'createdAt' desc, id desc limit ${limit}`;
  return rows.map((r) => r.doc as SyncDoc);
}

export async function getImportJob(sql: Sql, orgId: string, id: string): Promise<SyncDoc | null> {
  const rows = await sql<Row[]>`
    select id, doc from analytics_slices where org_id = ${orgId} and id = ${id} and not deleted and doc->>'kind' = 'import_job'`;
  return (rows[0]?.doc as SyncDoc | undefined) ?? null;
}

/** The organisation's time zone (KPI periods and a job's day are local dates there). */
export async function orgZone(sql: Sql, orgId: string): Promise<string> {
  const [org] = await sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${orgId}`;
  return org?.timezone || 'Europe/Paris';
}
