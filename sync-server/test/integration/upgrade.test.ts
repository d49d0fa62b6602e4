import { IDBFactory } from 'fake-indexeddb';
import { ENTITIES, projects, uuidv7, type EntityDef } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Outbox, memoryStore } from '../../../client/src/sync/outbox';
import { signedIn } from '../helpers/client';
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

describe('a new app version with a changed schema', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => server?.close());

  it('migrates the local store and keeps the writes not pushed yet', async () => {
    const indexedDB = new IDBFactory();
    const name = `upgrade_${Date.now()}`;
    const outbox = new Outbox(memoryStore(), name);
    const manager = await signedIn(server.url, 'manager@coulisses.demo');
    const synced = Array.from({ length: 50 }, (_, i) => project({ name: `Synced ${i}` }));
    await create(manager, 'projects', synced);

    const v0 = await rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects'], indexedDB, name, outbox });
    await v0.start();
    await settle([v0]);
    expect(await v0.db.collections.projects!.count().exec()).toBeGreaterThanOrEqual(50);
    v0.setOffline(true);
    const edited = synced[0]!;
    await (await v0.db.collections.projects!.findOne(edited.id).exec())!.incrementalPatch({ name: 'Edited offline', updatedAt: new Date().toISOString() });
    const createdId = uuidv7();
    await v0.db.collections.projects!.insert({ id: createdId, updatedAt: new Date().toISOString(), name: 'Created offline', status: 'DRAFT', venueIds: [], startDate: null, endDate: null, managerUserIds: [] });
    expect(outbox.pendingCount('projects')).toBe(2);
    await v0.close();

    const v1 = await rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects'], indexedDB, name, outbox, entities: nextVersion() });
    try {
      expect(v1.db.collections.projects!.schema.version).toBe(1);
      expect(await v1.db.collections.projects!.count().exec()).toBeGreaterThanOrEqual(51);
      expect((await v1.db.collections.projects!.findOne(edited.id).exec())?.get('name')).toBe('Edited offline');
      await v1.start();
      await settle([v1]);
      const onServer = await serverDocs(manager, 'projects');
      expect(onServer.get(edited.id)?.name).toBe('Edited offline');
      expect(onServer.get(createdId)?.name).toBe('Created offline');
      expect(outbox.pendingCount('projects')).toBe(0);
    } finally {
      await v1.close();
    }
  });
});
