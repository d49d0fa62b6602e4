import type { SyncDoc } from '@coulisses/shared';
import { useMemo } from 'react';
import { useSyncDatabase } from '../sync/useSync';

/** A new document: any object with an id (the registry schema is checked by the builders and by the server). */
export type NewDoc = { id: string; updatedAt: string };

export type CollectionName = 'reference' | 'users' | 'projects' | 'missions' | 'assignments' | 'availabilities' | 'kpi_values' | 'action_plans';

export interface LocalWrites {
  insert: (collection: CollectionName, doc: NewDoc) => Promise<void>;
  bulkInsert: (collection: CollectionName, docs: readonly NewDoc[]) => Promise<void>;
  /** Changes some fields; updatedAt is stamped with now. */
  patch: (collection: CollectionName, id: string, changes: Record<string, unknown>) => Promise<void>;
  /** Replaces the document with fn(current); updatedAt is stamped with now. */
  modify: (collection: CollectionName, id: string, fn: (doc: SyncDoc) => SyncDoc) => Promise<void>;
  /** Soft delete (synced as a tombstone), stamped now. */
  remove: (collection: CollectionName, id: string) => Promise<void>;
}

const stamp = () => new Date().toISOString();

/**
 * Writes to the local store: they work offline, the outbox records them and the leader tab pushes them.
 * Null while no store is open.
 */
export function useLocalWrites(): LocalWrites | null {
  const db = useSyncDatabase();
  return useMemo(() => {
    if (!db) return null;
    // Looked up at each write: the engine may re-create a collection (a checkpoint too old for the server).
    const col = (name: CollectionName) => {
      const c = db.collections[name];
      if (!c) throw new Error(`collection ${name} is not open`);
      return c;
    };
    const find = async (name: CollectionName, id: string) => {
      const doc = await col(name).findOne(id).exec();
      if (!doc) throw new Error(`${name} ${id} not found`);
      return doc;
    };
    return {
      insert: async (name, doc) => {
        await col(name).insert(doc as unknown as SyncDoc);
      },
      bulkInsert: async (name, docs) => {
        if (docs.length === 0) return;
        const res = await col(name).bulkInsert(docs as unknown as SyncDoc[]);
        if (res.error.length > 0) throw new Error(`${res.error.length} of ${docs.length} ${name} not saved`);
      },
      patch: async (name, id, changes) => {
        await (await find(name, id)).incrementalPatch({ ...changes, updatedAt: stamp() });
      },
      modify: async (name, id, fn) => {
        await (await find(name, id)).incrementalModify((current) => ({ ...fn(current as SyncDoc), updatedAt: stamp() }));
      },
      remove: async (name, id) => {
        // One write: the tombstone carries the time of the deletion (postSave records it in the outbox).
        await (await find(name, id)).incrementalModify((current) => ({ ...current, updatedAt: stamp(), _deleted: true }));
      },
    };
  }, [db]);
}
