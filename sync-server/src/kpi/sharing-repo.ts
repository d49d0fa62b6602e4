import type { SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';

/**
 * Reads of the KPI sharing hooks (sync-server/src/kpi/sharing-hooks.ts), inside the writing transaction (the
 * caller flushes its pending writes first). Organisation-scoped; only live rows.
 */

/** The live persons of each team (users whose teamIds hold it). */
export async function membersOfTeams(sql: Sql, orgId: string, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(teamIds.map((t) => [t, []]));
  if (teamIds.length === 0) return out;
  const rows = await sql<{ id: string; team: string }[]>`
    select u.id, t.team from users u, jsonb_array_elements_text(u.doc->'teamIds') as t(team)
    where u.org_id = ${orgId} and not u.deleted and t.team = any(${teamIds as string[]}::text[])`;
  for (const r of rows) out.get(r.team)?.push(r.id);
  return out;
}

/** The live dashboards whose KPI list holds one of these KPIs. */
export async function dashboardsShowing(sql: Sql, orgId: string, kpiIds: readonly string[]): Promise<SyncDoc[]> {
  if (kpiIds.length === 0) return [];
  const rows = await sql<{ doc: SyncDoc }[]>`
    select doc from reference
    where org_id = ${orgId} and not deleted and doc->>'kind' = 'dashboard' and (doc->'data'->'kpiIds') ?| ${kpiIds as string[]}::text[]`;
  return rows.map((r) => ({ ...r.doc, _deleted: false }));
}

/** The live dashboards shared with one of these teams. */
export async function dashboardsOfTeams(sql: Sql, orgId: string, teamIds: readonly string[]): Promise<SyncDoc[]> {
  if (teamIds.length === 0) return [];
  const rows = await sql<{ doc: SyncDoc }[]>`
    select doc from reference
    where org_id = ${orgId} and not deleted and doc->>'kind' = 'dashboard' and doc->>'sharing' = 'TEAMS'
      and (doc->'teamIds') ?| ${teamIds as string[]}::text[]`;
  return rows.map((r) => ({ ...r.doc, _deleted: false }));
}

/** Every live dashboard of the organisation (a few dozen: what a batch of people's sharing hooks read at once). */
export async function liveDashboards(sql: Sql, orgId: string): Promise<SyncDoc[]> {
  const rows = await sql<{ doc: SyncDoc }[]>`
    select doc from reference where org_id = ${orgId} and not deleted and doc->>'kind' = 'dashboard'`;
  return rows.map((r) => ({ ...r.doc, _deleted: false }));
}
