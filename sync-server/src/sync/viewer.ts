import type { Viewer, ViewerFacts } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import type { OrgCaller } from '../http/context';

export interface ViewerContext {
  orgId: string;
  viewer: Viewer;
  facts: ViewerFacts;
}

/** The schedulable person linked to the account in this organisation, if any. */
export async function linkedUserId(sql: Sql, orgId: string, accountId: string): Promise<string | null> {
  const rows = await sql<{ id: string }[]>`
    select id from users where org_id = ${orgId} and doc->>'accountId' = ${accountId} and not deleted order by id limit 1`;
  return rows[0]?.id ?? null;
}

/** Mission ids with an active (INVITED or ACCEPTED) assignment of this person. */
export async function assignedMissionIds(sql: Sql, orgId: string, userId: string | null): Promise<Set<string>> {
  if (!userId) return new Set();
  const rows = await sql<{ mission_id: string }[]>`
    select doc->>'missionId' as mission_id from assignments
    where org_id = ${orgId} and doc->>'userId' = ${userId} and not deleted and doc->>'status' in ('INVITED', 'ACCEPTED')`;
  return new Set(rows.map((r) => r.mission_id));
}

/** Everything the registry's conditions need to decide for this caller. */
export async function resolveViewer(sql: Sql, caller: OrgCaller): Promise<ViewerContext> {
  const userId = await linkedUserId(sql, caller.activeOrgId, caller.accountId);
  const facts: ViewerFacts = {
    assignedMissionIds: caller.role === 'TECH' ? await assignedMissionIds(sql, caller.activeOrgId, userId) : new Set(),
  };
  return { orgId: caller.activeOrgId, viewer: { role: caller.role, accountId: caller.accountId, userId }, facts };
}
