import type { SyncDoc } from '@coulisses/shared';
import { useEffect, useMemo, useState } from 'react';
import type { RxDocument } from 'rxdb';
import { useSyncControl } from '../../sync/useSync';
import { nameRefs, type DocLookup, type DocRef, type PlainDoc } from './doc-names';

const keyOf = (collection: string, id: string) => `${collection}/${id}`;

/**
 * Live local documents by collection and id, plus the documents their names need (an assignment's person and
 * mission), as a lookup for naming and formatting. Documents this device does not hold are simply absent.
 */
export function useLocalDocs(refs: readonly DocRef[]): DocLookup {
  const { runtime } = useSyncControl();
  const db = runtime?.db ?? null;
  const [found, setFound] = useState<{ db: unknown; docs: Map<string, PlainDoc> }>(() => ({ db: null, docs: new Map() }));
  const [generation, setGeneration] = useState(0);
  const docs = found.db === db ? found.docs : null;

  // What to read: the refs asked for, and what the names of the documents found so far need.
  const wanted = useMemo(() => {
    const all = new Map<string, DocRef>();
    const add = (r: DocRef) => all.set(keyOf(r.collection, r.id), r);
    refs.forEach(add);
    if (docs) for (const r of refs) nameRefs(r.collection, docs.get(keyOf(r.collection, r.id))).forEach(add);
    const byCollection: Record<string, string[]> = {};
    for (const r of all.values()) (byCollection[r.collection] ??= []).push(r.id);
    for (const ids of Object.values(byCollection)) ids.sort();
    return JSON.stringify(byCollection);
  }, [refs, docs]);

  useEffect(() => {
    if (!runtime) return undefined;
    const sub = runtime.collectionReset$.subscribe(() => setGeneration((g) => g + 1));
    return () => sub.unsubscribe();
  }, [runtime]);

  useEffect(() => {
    if (!db) return undefined;
    const byCollection = JSON.parse(wanted) as Record<string, string[]>;
    const parts = new Map<string, Map<string, PlainDoc>>();
    const subs: { unsubscribe(): void }[] = [];
    for (const [name, ids] of Object.entries(byCollection)) {
      const collection = db.collections[name];
      if (!collection) continue;
      const onResult = (result: Map<string, unknown>) => {
        const part = new Map<string, PlainDoc>();
        for (const [id, doc] of result) part.set(keyOf(name, id), (doc as RxDocument<SyncDoc>).toJSON() as PlainDoc);
        parts.set(name, part);
        const merged = new Map<string, PlainDoc>();
        for (const p of parts.values()) for (const [k, v] of p) merged.set(k, v);
        setFound({ db, docs: merged });
      };
      // A collection being re-created (a reset) is closed for a moment: the reset event subscribes again.
      try {
        subs.push(collection.findByIds(ids).$.subscribe({ next: onResult, error: () => undefined }));
      } catch {
        // closed: wait for collectionReset$
      }
    }
    return () => subs.forEach((s) => s.unsubscribe());
  }, [db, wanted, generation]);

  return useMemo<DocLookup>(() => (collection, id) => docs?.get(keyOf(collection, id)), [docs]);
}
