/**
 * The bench page: the app's real sync code (openSyncDatabase, SyncEngine, HttpTransport, Outbox) on RxDB's
 * Dexie storage in Chromium, talking to the real sync server on the same origin (its session cookie). The
 * Node runner (e2e/bench/browser-bench.ts) calls the functions on window.__bench and reads the timings.
 */
import { missions, toRxJsonSchema, windowRange, type EntityDef, type Role, type SnapshotPage, type SnapshotPart } from '@coulisses/shared';
import Dexie from 'dexie';
import { createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { z } from 'zod';
import { conflictHandlerFor, openSyncDatabase, type LocalContext, type SyncDatabase } from '../../../client/src/sync/database';
import { SyncEngine } from '../../../client/src/sync/engine';
import { Outbox, type KeyValueStore } from '../../../client/src/sync/outbox';
import { deviceDay } from '../../../client/src/sync/snapshot';
import { HttpTransport } from '../../../client/src/sync/transport';
import type { UpgradeObserver } from '../../../client/src/sync/upgrade';
import type { Checkpoint, SyncDoc } from '@coulisses/shared';
import { missionDocs } from '../../../sync-server/bench/lib/docs';
import type { BenchApi, Me, PullStats } from './api';

declare global {
  interface Window {
    __bench: BenchApi;
  }
}

const COLLECTION = 'missions';
const EDITED_KEY = 'cc.bench.edited';

const localStore: KeyValueStore = {
  get: (k) => window.localStorage.getItem(k),
  set: (k, v) => window.localStorage.setItem(k, v),
};

/** HttpTransport that times every pull and counts what it brought. */
class TimedTransport extends HttpTransport {
  readonly stats: PullStats = { requests: 0, documents: 0, pullMs: 0, countsMs: 0, snapshotRequests: 0, snapshotDocuments: 0, snapshotMs: 0 };

  override async snapshot(collection: string, q: { checkpoint: Checkpoint | null; after: string; limit: number; part: SnapshotPart; day: string }): Promise<SnapshotPage> {
    const t0 = performance.now();
    const res = await super.snapshot(collection, q);
    this.stats.snapshotMs += performance.now() - t0;
    this.stats.snapshotRequests += 1;
    this.stats.snapshotDocuments += res.documents.length;
    return res;
  }

  override async pull(collection: string, checkpoint: Checkpoint | undefined, limit: number): Promise<{ documents: SyncDoc[]; checkpoint: Checkpoint }> {
    const t0 = performance.now();
    const res = await super.pull(collection, checkpoint, limit);
    this.stats.pullMs += performance.now() - t0;
    this.stats.requests += 1;
    this.stats.documents += res.documents.length;
    return res;
  }

  override async counts(): Promise<Record<string, number>> {
    const t0 = performance.now();
    try {
      return await super.counts();
    } finally {
      this.stats.countsMs += performance.now() - t0;
    }
  }
}

/**
 * The missions entity at `version`, as a release would ship a schema upgrade: one optional field per version
 * added to its zod schema (the RxDB schema is generated from it) and identity migration strategies
 * (openSyncDatabase builds them from the version). Version 0 is the registry's own entry. It is handed to
 * openSyncDatabase through its `entities` option; the registry itself is not touched.
 */
function missionsAt(version: number): EntityDef {
  const entity = missions as unknown as EntityDef;
  if (version === entity.version) return entity;
  const extra: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (let v = entity.version + 1; v <= version; v++) extra[`benchField${v}`] = z.string().max(60).optional();
  return { ...entity, version, schema: missions.schema.extend(extra).strict() as unknown as z.ZodObject };
}

let me: Me | undefined;
interface Open {
  name: string;
  db: SyncDatabase;
  engine: SyncEngine;
  outbox: Outbox;
  transport: TimedTransport;
  local: LocalContext;
}
let current: Open | undefined;

async function openSync(name: string, opts: { version?: number; pullBatchSize?: number; onUpgrade?: UpgradeObserver; snapshot?: boolean } = {}): Promise<Open> {
  if (!me) throw new Error('sign in first');
  const outbox = new Outbox(localStore, name);
  const local: LocalContext = { role: me.role as Role, refused: new Set() };
  const db = await openSyncDatabase({
    name,
    storage: getRxStorageDexie() as RxStorage<unknown, unknown>,
    local,
    outbox,
    only: [COLLECTION],
    entities: [missionsAt(opts.version ?? 0)],
    onUpgrade: opts.onUpgrade,
  });
  const transport = new TimedTransport({ baseUrl: '' });
  const engine = new SyncEngine({ db, transport, outbox, local, role: me.role as Role, stream: false, pullBatchSize: opts.pullBatchSize, snapshot: opts.snapshot });
  current = { name, db, engine, outbox, transport, local };
  return current;
}

async function closeCurrent(): Promise<void> {
  if (!current) return;
  await current.engine.stop();
  await current.db.close();
  current = undefined;
}

const count = async (db: SyncDatabase) => db.collections[COLLECTION]!.count().exec();

const api: BenchApi = {
  async signIn({ email, password }) {
    const res = await fetch('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
    const body = (await (await fetch('/api/v1/me')).json()) as { account: { id: string }; activeOrg: { id: string }; role: string };
    me = { accountId: body.account.id, orgId: body.activeOrg.id, role: body.role };
    return me;
  },

  async firstSync({ name, version, pullBatchSize, snapshot }) {
    const t0 = performance.now();
    const open = await openSync(name, { version, pullBatchSize, snapshot });
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const t1 = performance.now();
    // The planner's first screen: this week's missions, read from the local store as soon as the window is in
    // (history keeps loading meanwhile).
    const range = windowRange(deviceDay());
    const week = { from: new Date(Date.parse(range.from) + 7 * 86_400_000).toISOString(), to: new Date(Date.parse(range.from) + 14 * 86_400_000).toISOString() };
    const missionsOf = open.db.collections[COLLECTION]!;
    const firstScreen = open.engine.windowReady.then(async () => {
      const windowMs = performance.now() - t1;
      const q0 = performance.now();
      const docs = await missionsOf.find({ selector: { startAt: { $gte: week.from, $lt: week.to } }, sort: [{ startAt: 'asc' }] }).exec();
      const firstScreenQueryMs = performance.now() - q0;
      const windowDocs = await missionsOf.count({ selector: { startAt: { $gte: range.from, $lt: range.to } } }).exec();
      return { windowMs, firstScreenQueryMs, firstScreenDocs: docs.length, windowDocs };
    });
    await open.engine.start(true);
    const t2 = performance.now();
    const screen = await firstScreen;
    observer.disconnect();
    const counts = (await (await fetch('/api/v1/sync/counts')).json()) as { counts: Record<string, number> };
    return { openMs: t1 - t0, syncMs: t2 - t1, count: await count(open.db), serverCount: counts.counts[COLLECTION] ?? 0, pull: { ...open.transport.stats }, ...screen, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) };
  },

  async localWrites({ edits, inserts, seed }) {
    if (!current) throw new Error('no open database');
    const { db, engine, outbox } = current;
    // Offline from here on: the replication stops, the writes stay local (in RxDB and in the outbox).
    await engine.stop();
    const collection = db.collections[COLLECTION]!;
    const docs = await collection.find({ selector: {}, sort: [{ id: 'asc' }], limit: edits }).exec();
    const edited: { id: string; title: string }[] = [];
    for (const doc of docs) {
      const title = `${String(doc.get('title')).slice(0, 150)} (hors ligne)`;
      await doc.incrementalPatch({ title, updatedAt: new Date().toISOString() });
      edited.push({ id: doc.primary, title });
    }
    const fresh = missionDocs(inserts, seed).map((d) => ({ ...d, updatedAt: new Date().toISOString() }));
    for (const d of fresh) await collection.insert(d);
    window.localStorage.setItem(EDITED_KEY, JSON.stringify({ edited, inserted: fresh.map((d) => d.id) }));
    return { edited, inserted: fresh.map((d) => d.id), pending: outbox.pendingCount() };
  },

  async closeSync() {
    await closeCurrent();
  },

  async bulkInsertBaseline({ count: n, seed }) {
    const docs = missionDocs(n, seed);
    const db = await createRxDatabase({ name: `bench_bulk_${Date.now()}`, storage: getRxStorageDexie(), multiInstance: true, eventReduce: true });
    await db.addCollections({ [COLLECTION]: { schema: toRxJsonSchema(missions as unknown as EntityDef) as unknown as RxJsonSchema<SyncDoc> } });
    const collection = db.collections[COLLECTION]!;
    const t0 = performance.now();
    const res = await collection.bulkInsert(docs);
    const ms = performance.now() - t0;
    if (res.error.length > 0) throw new Error(`bulkInsert: ${res.error.length} errors, first ${JSON.stringify(res.error[0]).slice(0, 300)}`);
    const stored = await collection.count().exec();
    await db.remove();
    return { ms, count: stored };
  },

  async replicationBaseline({ count: n, seed, batch }) {
    const docs = missionDocs(n, seed).map((d) => ({ ...d, _deleted: false }));
    const db = await createRxDatabase({ name: `bench_repl_${Date.now()}`, storage: getRxStorageDexie(), multiInstance: true, eventReduce: true });
    const entity = missions as unknown as EntityDef;
    await db.addCollections({
      [COLLECTION]: { schema: toRxJsonSchema(entity) as unknown as RxJsonSchema<SyncDoc>, conflictHandler: conflictHandlerFor(entity, { role: 'MANAGER', refused: new Set() }) },
    });
    const collection = db.collections[COLLECTION]!;
    const t0 = performance.now();
    // RxDB's replication protocol alone: the same documents served from memory (no network, no server),
    // a push handler present (so RxDB keeps the assumed master state of every document, as for a manager).
    const state = replicateRxCollection<SyncDoc, { seq: number }>({
      replicationIdentifier: 'bench-memory-source',
      collection: collection as never,
      live: true,
      waitForLeadership: true,
      pull: {
        batchSize: batch,
        handler: async (checkpoint) => {
          const from = checkpoint?.seq ?? 0;
          const page = docs.slice(from, from + batch);
          return { documents: page, checkpoint: { seq: from + page.length } };
        },
      },
      push: { batchSize: 100, handler: async () => [] },
    });
    await state.awaitInitialReplication();
    const ms = performance.now() - t0;
    const stored = await collection.count().exec();
    await state.cancel();
    await db.remove();
    return { ms, count: stored };
  },

  async dexieBaseline({ count: n, seed }) {
    const docs = missionDocs(n, seed);
    const db = new Dexie(`bench_dexie_${Date.now()}`);
    db.version(1).stores({ [COLLECTION]: 'id, startAt, [status+startAt]' });
    await db.open();
    const t0 = performance.now();
    await db.table(COLLECTION).bulkPut(docs);
    const ms = performance.now() - t0;
    const stored = await db.table(COLLECTION).count();
    db.close();
    await Dexie.delete(db.name);
    return { ms, count: stored };
  },

  async hookProbe({ n, seed }) {
    const name = `bench_hook_${n}_${Date.now()}`;
    const open = await openSync(name);
    const docs = missionDocs(n, seed);
    const t0 = performance.now();
    const res = await open.db.collections[COLLECTION]!.bulkInsert(docs);
    const ms = performance.now() - t0;
    if (res.error.length > 0) throw new Error(`bulkInsert: ${res.error.length} errors`);
    const pending = open.outbox.pendingCount();
    await open.engine.stop();
    await open.db.remove();
    current = undefined;
    window.localStorage.removeItem(`cc.outbox.${name}`);
    return { n, ms, pending };
  },

  async upgrade({ name, version }) {
    // openSyncDatabase at the new version: the collection starts empty there, the unpushed documents are
    // carried over (client/src/sync/upgrade.ts). Each step's time since the open started is kept.
    const steps: Record<string, number> = {};
    const t0 = performance.now();
    const open = await openSync(name, { version, onUpgrade: (s) => void (steps[s.phase] = performance.now() - t0) });
    const upgradeMs = performance.now() - t0;
    const localAfterUpgrade = await count(open.db);
    const pendingAfterUpgrade = open.outbox.pendingCount();
    const saved = JSON.parse(window.localStorage.getItem(EDITED_KEY) ?? '{"edited":[]}') as { edited: { id: string }[] };
    const found = await open.db.collections[COLLECTION]!.findByIds(saved.edited.map((e) => e.id)).exec();
    const editedLocal = [...found.values()].map((d) => ({ id: d.primary, title: String(d.get('title')) }));
    const idbDatabases = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(name));
    // As the app does after an upgrade: the engine starts (the documents are local, so not as a first sync),
    // pushes the carried writes and pulls the collection again.
    const t1 = performance.now();
    await open.engine.start(false);
    await open.engine.awaitInSync();
    const syncMs = performance.now() - t1;
    return {
      upgradeMs,
      steps,
      localAfterUpgrade,
      pendingAfterUpgrade,
      editedLocal,
      syncMs,
      countAfterSync: await count(open.db),
      pull: { ...open.transport.stats },
      pendingAfterSync: open.outbox.pendingCount(),
      refused: open.outbox.rejected().length,
      idbDatabases,
    };
  },
};

window.__bench = api;
document.getElementById('status')!.textContent = 'ready';
