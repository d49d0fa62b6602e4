import type { SyncDoc } from '@coulisses/shared';
import {
  addConnectedStorageToCollection,
  getComposedPrimaryKeyOfDocumentData,
  getRxReplicationMetaInstanceSchema,
  now,
  type BulkWriteRow,
  type RxStorageInstance,
} from 'rxdb';
import type { SyncCollection } from './database';

/** The replication identifier the engine gives RxDB for a collection (RxDB keys its meta data with it). */
export function replicationIdentifier(collection: string): string {
  return `cc-sync-${collection}`;
}

/**
 * Documents written from a snapshot carry the smallest last-write time RxDB allows: below every real write.
 * The upstream (push) of the collection then starts at SNAPSHOT_UPSTREAM_CHECKPOINT, after every snapshot
 * document and before any local write (those carry the real time), so server states are never pushed back and
 * no local write is skipped, including the unpushed writes a reset collection kept.
 */
export const SNAPSHOT_LWT = 1;
export const SNAPSHOT_UPSTREAM_CHECKPOINT = { id: '\uffff', lwt: SNAPSHOT_LWT };

const CONTEXT = 'cc-snapshot';

type MetaDoc = { id: string; isCheckpoint: '0'; itemId: string; docData: SyncDoc };

/**
 * Writes server states into a collection the way RxDB's own replication leaves them after a pull, in bulk: the
 * document in the collection's storage (no RxCollection hooks, so nothing enters the outbox: these are not local
 * writes) and its "assumed master state" in the replication's meta storage (so a later local edit is pushed with
 * the state it was based on, and a later pulled change replaces it). Meta first, then the document: a page cut
 * in the middle (the tab closed) leaves at worst a meta state without its document, which the next pull repairs.
 * Insert only: a document already there (an unpushed local write) is never overwritten.
 */
export class SnapshotWriter {
  private constructor(
    private readonly collection: SyncCollection,
    private readonly meta: RxStorageInstance<MetaDoc, unknown, unknown>,
    private readonly rev: string,
  ) {}

  static async open(collection: SyncCollection): Promise<SnapshotWriter> {
    const db = collection.database;
    const collectionName = 'rx-replication-meta-' + (await db.hashFunction([collection.name, replicationIdentifier(collection.name)].join('-')));
    const schema = getRxReplicationMetaInstanceSchema(collection.schema.jsonSchema, false);
    const meta = (await db.storage.createStorageInstance({
      databaseName: db.name,
      collectionName,
      databaseInstanceToken: db.token,
      multiInstance: db.multiInstance,
      options: {},
      schema,
      password: db.password,
      devMode: false,
    })) as unknown as RxStorageInstance<MetaDoc, unknown, unknown>;
    // Registered like RxDB's replication does, so removing the collection removes this storage too.
    await addConnectedStorageToCollection(collection as never, collectionName, schema);
    return new SnapshotWriter(collection, meta, `1-${db.token}`);
  }

  /** Writes one page; answers how many documents were new here. */
  async write(docs: SyncDoc[]): Promise<number> {
    if (docs.length === 0) return 0;
    const lwt = now();
    const metaRows = docs.map((doc) => ({
      document: {
        id: getComposedPrimaryKeyOfDocumentData(this.meta.schema as never, { itemId: doc.id, isCheckpoint: '0' }),
        isCheckpoint: '0' as const,
        itemId: doc.id,
        docData: { ...doc, _deleted: false },
        _attachments: {},
        _deleted: false,
        _rev: this.rev,
        _meta: { lwt },
      },
    })) as unknown as BulkWriteRow<MetaDoc>[];
    await this.meta.bulkWrite(metaRows, CONTEXT);
    const meta = { lwt: SNAPSHOT_LWT };
    const rows = docs.map((doc) => ({ document: { ...doc, _deleted: false, _attachments: {}, _rev: this.rev, _meta: meta } })) as unknown as BulkWriteRow<SyncDoc>[];
    const res = await this.collection.internalStorageInstance.bulkWrite(rows, CONTEXT);
    const failed = res.error.filter((e) => e.status !== 409);
    if (failed.length > 0) throw new Error(`snapshot write ${this.collection.name}: ${failed.length} errors, first ${JSON.stringify(failed[0]).slice(0, 200)}`);
    return docs.length - res.error.length;
  }

  async close(): Promise<void> {
    await this.meta.close();
  }
}
