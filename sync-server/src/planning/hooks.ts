import { ACTIVE_ASSIGNMENT_STATUSES } from '@coulisses/shared';
import { settingsInTx } from '../org/settings-repo';
import type { DomainHooks, EntityDocs, HookContext, PrefetchRow } from '../sync/hooks';
import { isActive, loadActivePairs, noteAssignment, otherActiveOnMission } from './active-assignments';
import { copyMissionStart, noteMissionAssignment, prefetchMissionAssignments, prefetchMissionStarts, withMissionStart } from './mission-start';

const ACTIVE: readonly string[] = ACTIVE_ASSIGNMENT_STATUSES;

/**
 * One active assignment per mission and person, and no overlapping active assignments where the organisation
 * refuses them (checked when an assignment becomes active). The duplicate check reads the pairs the batch's
 * prefetch loaded (one query per batch); the overlap check, for organisations that refuse overlaps, reads the
 * person's active assignments and their missions.
 */
async function assignmentCheck(doc: EntityDocs['assignments'], ctx: HookContext): Promise<string | null> {
  if (doc._deleted || !ACTIVE.includes(doc.status)) return null;
  const before = ctx.before;
  const becameActive = !before || !ACTIVE.includes(String(before.status));
  if (!becameActive) return null;
  const settings = await settingsInTx(ctx.tx);
  if (settings.overlapPolicy !== 'REFUSE') {
    let duplicate = otherActiveOnMission(ctx.tx, doc.missionId, doc.userId, doc.id);
    if (duplicate === undefined) {
      await loadActivePairs(ctx.tx, [{ missionId: doc.missionId, userId: doc.userId }]);
      duplicate = otherActiveOnMission(ctx.tx, doc.missionId, doc.userId, doc.id) === true;
    }
    return duplicate ? 'DUPLICATE_ASSIGNMENT' : null;
  }
  await ctx.tx.flush();
  const others = await ctx.tx.sql<{ id: string; mission_id: string }[]>`
    select id, doc->>'missionId' as mission_id from assignments
    where org_id = ${ctx.orgId} and not deleted and id <> ${doc.id} and doc->>'userId' = ${doc.userId}
      and doc->>'status' in ('INVITED', 'ACCEPTED')`;
  if (others.some((o) => o.mission_id === doc.missionId)) return 'DUPLICATE_ASSIGNMENT';
  if (others.length === 0) return null;
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

/** The pairs of a pushed batch whose assignment becomes active (the ones the check looks at), read at once. */
async function assignmentPrefetch(rows: readonly PrefetchRow<EntityDocs['assignments']>[], ctx: HookContext): Promise<void> {
  const pairs = rows.filter((r) => isActive(r.doc) && !isActive(r.before)).map((r) => ({ missionId: r.doc.missionId, userId: r.doc.userId }));
  if ((await settingsInTx(ctx.tx)).overlapPolicy !== 'REFUSE') await loadActivePairs(ctx.tx, pairs);
}

/**
 * A crew member's availability stands at once where no approval is asked; otherwise a new or changed window
 * waits for a manager again.
 */
async function availabilityServerFields(doc: EntityDocs['availabilities'], ctx: HookContext): Promise<EntityDocs['availabilities']> {
  if (ctx.viewer?.role !== 'TECH') return doc;
  const approval = (await settingsInTx(ctx.tx)).availabilityApproval;
  const before = ctx.before;
  const changed = !before || (['kind', 'startAt', 'endAt', 'weeklyUntil'] as const).some((f) => JSON.stringify(before[f]) !== JSON.stringify(doc[f]));
  return { ...doc, status: !approval ? 'APPROVED' : changed ? 'PENDING' : (before.status as typeof doc.status) };
}

async function prefetchAssignments(rows: readonly PrefetchRow<EntityDocs['assignments']>[], ctx: HookContext): Promise<void> {
  await assignmentPrefetch(rows, ctx);
  await prefetchMissionStarts(rows, ctx);
}

function afterAssignment(after: EntityDocs['assignments'], ctx: HookContext): void {
  noteAssignment(ctx.tx, after, ctx.before);
  noteMissionAssignment(ctx.tx, after);
}

/** Projects, missions, assignments, availability. */
export const planningHooks: DomainHooks = {
  domain: 'planning',
  entities: {
    missions: { prefetch: prefetchMissionAssignments, afterWrite: copyMissionStart },
    assignments: { prefetch: prefetchAssignments, check: assignmentCheck, serverFields: withMissionStart, afterWrite: afterAssignment },
    availabilities: { serverFields: availabilityServerFields },
  },
};
