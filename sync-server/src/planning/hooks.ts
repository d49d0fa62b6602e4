import { ACTIVE_ASSIGNMENT_STATUSES } from '@coulisses/shared';
import { getOrgSettings } from '../org/settings-repo';
import type { DomainHooks, EntityDocs, HookContext } from '../sync/hooks';

const ACTIVE: readonly string[] = ACTIVE_ASSIGNMENT_STATUSES;

/**
 * One active assignment per mission and person, and no overlapping active assignments where the organisation
 * refuses them (checked when an assignment becomes active).
 */
async function assignmentCheck(doc: EntityDocs['assignments'], ctx: HookContext): Promise<string | null> {
  if (doc._deleted || !ACTIVE.includes(doc.status)) return null;
  const before = ctx.before;
  const becameActive = !before || !ACTIVE.includes(String(before.status));
  if (!becameActive) return null;
  await ctx.tx.flush();
  const others = await ctx.tx.sql<{ id: string; mission_id: string }[]>`
    select id, doc->>'missionId' as mission_id from assignments
    where org_id = ${ctx.orgId} and not deleted and id <> ${doc.id} and doc->>'userId' = ${doc.userId}
      and doc->>'status' in ('INVITED', 'ACCEPTED')`;
  if (others.some((o) => o.mission_id === doc.missionId)) return 'DUPLICATE_ASSIGNMENT';
  const settings = await getOrgSettings(ctx.tx.sql, ctx.orgId);
  if (settings.overlapPolicy !== 'REFUSE' || others.length === 0) return null;
  const missions = await ctx.tx.live('missions', [doc.missionId, ...others.map((o) => o.mission_id)]);
  const mine = missions.get(doc.missionId);
  if (!mine) return null;
  const [start, end] = [Date.parse(String(mine.startAt)), Date.parse(String(mine.endAt))];
  for (const o of others) {
    const m = missions.get(o.mission_id);
    if (!m || m.status === 'CANCELLED') continue;
    if (Date.parse(String(m.startAt)) < end && start < Date.parse(String(m.endAt))) return 'OVERLAP';
  }
  return null;
}

/**
 * A crew member's availability stands at once where no approval is asked; otherwise a new or changed window
 * waits for a manager again.
 */
async function availabilityServerFields(doc: EntityDocs['availabilities'], ctx: HookContext): Promise<EntityDocs['availabilities']> {
  if (ctx.viewer?.role !== 'TECH') return doc;
  const approval = (await getOrgSettings(ctx.tx.sql, ctx.orgId)).availabilityApproval;
  const before = ctx.before;
  const changed = !before || (['kind', 'startAt', 'endAt', 'weeklyUntil'] as const).some((f) => JSON.stringify(before[f]) !== JSON.stringify(doc[f]));
  return { ...doc, status: !approval ? 'APPROVED' : changed ? 'PENDING' : (before.status as typeof doc.status) };
}

/** Projects, missions, assignments, availability. */
export const planningHooks: DomainHooks = {
  domain: 'planning',
  entities: {
    assignments: { check: assignmentCheck },
    availabilities: { serverFields: availabilityServerFields },
  },
};
