import type { SyncDoc } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';

/**
 * Timesheets by id as the table holds them, for the length of a transaction: read for a whole pushed batch at
 * once (the timesheets a batch's punches may recompute, those around a batch's ranges) and set by every
 * timesheet write of the transaction (noteTimesheet, from the timesheets' afterWrite). An id not held is read.
 */

const KEY = Symbol('timeclock.held-timesheets');
/** id -> the live timesheet, or undefined when there is none. */
const heldOf = (tx: SyncTx): Map<string, SyncDoc | undefined> => tx.state(KEY, () => new Map());
/** Rows read by another query, as stored, made documents when first asked (most are never asked). */
const RAW = Symbol('timeclock.held-timesheets.raw');
const rawOf = (tx: SyncTx): Map<string, Record<string, unknown>> => tx.state(RAW, () => new Map());

/** Moves the rows read for these ids, if any, to the held documents. */
function materialize(tx: SyncTx, ids: Iterable<string>): void {
  const raw = rawOf(tx);
  if (raw.size === 0) return;
  const held = heldOf(tx);
  for (const id of ids) {
    const doc = raw.get(id);
    if (!doc) continue;
    raw.delete(id);
    if (!held.has(id)) held.set(id, { ...(doc as SyncDoc), id, _deleted: false });
  }
}

/** Reads these ids (those not held yet) in one query. */
export async function holdTimesheets(tx: SyncTx, ids: Iterable<string>): Promise<void> {
  const held = heldOf(tx);
  const unique = [...new Set(ids)];
  materialize(tx, unique);
  const wanted = unique.filter((id) => !held.has(id));
  if (wanted.length === 0) return;
  const live = await tx.live('timesheets', wanted);
  for (const id of wanted) held.set(id, live.get(id));
}

/** Holds live timesheets read by another query of the transaction (as stored now). */
export function holdRead(tx: SyncTx, rows: readonly { id: string; doc: Record<string, unknown> }[]): void {
  const held = heldOf(tx);
  const raw = rawOf(tx);
  for (const r of rows) if (!held.has(r.id)) raw.set(r.id, r.doc);
}

/** The live timesheet with this id (undefined when none), held or read. */
export async function liveTimesheet(tx: SyncTx, id: string): Promise<SyncDoc | undefined> {
  await holdTimesheets(tx, [id]);
  return heldOf(tx).get(id);
}

/** The live timesheets among these ids, held or read (one query for those not held). */
export async function liveTimesheets(tx: SyncTx, ids: readonly string[]): Promise<SyncDoc[]> {
  await holdTimesheets(tx, ids);
  const held = heldOf(tx);
  return ids.flatMap((id) => {
    const doc = held.get(id);
    return doc ? [doc] : [];
  });
}

/** Every timesheet write of the transaction: what the table now holds for its id. */
export function noteTimesheet(tx: SyncTx, doc: SyncDoc): void {
  rawOf(tx).delete(doc.id);
  heldOf(tx).set(doc.id, doc._deleted ? undefined : doc);
}
