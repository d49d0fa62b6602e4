import type { SyncDoc } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';
import { selectDayTimesheetsNaming } from './timeclock-repo';

/**
 * The timesheets without mission that the timesheet recompute may drop as superseded (dropSuperseded: those of
 * the person that name one of the new timesheet's punches), read for a whole pushed batch at once: per person,
 * every live timesheet without mission naming one of the punches asked, plus every timesheet the transaction
 * wrote since (noteDayTimesheet, from the timesheets' afterWrite). A question about a punch not asked answers
 * undefined and its caller asks the database as before.
 */

interface Held {
  asked: Set<string>;
  byUser: Map<string, Map<string, SyncDoc>>;
}

const KEY = Symbol('timeclock.day-timesheets');
const heldOf = (tx: SyncTx): Held => tx.state(KEY, () => ({ asked: new Set<string>(), byUser: new Map() }));

const withoutMission = (doc: Record<string, unknown>): boolean => doc.missionId === undefined || doc.missionId === null || doc.missionId === '';

/** Reads, in one query, the timesheets without mission of these persons that name one of these punches. */
export async function loadDayTimesheets(tx: SyncTx, userIds: readonly string[], punchIds: readonly string[]): Promise<void> {
  const held = heldOf(tx);
  // Asked once per transaction: a second batch (a nested write) asks the database.
  if (held.byUser.size > 0 || userIds.length === 0 || punchIds.length === 0) return;
  await tx.flush();
  const rows = await selectDayTimesheetsNaming(tx, userIds, punchIds);
  for (const u of userIds) held.byUser.set(u, new Map());
  for (const id of punchIds) held.asked.add(id);
  for (const r of rows) held.byUser.get(String(r.doc.userId))?.set(r.id, { ...(r.doc as SyncDoc), id: r.id, _deleted: false });
}

/** Keeps what is held current after a timesheet write of the transaction. */
export function noteDayTimesheet(tx: SyncTx, doc: SyncDoc): void {
  const mine = typeof doc.userId === 'string' ? heldOf(tx).byUser.get(doc.userId) : undefined;
  if (!mine) return;
  if (doc._deleted || !withoutMission(doc)) mine.delete(doc.id);
  else mine.set(doc.id, { ...doc, _deleted: false });
}

/**
 * The person's live timesheets without mission, other than `exceptId`, that name one of these punches, or
 * undefined when a punch was not asked for this person.
 */
export function dayTimesheetsNaming(tx: SyncTx, userId: string, exceptId: string, punchIds: readonly string[]): SyncDoc[] | undefined {
  const held = heldOf(tx);
  const mine = held.byUser.get(userId);
  if (!mine || !punchIds.every((p) => held.asked.has(p))) return undefined;
  const wanted = new Set(punchIds);
  return [...mine.values()].filter((d) => d.id !== exceptId && Array.isArray(d.punchIds) && (d.punchIds as unknown[]).some((p) => typeof p === 'string' && wanted.has(p)));
}
