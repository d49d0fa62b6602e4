import type { SyncDoc } from '@coulisses/shared';
import { useEffect, useState } from 'react';
import type { MangoQuery, RxDocument } from 'rxdb';
import { useSyncControl } from './useSync';

export interface CollectionQueryResult<T> {
  docs: T[];
  /** No result yet for this database (and, without keepPrevious, for this query). */
  loading: boolean;
  /** With keepPrevious: the documents are those of the previous query, the new one has not answered yet. */
  stale: boolean;
}

export interface CollectionQueryOptions {
  /** Keep the previous query's result on screen while the next one runs (moving ranges: no blank flash). */
  keepPrevious?: boolean;
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
 * The live result of an RxDB query on a synced collection (query$ into React state), as plain JSON documents,
 * each copied once per version (20 000 assignments re-emit cheaply). It follows local writes, other tabs' writes
 * and what the replication pulls, and subscribes again when the engine re-creates the collection (a checkpoint
 * too old for the server).
 */
export function useCollectionQuery<T extends { id: string } = SyncDoc>(
  name: string,
  query: MangoQuery<SyncDoc> = {},
  options: CollectionQueryOptions = {},
): CollectionQueryResult<T> {
  const { runtime } = useSyncControl();
  const db = runtime?.db ?? null;
  const key = `${name}:${JSON.stringify(query)}`;
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
    const mango = JSON.parse(key.slice(name.length + 1)) as MangoQuery<SyncDoc>;
    // A collection being re-created (a reset) is closed for a moment: the reset event subscribes again.
    let sub: { unsubscribe(): void } | undefined;
    try {
      sub = collection.find(mango).$.subscribe({
        next: (found) => setResult({ db, key, docs: found.map((doc) => toPlain<T>(doc as RxDocument<SyncDoc>)) }),
        error: () => undefined,
      });
    } catch {
      sub = undefined;
    }
    return () => sub?.unsubscribe();
  }, [db, name, key, generation]);

  const sameDb = result !== null && result.db === db;
  const current = sameDb && result.key === key;
  if (options.keepPrevious) return { docs: sameDb ? result.docs : [], loading: !sameDb, stale: sameDb && !current };
  return { docs: current ? result.docs : [], loading: !current, stale: false };
}
