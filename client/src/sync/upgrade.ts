import type { EntityDef } from '@coulisses/shared';
import { addConnectedStorageToCollection, getRxReplicationMetaInstanceSchema, hasEncryption, type RxJsonSchema } from 'rxdb';
import type { SyncDatabase } from './database';
import type { Outbox } from './outbox';
import { docState, olderVersions, upgradeDoc, type DocState, type StoredDoc } from './upgrade-docs';
import {
  collectionMetas,
  commitUpgrade,
  dropCommitted,
  dropInstance,
  instancesOf,
  masterRowId,
  openInstance,
  replicationMetas,
  type CollectionMeta,
} from './upgrade-storage';

/**
 * Steps of a collection's upgrade, in order. 'read': the unpushed documents were read from the old version and
 * upgraded in memory; 'written': they are in the new version (with their assumed master states); 'committed':
 * the old version is forgotten (the upgrade is done); 'dropped': its storage is deleted.
 */
export type UpgradePhase = 'read' | 'written' | 'committed' | 'dropped';

export interface UpgradeStep {
  collection: string;
  phase: UpgradePhase;
  fromVersion: number;
  toVersion: number;
  /** Unpushed documents carried to the new version. */
  kept: number;
}

/** Told of each step (progress); awaited, so a test can stop an upgrade at a step as a closed page would. */
export type UpgradeObserver = (step: UpgradeStep) => void | Promise<void>;

/** A replication's assumed master states of the unpushed documents (the base their push is checked against). */
interface CarriedMeta {
  collectionName: string;
  masters: Map<string, DocState>;
}

export interface PendingUpgrade {
  entity: EntityDef;
  /** The stored older versions, oldest first (more than one after an interrupted RxDB migration). */
  old: CollectionMeta[];
  /** The unpushed documents, upgraded to the entity's version. */
  docs: DocState[];
  metas: CarriedMeta[];
}

/**
 * Schema upgrades without migrating the store. A collection whose stored version is older than the
 * registry's starts empty at the new version and is pulled again from the server; only its unpushed
 * documents (the outbox's pending ids) are read from the old version, upgraded by the registry's upgrades and
 * written to the new one together with their assumed master states, so they are pushed afterwards exactly as
 * they would have been (the server checks them against the same base). The outbox is not touched.
 *
 * Crash safety: the old version stays whole until the new one holds the unpushed documents; then one write to
 * RxDB's internal store forgets it (the commit), and only then is its storage deleted. A page closed before
 * the commit upgrades again from the old version on the next open (leftovers of the new version are deleted
 * first); after it, the new version has everything.
 *
 * Runs before addCollections (reads the old version, clears leftovers of the new one) and after it (writes,
 * commits, drops): call prepareUpgrades, addCollections, finishUpgrades, under upgradeLock.
 */
export async function prepareUpgrades(db: SyncDatabase, entities: readonly EntityDef[], outbox: Outbox, onStep?: UpgradeObserver): Promise<PendingUpgrade[]> {
  const out: PendingUpgrade[] = [];
  const upgraded = entities.filter((e) => e.version > 0);
  // Old versions an earlier upgrade committed but a closed page did not delete yet.
  await dropCommitted(db, upgraded.map((e) => ({ name: e.name, versions: olderVersions(e) })));
  for (const entity of upgraded) {
    const old = await collectionMetas(db, entity.name, olderVersions(entity));
    if (old.length === 0) continue;
    const source = old[0]!;
    const { docs, metas } = await readUnpushed(db, entity, source, outbox.pendingIds(entity.name));
    // Whatever an interrupted attempt left at the new version goes: the new version starts from the old one.
    const [leftover] = await collectionMetas(db, entity.name, [entity.version]);
    if (leftover) for (const inst of instancesOf(leftover)) await dropInstance(db, inst);
    out.push({ entity, old, docs, metas });
    await onStep?.(step(entity, source, 'read', docs.length));
  }
  return out;
}

export async function finishUpgrades(db: SyncDatabase, pending: readonly PendingUpgrade[], onStep?: UpgradeObserver): Promise<void> {
  for (const u of pending) {
    const source = u.old[0]!;
    await writeUnpushed(db, u);
    await onStep?.(step(u.entity, source, 'written', u.docs.length));
    await commitUpgrade(db, u.old);
    await onStep?.(step(u.entity, source, 'committed', u.docs.length));
    await dropCommitted(db, [{ name: u.entity.name, versions: [source.data.version] }]);
    await onStep?.(step(u.entity, source, 'dropped', u.docs.length));
  }
}

/** One upgrade at a time per store across the tabs of the browser (Web Locks); as is where there are none. */
export function upgradeLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  type Locks = { request<R>(name: string, fn: () => Promise<R>): Promise<R> };
  const locks = (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
  if (!locks) return fn();
  return locks.request(`cc-upgrade-${name}`, fn);
}

function step(entity: EntityDef, source: CollectionMeta, phase: UpgradePhase, kept: number): UpgradeStep {
  return { collection: entity.name, phase, fromVersion: source.data.version, toVersion: entity.version, kept };
}

async function readUnpushed(db: SyncDatabase, entity: EntityDef, source: CollectionMeta, ids: string[]): Promise<{ docs: DocState[]; metas: CarriedMeta[] }> {
  if (ids.length === 0) return { docs: [], metas: [] };
  const from = source.data.version;
  const docsInst = await openInstance<StoredDoc>(db, { collectionName: source.data.name, schema: source.data.schema as RxJsonSchema<unknown> });
  let docs: DocState[];
  try {
    docs = (await docsInst.findDocumentsById(ids, true)).map((d) => upgradeDoc(entity, from, docState(d as StoredDoc)));
  } finally {
    await docsInst.close();
  }
  const metas: CarriedMeta[] = [];
  for (const metaInst of replicationMetas(source)) {
    const inst = await openInstance<{ itemId: string; docData: StoredDoc }>(db, metaInst);
    try {
      const rows = await inst.findDocumentsById(ids.map((id) => masterRowId(metaInst.schema, id)), false);
      const masters = new Map(rows.map((r) => [r.itemId, upgradeDoc(entity, from, docState(r.docData))] as const));
      metas.push({ collectionName: metaInst.collectionName, masters });
    } finally {
      await inst.close();
    }
  }
  return { docs, metas };
}

async function writeUnpushed(db: SyncDatabase, u: PendingUpgrade): Promise<void> {
  if (u.docs.length === 0) return;
  const collection = db.collections[u.entity.name]!;
  const metaSchema = getRxReplicationMetaInstanceSchema(collection.schema.jsonSchema, hasEncryption(collection.schema.jsonSchema)) as unknown as RxJsonSchema<unknown>;
  for (const meta of u.metas) {
    const rows = u.docs.flatMap((d) => {
      const master = meta.masters.get(d.id);
      if (!master) return [];
      const row = { id: masterRowId(metaSchema, d.id), itemId: d.id, isCheckpoint: '0', docData: master, _deleted: false, _attachments: {}, _meta: { lwt: Date.now() }, _rev: `1-${db.token}` };
      return [{ document: row }];
    });
    if (rows.length === 0) continue;
    // Registered first, so that a later upgrade finds these rows even if the replication never ran here.
    await addConnectedStorageToCollection(collection as never, meta.collectionName, metaSchema as never);
    const inst = await openInstance(db, { collectionName: meta.collectionName, schema: metaSchema });
    try {
      throwOnErrors(await inst.bulkWrite(rows as never, 'cc-upgrade'), 'replication meta');
    } finally {
      await inst.close();
    }
  }
  // Written as local writes (no replication origin): the replication pushes them against their carried base.
  const rows = u.docs.map((d) => ({ document: { ...d, _attachments: {} } }));
  throwOnErrors(await collection.storageInstance.bulkWrite(rows as never, 'cc-upgrade'), 'documents');
}

function throwOnErrors(res: { error: unknown[] }, what: string): void {
  if (res.error.length > 0) throw new Error(`upgrade: ${res.error.length} ${what} not written, first ${JSON.stringify(res.error[0]).slice(0, 300)}`);
}
