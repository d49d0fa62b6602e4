import type { SyncDoc } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';

/**
 * Live documents of other entities that the time clock's hooks read by id (a punch's mission and venue, a
 * timesheet's mission), read for a whole pushed batch at once and kept for the transaction: an id read is held
 * as the table holds it (undefined when there is no live document), and every write of the transaction to the
 * entity updates it (noteLive, from the entity's afterWrite).
 */

type Held = Map<string, SyncDoc | undefined>;
/** The entities read this way (each keeps its cache current from its afterWrite in the timeclock hooks). */
type HeldEntity = 'missions' | 'reference' | 'users';
const KEY = Symbol('timeclock.live-cache');
const heldOf = (tx: SyncTx, entity: string): Held => {
  const all = tx.state(KEY, () => new Map<string, Held>());
  let held = all.get(entity);
  if (!held) {
    held = new Map();
    all.set(entity, held);
  }
  return held;
};

/** Reads these ids (those not held yet) in one query. */
export async function loadLive(tx: SyncTx, entity: HeldEntity, ids: Iterable<string>): Promise<void> {
  const held = heldOf(tx, entity);
  const wanted = [...new Set(ids)].filter((id) => !held.has(id));
  if (wanted.length === 0) return;
  const live = await tx.live(entity, wanted);
  for (const id of wanted) held.set(id, live.get(id));
}

/** The live document with this id, from what is held, else from the database (then held). */
export async function liveDoc(tx: SyncTx, entity: HeldEntity, id: string): Promise<SyncDoc | undefined> {
  const held = heldOf(tx, entity);
  if (!held.has(id)) held.set(id, (await tx.live(entity, [id])).get(id));
  return held.get(id);
}

/** Keeps what is held current after a write of the transaction. */
export function noteLive(tx: SyncTx, entity: HeldEntity, doc: SyncDoc): void {
  const held = heldOf(tx, entity);
  if (held.has(doc.id)) held.set(doc.id, doc._deleted ? undefined : doc);
}
