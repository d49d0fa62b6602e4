import type { EntityDef, SyncDoc } from '@coulisses/shared';

/** A document as the storage holds it: its fields plus RxDB's bookkeeping (_meta, _rev, _attachments). */
export type StoredDoc = SyncDoc & { _deleted?: boolean; _meta?: unknown; _rev?: unknown; _attachments?: unknown };

/** A document state without the storage's bookkeeping, with its deletion flag. */
export type DocState = SyncDoc & { _deleted: boolean };

/** The document's own state: RxDB's bookkeeping removed, the deletion flag kept. */
export function docState(stored: StoredDoc): DocState {
  const { _meta: _m, _rev: _r, _attachments: _a, _deleted, ...doc } = stored;
  return { ...(doc as SyncDoc), _deleted: Boolean(_deleted) };
}

/**
 * A document stored at `fromVersion` brought to the entity's version: the registry's upgrade of every version
 * in between, in order (a version without one keeps the document as it is). The deletion flag is kept apart
 * (upgrades see the document's fields only).
 */
export function upgradeDoc(entity: EntityDef, fromVersion: number, state: DocState): DocState {
  const { _deleted, ...fields } = state;
  let doc = fields as SyncDoc;
  for (let v = fromVersion + 1; v <= entity.version; v++) doc = entity.upgrades?.[v]?.(doc) ?? doc;
  return { ...doc, _deleted };
}

/** The registry's upgrade for each version up to the entity's, as RxDB migration strategies. */
export function migrationStrategies(entity: EntityDef): Record<number, (doc: SyncDoc) => SyncDoc> {
  const out: Record<number, (doc: SyncDoc) => SyncDoc> = {};
  for (let v = 1; v <= entity.version; v++) out[v] = entity.upgrades?.[v] ?? ((doc) => doc);
  return out;
}

/** Versions older than the entity's, oldest first (a store may still hold any of them). */
export function olderVersions(entity: EntityDef): number[] {
  return Array.from({ length: entity.version }, (_, v) => v);
}

/** The name RxDB's Dexie storage gives the IndexedDB database of one storage instance (dexie-helper.ts). */
export function dexieDatabaseName(databaseName: string, version: number, collectionName: string): string {
  return `rxdb-dexie-${databaseName}--${version}--${collectionName}`;
}
