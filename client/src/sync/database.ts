import {
  ENTITIES,
  resolveConflict,
  sameValue,
  toRxJsonSchema,
  type EntityDef,
  type Role,
  type SyncDoc,
} from '@coulisses/shared';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxConflictHandler, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { LOCAL_HOOKS } from '../data/local-hooks';
import { registerLocalHooks, type LocalHooks } from './local-hooks';
import type { Outbox } from './outbox';
import { finishUpgrades, prepareUpgrades, upgradeLock, type UpgradeObserver } from './upgrade';
import { migrationStrategies } from './upgrade-docs';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBUpdatePlugin);

export type SyncCollection = RxCollection<SyncDoc>;
export type SyncDatabase = RxDatabase<Record<string, SyncCollection>>;

/** Shared by the conflict handlers: who writes locally, and which rows the server refused (they stay local). */
export interface LocalContext {
  role: Role | null;
  refused: Set<string>;
}

/** RxDB database names allow [a-z0-9_$-]; one database per account and organisation. */
export function databaseName(orgId: string, accountId: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `cc_${clean(orgId)}_${clean(accountId)}`;
}

/** The conflict handler of an entity: the registry's rule, the same function the server runs. */
export function conflictHandlerFor(entity: EntityDef, local: LocalContext): RxConflictHandler<SyncDoc> {
  return {
    isEqual: (a, b) => sameValue(a, b),
    resolve: async (input) => {
      const res = resolveConflict(entity.conflict, {
        base: input.assumedMasterState as SyncDoc | undefined,
        local: input.newDocumentState as SyncDoc,
        remote: input.realMasterState as SyncDoc,
        localRole: local.role ?? undefined,
      });
      return (res.diverted ? input.realMasterState : res.doc) as typeof input.realMasterState;
    },
  };
}

export interface OpenOptions {
  name: string;
  storage: RxStorage<unknown, unknown>;
  local: LocalContext;
  outbox: Outbox;
  multiInstance?: boolean;
  /** Told of each step of a schema upgrade (upgrade.ts). */
  onUpgrade?: UpgradeObserver;
  /** Open only these collections (tests running several clients in one JS context); all by default. */
  only?: readonly string[];
  /** The registry to open (defaults to ENTITIES; tests pass a newer schema version to prove upgrades). */
  entities?: readonly EntityDef[];
  /** The domains' reactions to local writes (defaults to LOCAL_HOOKS). */
  localHooks?: LocalHooks;
}

const hooksOf = new WeakMap<SyncDatabase, LocalHooks>();

/**
 * Opens the local store: one RxDB collection per registry entity (12, under the free build's limit), each with
 * the JSON schema generated from the entity's zod schema and the entity's conflict rule. Local writes are
 * recorded in the outbox. A collection stored at an older schema version is not migrated: it starts empty at
 * the new version with its unpushed writes carried over, and is pulled again (upgrade.ts).
 */
export async function openSyncDatabase(opts: OpenOptions): Promise<SyncDatabase> {
  const db = (await createRxDatabase({
    name: opts.name,
    storage: opts.storage as RxStorage<unknown, unknown>,
    multiInstance: opts.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  })) as unknown as SyncDatabase;
  const entities = (opts.entities ?? (ENTITIES as readonly EntityDef[])).filter((e) => !opts.only || opts.only.includes(e.name));
  await upgradeLock(opts.name, async () => {
    const upgrades = await prepareUpgrades(db, entities, opts.outbox, opts.onUpgrade);
    await db.addCollections(Object.fromEntries(entities.map((e) => [e.name, collectionDef(e, opts.local)])) as never);
    await finishUpgrades(db, upgrades, opts.onUpgrade);
  });
  const hooks = opts.localHooks ?? LOCAL_HOOKS;
  hooksOf.set(db, hooks);
  for (const entity of entities) {
    recordLocalWrites(db.collections[entity.name]!, entity, opts.outbox);
    registerLocalHooks(hooks, db, entity.name);
  }
  return db;
}

function collectionDef(entity: EntityDef, local: LocalContext) {
  return {
    schema: toRxJsonSchema(entity) as unknown as RxJsonSchema<SyncDoc>,
    conflictHandler: conflictHandlerFor(entity, local),
    autoMigrate: false,
    migrationStrategies: migrationStrategies(entity),
  };
}

/** Local writes (RxCollection hooks; replication writes bypass them) go to the outbox ledger. */
function recordLocalWrites(collection: SyncCollection, entity: EntityDef, outbox: Outbox): void {
  const record = (doc: SyncDoc) => outbox.add(entity.name, doc.id, String(doc.updatedAt ?? ''));
  collection.postInsert((data) => record(data as SyncDoc), false);
  collection.postSave((data) => record(data as SyncDoc), false);
  collection.postRemove((data) => record(data as SyncDoc), false);
}

/**
 * Drops a collection's local data and replication state and re-creates it empty, keeping the writes the
 * server has not taken yet (they are written again, so they are pushed again). Used when the server says the
 * checkpoint is older than its tombstone retention: a plain resync could resurrect documents deleted meanwhile.
 */
export function resetCollection(db: SyncDatabase, entity: EntityDef, outbox: Outbox, local: LocalContext): Promise<SyncCollection> {
  // One reset at a time per database: a reset that read the pending ids while another re-created the collection
  // would write back a document the other had already settled (a refused write would become pending again).
  const previous = resets.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => resetNow(db, entity, outbox, local));
  resets.set(db, run.catch(() => undefined));
  return run;
}

const resets = new WeakMap<SyncDatabase, Promise<unknown>>();

async function resetNow(db: SyncDatabase, entity: EntityDef, outbox: Outbox, local: LocalContext): Promise<SyncCollection> {
  const old = db.collections[entity.name]!;
  const pendingIds = outbox.pendingIds(entity.name);
  const found = pendingIds.length > 0 ? await old.storageInstance.findDocumentsById(pendingIds, true) : [];
  const keep = found.map((d) => {
    const { _meta: _m, _rev: _r, _attachments: _a, ...doc } = d as unknown as SyncDoc & { _meta?: unknown; _rev?: unknown; _attachments?: unknown };
    return doc as SyncDoc;
  });
  await old.remove();
  await db.addCollections({ [entity.name]: collectionDef(entity, local) } as never);
  const fresh = db.collections[entity.name]!;
  recordLocalWrites(fresh, entity, outbox);
  registerLocalHooks(hooksOf.get(db) ?? LOCAL_HOOKS, db, entity.name);
  const live = keep.filter((d) => !d._deleted).map(({ _deleted: _d, ...rest }) => rest);
  if (live.length > 0) await fresh.bulkInsert(live as never);
  for (const gone of keep.filter((d) => d._deleted)) {
    const { _deleted: _d, ...rest } = gone;
    await (await fresh.insert(rest as never)).remove();
  }
  return fresh;
}
