import type { SyncCollection, SyncDatabase } from './database';

/**
 * A domain's reaction to local writes of one collection (RxDB collection hooks: replication writes bypass
 * them), registered when the collection opens or is re-created. The server applies the same rule to what it
 * stores; the local hook keeps the device's own view right while it is offline.
 */
export type LocalHook = (collection: SyncCollection, db: SyncDatabase) => void;

/** Each domain's local hooks by collection name (client/src/data/local-hooks.ts lists them). */
export type LocalHooks = Readonly<Record<string, readonly LocalHook[]>>;

/** Registers the hooks of one collection. */
export function registerLocalHooks(hooks: LocalHooks, db: SyncDatabase, name: string): void {
  const collection = db.collections[name];
  if (!collection) return;
  for (const hook of hooks[name] ?? []) hook(collection, db);
}
