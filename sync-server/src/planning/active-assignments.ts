import { ACTIVE_ASSIGNMENT_STATUSES, type SyncDoc } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';

const ACTIVE: readonly string[] = ACTIVE_ASSIGNMENT_STATUSES;
const KEY = Symbol('planning.active-assignments');

/** Per mission read so far in this transaction: its live active assignments (assignment id -> person id). */
type ByMission = Map<string, Map<string, string>>;

const cacheOf = (tx: SyncTx): ByMission => tx.state(KEY, () => new Map());

export const isActive = (doc: SyncDoc | undefined): boolean => !!doc && !doc._deleted && ACTIVE.includes(String(doc.status));

/**
 * Reads, in one query, the live active assignments of these (mission, person) pairs' missions that name one of
 * their persons, for the missions not read yet in this transaction (through the persons' index). Every
 * assignment written afterwards in the transaction is noted by noteAssignment, so the cache stays what the table
 * holds.
 */
export async function loadActivePairs(tx: SyncTx, pairs: readonly { missionId: string; userId: string }[]): Promise<void> {
  const cache = cacheOf(tx);
  const wanted = pairs.filter((p) => !cache.has(p.missionId));
  if (wanted.length === 0) return;
  const missions = [...new Set(wanted.map((p) => p.missionId))];
  const users = [...new Set(wanted.map((p) => p.userId))];
  await tx.flush();
  const rows = await tx.sql<{ id: string; mission_id: string; user_id: string }[]>`
    select id, doc->>'missionId' as mission_id, doc->>'userId' as user_id from assignments
    where org_id = ${tx.orgId} and not deleted and doc->>'userId' = any(${users}::text[])
      and doc->>'missionId' = any(${missions}::text[]) and doc->>'status' in ('INVITED', 'ACCEPTED')`;
  // A mission is complete in the cache only for the persons asked: keep the persons asked with it.
  for (const m of missions) cache.set(m, new Map());
  for (const r of rows) cache.get(r.mission_id)?.set(r.id, r.user_id);
  const asked = tx.state(ASKED, () => new Map<string, Set<string>>());
  for (const p of wanted) {
    const set = asked.get(p.missionId) ?? new Set<string>();
    set.add(p.userId);
    asked.set(p.missionId, set);
  }
}

const ASKED = Symbol('planning.active-assignments.asked');

/**
 * Whether the person has another live active assignment on the mission, from the cache when the pair was read
 * in this transaction, else undefined (the caller asks the database).
 */
export function otherActiveOnMission(tx: SyncTx, missionId: string, userId: string, exceptId: string): boolean | undefined {
  const asked = tx.state(ASKED, () => new Map<string, Set<string>>()).get(missionId);
  const mission = cacheOf(tx).get(missionId);
  if (!mission || !asked?.has(userId)) return undefined;
  for (const [id, user] of mission) if (user === userId && id !== exceptId) return true;
  return false;
}

/** Keeps the cache current after an assignment write of the transaction (afterWrite). */
export function noteAssignment(tx: SyncTx, doc: SyncDoc, before: SyncDoc | undefined): void {
  const cache = cacheOf(tx);
  for (const m of [before?.missionId, doc.missionId]) if (typeof m === 'string') cache.get(m)?.delete(doc.id);
  const mission = typeof doc.missionId === 'string' ? cache.get(doc.missionId) : undefined;
  if (mission && isActive(doc) && typeof doc.userId === 'string') mission.set(doc.id, doc.userId);
}
