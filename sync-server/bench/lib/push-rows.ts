import { missionDocs, type MissionDoc } from './docs';

export interface PushRowLike {
  assumedMasterState?: Record<string, unknown> | null;
  newDocumentState: Record<string, unknown>;
}

/** The state the server stores for a seeded or inserted mission (what a client pulled: _deleted false). */
export const asPulled = (d: MissionDoc) => ({ ...d, _deleted: false });

/** A later edit of a mission (title and notes changed, a newer updatedAt). */
export function edited(d: MissionDoc, tag: string, bumpMs: number): MissionDoc {
  return { ...d, title: `${d.title} (${tag})`.slice(0, 200), notes: `Modifie: ${tag}`, updatedAt: new Date(Date.parse(d.updatedAt) + bumpMs).toISOString() };
}

/**
 * The rows a client pushes for the phases of the push bench: `insert` (new documents), `update` (an edit on
 * top of the server's current state, the normal case: the conflict check finds no conflict) and `conflict`
 * (a second edit still based on the original state: the server runs the field merge and logs it).
 */
export function pushRows(mode: 'insert' | 'update' | 'conflict', count: number, seed: number, from: number): PushRowLike[] {
  const docs = missionDocs(count, seed, from);
  if (mode === 'insert') return docs.map((d) => ({ newDocumentState: asPulled(d) }));
  if (mode === 'update') return docs.map((d) => ({ assumedMasterState: asPulled(d), newDocumentState: asPulled(edited(d, 'u1', 60_000)) }));
  return docs.map((d) => ({ assumedMasterState: asPulled(d), newDocumentState: asPulled({ ...edited(d, 'u2', 120_000), status: 'CANCELLED' }) }));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
