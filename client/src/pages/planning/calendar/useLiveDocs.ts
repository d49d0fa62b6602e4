import type { SyncDoc } from '@coulisses/shared';
import { useEffect, useState } from 'react';
import type { MangoQuery, RxDocument } from 'rxdb';
import { useSyncControl } from '../../../sync/useSync';

export interface LiveDocs<T> {
  docs: T[];
  /** No result yet for this database (the previous query's result is kept while a new one runs). */
  loading: boolean;
  /** The documents are those of the previous query, the new one has not answered yet. */
  stale: boolean;
}

/** RxDB documents are immutable: one plain copy per document version, reused across emissions. */
const plain = new WeakMap<object, unknown>();
function toPlain<T>(doc: RxDocument<SyncDoc>): T {
  let json = plain.get(doc);
  if (json === undefined) {
    json = doc.toJSON();
    plain.set(doc, json);
  }
  return json as T;
}

/**
 * The live result of a query on a synced collection, like useCollectionQuery, for the calendar's large and
 * moving ranges: the previous result stays on screen while the next range loads (no blank flash), and each
 * document is copied once per version (20 000 assignments re-emit cheaply).
 */
export function useLiveDocs<T extends { id: string }>(name: string, query: MangoQuery<SyncDoc>): LiveDocs<T> {
  const { runtime } = useSyncControl();
  const db = runtime?.db ?? null;
  const key = JSON.stringify(query);
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ db: unknown; key: string; docs: T[] } | null>(null);

  useEffect(() => {
    if (!runtime) return undefined;
    const sub = runtime.collectionReset$.subscribe((reset) => {
      if (reset === name) setGeneration((g) => g + 1);
    });
    return () => sub.unsubscribe();
  }, [runtime, name]);

  useEffect(() => {
    const collection = db?.collections[name];
    if (!db || !collection) return undefined;
    const sub = collection.find(JSON.parse(key) as MangoQuery<SyncDoc>).$.subscribe((found) => {
      setResult({ db, key, docs: found.map((doc) => toPlain<T>(doc as RxDocument<SyncDoc>)) });
    });
    return () => sub.unsubscribe();
  }, [db, name, key, generation]);

  const sameDb = result !== null && result.db === db;
  return { docs: sameDb ? result.docs : [], loading: !sameDb, stale: sameDb && result.key !== key };
}
