import { NO_MISSION_START, type SyncDoc } from '@coulisses/shared';
import type { EntityDocs, HookContext, PrefetchRow } from '../sync/hooks';
import type { SyncTx } from '../sync/sync-tx';

/**
 * An assignment carries its mission's start (`missionStartAt`, a server field indexed on the devices), so a
 * planner's week reads its assignments by one index range. The server sets it on every stored assignment, and
 * writes it again on the mission's assignments when the mission moves (or arrives after them: a device offline
 * may push its assignments before their new mission). Reads are per pushed batch (prefetch), with a per-row
 * fallback for writes made outside a push.
 */

const STARTS = Symbol('planning.mission-starts');
const ASSIGNED = Symbol('planning.mission-assignments');

/** Mission id -> its start as this transaction knows it (NO_MISSION_START for a mission not stored or deleted). */
const startsOf = (tx: SyncTx) => tx.state(STARTS, () => new Map<string, string>());
/** Mission id -> its live assignments, for the missions of the batch whose start is new. */
const assignedOf = (tx: SyncTx) => tx.state(ASSIGNED, () => new Map<string, SyncDoc[]>());

async function loadStarts(tx: SyncTx, missionIds: readonly string[]): Promise<Map<string, string>> {
  const starts = startsOf(tx);
  const missing = [...new Set(missionIds)].filter((id) => !starts.has(id));
  if (missing.length === 0) return starts;
  const live = await tx.live('missions', missing);
  for (const id of missing) {
    const start = live.get(id)?.startAt;
    starts.set(id, typeof start === 'string' ? start : NO_MISSION_START);
  }
  return starts;
}

/** Assignments of a batch: their missions' starts, in one query. */
export async function prefetchMissionStarts(rows: readonly PrefetchRow<EntityDocs['assignments']>[], ctx: HookContext): Promise<void> {
  await loadStarts(ctx.tx, rows.map((r) => r.doc.missionId));
}

/** The assignment's copy of its mission's start (whatever the writer sent). */
export async function withMissionStart(doc: EntityDocs['assignments'], ctx: HookContext): Promise<EntityDocs['assignments']> {
  const start = (await loadStarts(ctx.tx, [doc.missionId])).get(doc.missionId) ?? NO_MISSION_START;
  return { ...doc, missionStartAt: start };
}

const startMoved = (doc: SyncDoc, before: SyncDoc | undefined): boolean => !doc._deleted && before?.startAt !== doc.startAt;

/** Missions of a batch that are new or move: their live assignments, in one query. */
export async function prefetchMissionAssignments(rows: readonly PrefetchRow<EntityDocs['missions']>[], ctx: HookContext): Promise<void> {
  const assigned = assignedOf(ctx.tx);
  const ids = [...new Set(rows.filter((r) => startMoved(r.doc, r.before)).map((r) => r.doc.id))].filter((id) => !assigned.has(id));
  if (ids.length === 0) return;
  for (const id of ids) assigned.set(id, []);
  for (const a of await ctx.tx.liveWhere('assignments', 'missionId', ids)) assigned.get(String(a.missionId))?.push(a);
}

/** A mission stored: its start is the one its assignments carry from now on. */
export async function copyMissionStart(after: EntityDocs['missions'], ctx: HookContext): Promise<void> {
  const { tx } = ctx;
  startsOf(tx).set(after.id, after._deleted ? NO_MISSION_START : after.startAt);
  if (!startMoved(after, ctx.before)) return;
  const assigned = assignedOf(tx);
  // A copy: each write below updates the batch's list (noteMissionAssignment).
  const list = [...(assigned.get(after.id) ?? (await tx.liveWhere('assignments', 'missionId', [after.id])))];
  const next: SyncDoc[] = [];
  for (const a of list) {
    if (a.missionStartAt === after.startAt) {
      next.push(a);
      continue;
    }
    const moved = { ...a, missionStartAt: after.startAt };
    await tx.write('assignments', moved, { before: a, accountId: null, viewer: null });
    next.push(moved);
  }
  assigned.set(after.id, next);
}

/** Keeps the batch's lists current after an assignment write of the transaction (afterWrite). */
export function noteMissionAssignment(tx: SyncTx, doc: SyncDoc): void {
  const list = assignedOf(tx).get(String(doc.missionId));
  if (!list) return;
  const at = list.findIndex((a) => a.id === doc.id);
  if (at >= 0) list.splice(at, 1);
  if (!doc._deleted) list.push(doc);
}
