import type { SyncDoc } from '@coulisses/shared';
import { useEffect, useState } from 'react';
import type { MangoQuery } from 'rxdb';
import { useSyncControl } from './useSync';

export interface CollectionQueryResult<T> {
  docs: T[];
  /** No result yet for this database and query. */
  loading: boolean;
}

/**
 * The live result of an RxDB query on a synced collection (query$ into React state), as plain JSON documents.
 * It follows local writes, other tabs' writes and what the replication pulls, and subscribes again when the
 * engine re-creates the collection (a checkpoint too old for the server).
 */
export function useCollectionQuery<T extends { id: string } = SyncDoc>(name: string, query: MangoQuery<SyncDoc> = {}): CollectionQueryResult<T> {
  const { runtime } = useSyncControl();
  const db = runtime?.db ?? null;
  const queryKey = JSON.stringify(query);
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
    const key = `${name}:${queryKey}`;
    const sub = collection.find(JSON.parse(queryKey) as MangoQuery<SyncDoc>).$.subscribe((found) => {
      setResult({ db, key, docs: found.map((doc) => doc.toJSON() as unknown as T) });
    });
    return () => sub.unsubscribe();
  }, [db, name, queryKey, generation]);

  const current = result && result.db === db && result.key === `${name}:${queryKey}`;
  return { docs: current ? result.docs : [], loading: !current };
}
