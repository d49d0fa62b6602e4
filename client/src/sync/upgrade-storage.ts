import {
  INTERNAL_CONTEXT_COLLECTION,
  META_INSTANCE_SCHEMA_TITLE,
  getComposedPrimaryKeyOfDocumentData,
  getPrimaryKeyOfInternalDocument,
  overwritable,
  type InternalStoreCollectionDocType,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageInstance,
} from 'rxdb';
import { dexieDatabaseName } from './upgrade-docs';
import type { SyncDatabase } from './database';

/** What RxDB's internal store says of one stored version of a collection. */
export type CollectionMeta = RxDocumentData<InternalStoreCollectionDocType>;

/** One storage instance of a stored collection version: the documents, or a replication's meta. */
export interface StoredInstance {
  collectionName: string;
  schema: RxJsonSchema<unknown>;
}

/** The internal store's records of these versions of a collection, oldest first (absent versions skipped). */
export async function collectionMetas(db: SyncDatabase, name: string, versions: number[]): Promise<CollectionMeta[]> {
  if (versions.length === 0) return [];
  const ids = versions.map((v) => getPrimaryKeyOfInternalDocument(`${name}-${v}`, INTERNAL_CONTEXT_COLLECTION));
  const found = (await db.internalStore.findDocumentsById(ids, false)) as unknown as CollectionMeta[];
  return found.filter((m) => !m._deleted).sort((a, b) => a.data.version - b.data.version);
}

/** Every storage instance of a stored version: its documents and the replication metas connected to it. */
export function instancesOf(meta: CollectionMeta): StoredInstance[] {
  return [
    { collectionName: meta.data.name, schema: meta.data.schema as RxJsonSchema<unknown> },
    ...meta.data.connectedStorages.map((c) => ({ collectionName: c.collectionName, schema: c.schema as RxJsonSchema<unknown> })),
  ];
}

/** The replication metas (assumed master states, checkpoints) connected to a stored version. */
export function replicationMetas(meta: CollectionMeta): StoredInstance[] {
  return instancesOf(meta).filter((i) => (i.schema as { title?: string }).title === META_INSTANCE_SCHEMA_TITLE);
}

export function openInstance<T>(db: SyncDatabase, inst: StoredInstance): Promise<RxStorageInstance<T, unknown, unknown>> {
  return db.storage.createStorageInstance({
    databaseName: db.name,
    collectionName: inst.collectionName,
    databaseInstanceToken: db.token,
    multiInstance: db.multiInstance,
    options: {},
    schema: inst.schema as RxJsonSchema<RxDocumentData<T>>,
    password: db.password,
    devMode: overwritable.isDevMode(),
  }) as Promise<RxStorageInstance<T, unknown, unknown>>;
}

/** The meta row holding a document's assumed master state (RxDB replication protocol: `<id>|0`). */
export function masterRowId(metaSchema: RxJsonSchema<unknown>, docId: string): string {
  return getComposedPrimaryKeyOfDocumentData(metaSchema as RxJsonSchema<RxDocumentData<{ itemId: string; isCheckpoint: string }>>, { itemId: docId, isCheckpoint: '0' });
}

/** The part of IndexedDB used here (typed locally: the server's tests compile this file without the DOM lib). */
interface IdbFactory {
  deleteDatabase(name: string): { onsuccess: (() => void) | null; onerror: (() => void) | null; onblocked: (() => void) | null; error: unknown };
}

interface DexieLike {
  name?: string;
  settings?: { indexedDB?: IdbFactory };
}

/**
 * Deletes a storage instance with everything in it. On RxDB's Dexie storage it deletes the instance's
 * IndexedDB database (instant, where RxDB's own remove() clears the table row by row: 14 to 30 s for 50 000
 * documents); elsewhere it opens the instance and removes it. A database another tab still holds open is
 * deleted when that tab lets it go (IndexedDB's versionchange; Dexie closes on it).
 */
export async function dropInstance(db: SyncDatabase, inst: StoredInstance): Promise<void> {
  const storage = db.storage as unknown as DexieLike;
  // RxDB's Dexie storage, also when wrapped (dev-mode validation names it 'validate-ajv-dexie').
  const idb = /(^|-)dexie$/.test(storage.name ?? '') ? (storage.settings?.indexedDB ?? (globalThis as { indexedDB?: IdbFactory }).indexedDB) : undefined;
  if (idb) {
    const request = idb.deleteDatabase(dexieDatabaseName(db.name, inst.schema.version, inst.collectionName));
    await new Promise<void>((resolve, reject) => {
      request.onsuccess = () => resolve();
      request.onblocked = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
    });
    return;
  }
  const open = await openInstance(db, inst);
  await open.remove();
}

/** Key of the record listing what an upgrade committed but has not deleted yet (RxDB's internal store). */
function dropKey(name: string, fromVersion: number): string {
  return getPrimaryKeyOfInternalDocument(`cc-upgrade-drop-${name}-${fromVersion}`, 'OTHER');
}

type DropRecord = RxDocumentData<{ id: string; key: string; context: string; data: { instances: StoredInstance[] } }>;

/**
 * The commit point of an upgrade: one write to RxDB's internal store forgets the stored older versions of a
 * collection and records their storage instances as to be deleted (a page closed before they are deleted
 * deletes them on its next open: dropCommitted).
 */
export async function commitUpgrade(db: SyncDatabase, metas: CollectionMeta[]): Promise<void> {
  if (metas.length === 0) return;
  const now = Date.now();
  const name = metas[0]!.data.name;
  const key = `cc-upgrade-drop-${name}-${metas[0]!.data.version}`;
  const record: DropRecord = {
    id: dropKey(name, metas[0]!.data.version),
    key,
    context: 'OTHER',
    data: { instances: metas.flatMap(instancesOf) },
    _deleted: false,
    _attachments: {},
    _meta: { lwt: now },
    _rev: `1-${db.token}`,
  };
  const rows = [
    ...metas.map((m) => ({ previous: m, document: { ...m, _deleted: true, _meta: { ...m._meta, lwt: now }, _rev: nextRev(m._rev, db.token) } })),
    { document: record },
  ];
  const res = await db.internalStore.bulkWrite(rows as never, 'cc-upgrade-commit');
  // A conflict means another tab committed the same upgrade first: nothing left to do.
  const failed = res.error.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`upgrade commit failed: ${JSON.stringify(failed[0]).slice(0, 300)}`);
}

/** Deletes the storage instances of committed upgrades of these collections (older versions), then their records. */
export async function dropCommitted(db: SyncDatabase, collections: readonly { name: string; versions: number[] }[]): Promise<void> {
  const ids = collections.flatMap((c) => c.versions.map((v) => dropKey(c.name, v)));
  if (ids.length === 0) return;
  const records = (await db.internalStore.findDocumentsById(ids, false)) as unknown as DropRecord[];
  for (const record of records) {
    for (const inst of record.data.instances) await dropInstance(db, inst);
    const done = { ...record, _deleted: true, _meta: { ...record._meta, lwt: Date.now() }, _rev: nextRev(record._rev, db.token) };
    await db.internalStore.bulkWrite([{ previous: record, document: done }] as never, 'cc-upgrade-dropped');
  }
}

function nextRev(rev: string, token: string): string {
  return `${Number.parseInt(rev.split('-')[0] ?? '0', 10) + 1}-${token}`;
}
