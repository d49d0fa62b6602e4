/**
 * The schema-upgrade harness of e2e/tests/upgrade.spec.ts: the app's real store code (openSyncDatabase,
 * SyncEngine, HttpTransport, Outbox in localStorage) on RxDB's Dexie storage in Chromium, against the real
 * server on the same origin. The app's registry ships one version of each entity; this page opens the
 * missions collection at the version the test asks for (one optional field more per version, identity
 * upgrades), as a new release of the app would.
 */
import { missions, uuidv7, type EntityDef, type Role, type SyncDoc } from '@coulisses/shared';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { z } from 'zod';
import { openSyncDatabase, type SyncDatabase } from '../../../client/src/sync/database';
import { SyncEngine } from '../../../client/src/sync/engine';
import { Outbox, type KeyValueStore } from '../../../client/src/sync/outbox';
import { HttpTransport } from '../../../client/src/sync/transport';
import type { UpgradePhase } from '../../../client/src/sync/upgrade';

const COLLECTION = 'missions';
const kv: KeyValueStore = { get: (k) => localStorage.getItem(k), set: (k, v) => localStorage.setItem(k, v) };

function missionsAt(version: number): EntityDef {
  const entity = missions as unknown as EntityDef;
  if (version === entity.version) return entity;
  const extra: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (let v = entity.version + 1; v <= version; v++) extra[`upgradeField${v}`] = z.string().max(60).optional();
  return { ...entity, version, schema: missions.schema.extend(extra).strict() as unknown as z.ZodObject };
}

let role: Role | undefined;
let open: { db: SyncDatabase; engine: SyncEngine; outbox: Outbox } | undefined;

const harness = {
  /** The upgrade step this page stopped at (open with stopAt), as a page closed there would. */
  stoppedAt: null as UpgradePhase | null,

  async signIn(email: string, password: string): Promise<void> {
    const res = await fetch('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!res.ok) throw new Error(`sign-in ${res.status}`);
    role = ((await (await fetch('/api/v1/me')).json()) as { role: Role }).role;
  },

  /** Opens the store at `version`; with stopAt, the upgrade never goes past that step (the test closes the page). */
  async open(name: string, version: number, stopAt?: UpgradePhase): Promise<void> {
    if (!role) throw new Error('sign in first');
    const outbox = new Outbox(kv, name);
    const local = { role, refused: new Set<string>() };
    const db = await openSyncDatabase({
      name,
      storage: getRxStorageDexie() as RxStorage<unknown, unknown>,
      local,
      outbox,
      only: [COLLECTION],
      entities: [missionsAt(version)],
      onUpgrade: (step) => {
        if (step.phase !== stopAt) return;
        harness.stoppedAt = step.phase;
        return new Promise<void>(() => undefined);
      },
    });
    const engine = new SyncEngine({ db, transport: new HttpTransport({ baseUrl: '' }), outbox, local, role, stream: false });
    open = { db, engine, outbox };
  },

  async sync(): Promise<void> {
    await open!.engine.start(true);
    await open!.engine.awaitInSync();
  },

  /** Offline (the replication stopped): edits the titles of `edits` missions and creates copies of them. */
  async writeOffline(edits: number, inserts: number): Promise<{ edited: { id: string; title: string }[]; created: { id: string; title: string }[] }> {
    await open!.engine.stop();
    const collection = open!.db.collections[COLLECTION]!;
    const docs = await collection.find({ selector: {}, sort: [{ id: 'asc' }], limit: Math.max(edits, inserts) }).exec();
    const edited: { id: string; title: string }[] = [];
    for (const doc of docs.slice(0, edits)) {
      const title = `${String(doc.get('title')).slice(0, 120)} (hors ligne)`;
      await doc.incrementalPatch({ title, updatedAt: new Date().toISOString() });
      edited.push({ id: doc.primary, title });
    }
    const created: { id: string; title: string }[] = [];
    for (const doc of docs.slice(0, inserts)) {
      const copy: SyncDoc = { ...(doc.toMutableJSON() as SyncDoc), id: uuidv7(), title: `Copie hors ligne ${created.length + 1}`, updatedAt: new Date().toISOString() };
      await collection.insert(copy);
      created.push({ id: copy.id, title: String(copy.title) });
    }
    open!.outbox.flush();
    return { edited, created };
  },

  /** What the store holds: its schema version, documents, pending writes, and the titles of these ids. */
  async state(ids: string[]): Promise<{ version: number; count: number; pending: number; titles: Record<string, string> }> {
    const collection = open!.db.collections[COLLECTION]!;
    const found = await collection.findByIds(ids).exec();
    const titles = Object.fromEntries([...found.values()].map((d) => [d.primary, String(d.get('title'))]));
    return { version: collection.schema.version, count: await collection.count().exec(), pending: open!.outbox.pendingCount(), titles };
  },

  async close(): Promise<void> {
    await open?.engine.stop();
    await open?.db.close();
    open = undefined;
  },
};

(window as unknown as { __upgrade: typeof harness }).__upgrade = harness;
document.getElementById('status')!.textContent = 'ready';
