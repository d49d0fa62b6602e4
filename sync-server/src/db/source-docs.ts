import type { Sql } from './connect';

/**
 * Reads of the stored documents that computed figures start from (automatic KPIs in kpi/auto-refresh.ts, the
 * analytics warehouse in analytics/refresh.ts): one place for the SQL both use.
 */

export type DocRow = { id: string; doc: Record<string, unknown> };

/** Live missions whose start's UTC date is between two dates (the caller keeps those of its local period). */
export function missionsStartingBetween(sql: Sql, orgId: string, fromDate: string, toDate: string): Promise<DocRow[]> {
  return sql<DocRow[]>`
    select id, doc from missions
    where org_id = ${orgId} and not deleted
      and left(doc->>'startAt', 10) >= ${fromDate} and left(doc->>'startAt', 10) <= ${toDate}`;
}

/** Live missions of these ids. */
export async function missionsByIds(sql: Sql, orgId: string, ids: readonly string[]): Promise<DocRow[]> {
  if (ids.length === 0) return [];
  return sql<DocRow[]>`select id, doc from missions where org_id = ${orgId} and not deleted and id = any(${ids as string[]}::text[])`;
}

/** Live assignments of these missions. */
export async function assignmentsOf(sql: Sql, orgId: string, missionIds: readonly string[]): Promise<DocRow[]> {
  if (missionIds.length === 0) return [];
  return sql<DocRow[]>`
    select id, doc from assignments
    where org_id = ${orgId} and not deleted and doc->>'missionId' = any(${missionIds as string[]}::text[])`;
}

/** IN punches of these missions (the first clock in of each person is what late starts read). */
export async function inPunchesOf(sql: Sql, orgId: string, missionIds: readonly string[]): Promise<DocRow[]> {
  if (missionIds.length === 0) return [];
  return sql<DocRow[]>`
    select id, doc from field_events
    where org_id = ${orgId} and not deleted and doc->>'kind' = 'PUNCH' and doc->'payload'->>'punchType' = 'IN'
      and doc->>'missionId' = any(${missionIds as string[]}::text[])`;
}

/** The organisation's people, deleted ones too (their contract selects rate profiles; old timesheets name them). */
export function peopleOf(sql: Sql, orgId: string): Promise<DocRow[]> {
  return sql<DocRow[]>`select id, doc from users where org_id = ${orgId}`;
}

/** The organisation's live rate profiles. */
export function rateProfileDocs(sql: Sql, orgId: string): Promise<DocRow[]> {
  return sql<DocRow[]>`select id, doc from reference where org_id = ${orgId} and not deleted and doc->>'kind' = 'rate_profile'`;
}
