import { type Checkpoint, type SnapshotPage, type SnapshotPart, type SyncDoc } from '@coulisses/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSyncDatabase, type SyncDatabase } from '../../../client/src/sync/database';
import { SyncEngine } from '../../../client/src/sync/engine';
import { Outbox, memoryStore } from '../../../client/src/sync/outbox';
import { HttpTransport } from '../../../client/src/sync/transport';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { mission, now } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { localDocs, serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
const COLLECTIONS = ['missions', 'assignments', 'conflicts'];

/** The app's transport, with a hook after every snapshot page (writes by others while the snapshot is read). */
class HookedTransport extends HttpTransport {
  pages = 0;
  pulls = 0;
  constructor(base: string, http: TestClient, private readonly afterPage: (n: number) => Promise<void>) {
    super({ baseUrl: base, headers: () => ({ cookie: http.cookieHeader(), origin: base }) });
  }
  override async snapshot(collection: string, q: { checkpoint: Checkpoint | null; after: string; limit: number; part: SnapshotPart; day: string }): Promise<SnapshotPage> {
    const page = await super.snapshot(collection, q);
    if (collection === 'missions') await this.afterPage(++this.pages);
    return page;
  }
  override async pull(collection: string, checkpoint: Checkpoint | undefined, limit: number) {
    if (collection === 'missions') this.pulls += 1;
    return super.pull(collection, checkpoint, limit);
  }
}

interface Device {
  db: SyncDatabase;
  engine: SyncEngine;
  outbox: Outbox;
  transport: HookedTransport;
}

async function device(server: TestServer, email: string, afterPage: (n: number) => Promise<void> = async () => undefined): Promise<Device> {
  const http = await signedIn(server.url, email);
  const me = (await (await http.get('/api/v1/me')).json()) as { role: 'MANAGER' };
  const name = `cc_snap_${Math.random().toString(36).slice(2, 10)}`;
  const outbox = new Outbox(memoryStore(), name);
  const local = { role: me.role, refused: new Set<string>() };
  const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) });
  const db = await openSyncDatabase({ name, storage: storage as never, local, outbox, multiInstance: false, only: COLLECTIONS });
  const transport = new HookedTransport(server.url, http, afterPage);
  const engine = new SyncEngine({ db, transport, outbox, local, role: me.role, waitForLeadership: false, stream: false, backoffMs: [50, 500], retryTime: 100, snapshotPage: 5 });
  return { db, engine, outbox, transport };
}

const live = (m: Map<string, SyncDoc>) => new Map([...m].filter(([, d]) => !d._deleted));

describe.each(backends)('first sync through the snapshot, in a real RxDB client, on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;

  beforeAll(async () => {
    server = await startTestServer(backend, { jobRunner: false });
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    const day = new Date();
    const soon = new Date(day.getTime() + 86_400_000).toISOString();
    await create(manager, 'missions', [
      ...Array.from({ length: 14 }, (_, i) => mission({ title: `Soon ${i}`, startAt: soon, endAt: new Date(day.getTime() + 2 * 86_400_000).toISOString() })),
      ...Array.from({ length: 16 }, (_, i) => mission({ title: `Old ${i}`, startAt: '2024-03-01T08:00:00.000Z', endAt: '2024-03-01T18:00:00.000Z' })),
    ]);
  });
  afterAll(async () => server?.close());

  it('writes made while the snapshot pages are read all arrive; nothing enters the outbox; the window comes first', async () => {
    const touched = new Set<string>();
    const dev = await device(server, 'manager@coulisses.demo', async (n) => {
      if (n > 6) return;
      const state = [...live(await serverDocs(manager, 'missions')).values()].sort((a, b) => a.id.localeCompare(b.id));
      const first = state[n]!;
      const last = state[state.length - 1 - n]!;
      const fresh = mission({ title: `Created while paging ${n}` });
      await push(manager, 'missions', [
        { assumedMasterState: first, newDocumentState: { ...first, title: `${String(first.title).slice(0, 40)} / ${n}`, updatedAt: now() } },
        { assumedMasterState: last, newDocumentState: { ...last, updatedAt: now(), _deleted: true } },
        { newDocumentState: fresh },
      ]);
      touched.add(first.id).add(last.id).add(fresh.id);
    });
    let windowAt = -1;
    void dev.engine.windowReady.then(() => (windowAt = dev.transport.pages));
    try {
      await dev.engine.start(true);
      await dev.engine.awaitInSync();
      expect(dev.transport.pages).toBeGreaterThan(5);
      expect(windowAt).toBeGreaterThan(0);
      expect(windowAt).toBeLessThan(dev.transport.pages);
      expect(await localDocs({ db: dev.db } as never, 'missions')).toEqual(live(await serverDocs(manager, 'missions')));
      expect(touched.size).toBeGreaterThan(10);
      expect(dev.outbox.pendingCount()).toBe(0);
    } finally {
      await dev.engine.stop();
      await dev.db.close();
    }
  });

  it('a snapshot document edited on the device is pushed against the state it came with (no conflict), and a later server change replaces it', async () => {
    const dev = await device(server, 'manager@coulisses.demo');
    try {
      const before = await serverDocs(manager, 'conflicts');
      await dev.engine.start(true);
      await dev.engine.awaitInSync();
      const collection = dev.db.collections.missions!;
      const doc = (await collection.find({ selector: { title: { $regex: '^Old' } } }).exec())[0]!;
      await doc.incrementalPatch({ title: 'Edited on the device', updatedAt: now() });
      expect(dev.outbox.pendingCount()).toBe(1);
      await dev.engine.awaitInSync();
      const onServer = (await serverDocs(manager, 'missions')).get(doc.primary)!;
      expect(onServer.title).toBe('Edited on the device');
      expect((await serverDocs(manager, 'conflicts')).size).toBe(before.size);
      expect(dev.outbox.pendingCount()).toBe(0);

      // Another snapshot document changed on the server: the pull replaces the local copy.
      const other = (await collection.find({ selector: { title: { $regex: '^Old' } } }).exec()).find((d) => d.primary !== doc.primary)!;
      const master = (await serverDocs(manager, 'missions')).get(other.primary)!;
      await push(manager, 'missions', [{ assumedMasterState: master, newDocumentState: { ...master, title: 'Changed on the server', updatedAt: now() } }]);
      dev.engine.online();
      await dev.engine.awaitInSync();
      expect((await collection.findOne(other.primary).exec())!.get('title')).toBe('Changed on the server');
      expect(await localDocs({ db: dev.db } as never, 'missions')).toEqual(live(await serverDocs(manager, 'missions')));
    } finally {
      await dev.engine.stop();
      await dev.db.close();
    }
  });
});
