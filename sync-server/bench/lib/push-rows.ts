import { benchDocs, editedDoc, type BenchCollection, type Doc } from './collection-docs';

export interface PushRowLike {
  assumedMasterState?: Record<string, unknown> | null;
  newDocumentState: Record<string, unknown>;
}

/** The state the server stores for a seeded or inserted document (what a client pulled: _deleted false). */
export const asPulled = <D extends Record<string, unknown>>(d: D) => ({ ...d, _deleted: false });

/** The documents of a phase as a plain upsert writes them: new ones, or their first edit. */
export function phaseDocs(collection: BenchCollection, mode: 'insert' | 'update', count: number, seed: number, from: number): Doc[] {
  const docs = benchDocs(collection, count, seed, from);
  return mode === 'update' ? docs.map((d) => editedDoc(collection, d, 'u1', 60_000)) : docs;
}

/**
 * The rows a client pushes for the phases of the push bench: `insert` (new documents), `update` (an edit on
 * top of the server's current state, the normal case: the conflict check finds no conflict) and `conflict`
 * (missions only: a second edit still based on the original state: the server runs the field merge and logs it).
 */
export function pushRows(mode: 'insert' | 'update' | 'conflict', count: number, seed: number, from: number, collection: BenchCollection = 'missions'): PushRowLike[] {
  const docs = benchDocs(collection, count, seed, from);
  if (mode === 'insert') return docs.map((d) => ({ newDocumentState: asPulled(d) }));
  if (mode === 'update') return docs.map((d) => ({ assumedMasterState: asPulled(d), newDocumentState: asPulled(editedDoc(collection, d, 'u1', 60_000)) }));
  return docs.map((d) => ({ assumedMasterState: asPulled(d), newDocumentState: asPulled({ ...editedDoc(collection, d, 'u2', 120_000), status: 'CANCELLED' }) }));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
