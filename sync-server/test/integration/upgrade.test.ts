import { IDBFactory } from 'fake-indexeddb';
import { ENTITIES, projects, uuidv7, type EntityDef } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Outbox, memoryStore } from '../../../client/src/sync/outbox';
import type { UpgradePhase } from '../../../client/src/sync/upgrade';
import { signedIn, type TestClient } from '../helpers/client';
import { project } from '../helpers/docs';
import { rxClient } from '../helpers/rx-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs, settle } from '../helpers/sync-assert';
import { create } from '../helpers/sync-http';

/** The registry as a newer app version would ship it: projects at schema version 1 with one more field. */
function nextVersion(): EntityDef[] {
  const next = { ...projects, version: 1, schema: projects.schema.extend({ budgetCents: z.number().int().optional() }) } as unknown as EntityDef;
  return (ENTITIES as readonly EntityDef[]).map((e) => (e.name === 'projects' ? next : e));
}

async function databaseNames(indexedDB: InstanceType<typeof IDBFactory>): Promise<string[]> {
  const list = (await indexedDB.databases()) as { name?: string }[];
  return list.map((d) => d.name ?? '');
}

/** What a page closed at that step leaves: the steps before it are stored, the ones after it never ran. */
class ClosedPage extends Error {}

describe('a new app version with a changed schema', () => {
  let server: TestServer;
  let manager: TestClient;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
  });
  afterAll(async () => server?.close());

  /** A store at version 0 with 50 synced projects, one edited and one created offline (2 writes pending). */
  async function storeWithPendingWrites() {
    const indexedDB = new IDBFactory();
    const name = `upgrade_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`;
    const outbox = new Outbox(memoryStore(), name);
    const synced = Array.from({ length: 50 }, (_, i) => project({ name: `Synced ${i}` }));
    await create(manager, 'projects', synced);
    const v0 = await rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects'], indexedDB, name, outbox });
    await v0.start();
    await settle([v0]);
    expect(await v0.db.collections.projects!.count().exec()).toBeGreaterThanOrEqual(50);
    v0.setOffline(true);
    const edited = synced[0]!;
    await (await v0.db.collections.projects!.findOne(edited.id).exec())!.incrementalPatch({ name: `Edited offline ${name}`, updatedAt: new Date().toISOString() });
    const createdId = uuidv7();
    await v0.db.collections.projects!.insert({ id: createdId, updatedAt: new Date().toISOString(), name: 'Created offline', status: 'DRAFT', venueIds: [], startDate: null, endDate: null, managerUserIds: [] });
    expect(outbox.pendingCount('projects')).toBe(2);
    await v0.close();
    // The version-0 databases of the projects collection (its documents, its replication meta).
    const internal = `rxdb-dexie-${name}--0--_rxdb_internal`;
    const oldDatabases = (await databaseNames(indexedDB)).filter((n) => n.includes(`${name}--0--`) && n !== internal);
    expect(oldDatabases.length).toBe(2);
    return { indexedDB, name, outbox, edited, createdId, synced, oldDatabases };
  }

  /** Opens the store at version 1, checks what the upgrade kept, syncs, and checks what reached the server. */
  async function upgradeAndSync(store: Awaited<ReturnType<typeof storeWithPendingWrites>>) {
    const { indexedDB, name, outbox, edited, createdId, synced, oldDatabases } = store;
    const v1 = await rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects', 'conflicts'], indexedDB, name, outbox, entities: nextVersion() });
    try {
      const local = v1.db.collections.projects!;
      expect(local.schema.version).toBe(1);
      // Only the unpushed documents were carried over; the rest comes from the server again.
      expect(await local.count().exec()).toBe(2);
      expect((await local.findOne(edited.id).exec())?.get('name')).toBe(`Edited offline ${name}`);
      expect((await local.findOne(createdId).exec())?.get('name')).toBe('Created offline');
      expect(outbox.pendingCount('projects')).toBe(2);
      await v1.start();
      await settle([v1]);
      expect(await local.count().exec()).toBeGreaterThanOrEqual(51);
      for (const p of synced.slice(1)) expect((await local.findOne(p.id).exec())?.get('name')).toBe(p.name);
      const onServer = await serverDocs(manager, 'projects');
      expect(onServer.get(edited.id)?.name).toBe(`Edited offline ${name}`);
      expect(onServer.get(createdId)?.name).toBe('Created offline');
      expect(outbox.pendingCount('projects')).toBe(0);
      // The edit was pushed against its base (the assumed master state carried over): not merged as a conflict.
      const conflicts = [...(await serverDocs(manager, 'conflicts')).values()].filter((c) => c.entityId === edited.id);
      expect(conflicts).toEqual([]);
      expect(outbox.discarded()).toEqual([]);
      // The old version's IndexedDB databases are gone.
      const left = (await databaseNames(indexedDB)).filter((n) => oldDatabases.includes(n));
      expect(left).toEqual([]);
    } finally {
      await v1.close();
    }
  }

  it('drops the old version, keeps the writes not pushed yet with their base, and pulls the rest again', async () => {
    await upgradeAndSync(await storeWithPendingWrites());
  });

  for (const phase of ['read', 'written', 'committed'] as UpgradePhase[]) {
    it(`loses nothing when the page closes after the upgrade step '${phase}'`, async () => {
      const store = await storeWithPendingWrites();
      const onUpgrade = (step: { phase: UpgradePhase }) => {
        if (step.phase === phase) throw new ClosedPage(phase);
      };
      await expect(rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects'], indexedDB: store.indexedDB, name: store.name, outbox: store.outbox, entities: nextVersion(), onUpgrade })).rejects.toBeInstanceOf(ClosedPage);
      await upgradeAndSync(store);
    });
  }
});
