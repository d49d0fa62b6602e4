import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@coulisses/shared';
import { purgeTombstones } from '../../src/sync/retention';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { project } from '../helpers/docs';
import { rxClient } from '../helpers/rx-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs, settle } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

describe.each(backends)('tombstone retention on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
  });
  afterAll(async () => server?.close());

  it('purges old tombstones; an older checkpoint gets 410 CHECKPOINT_EXPIRED and the client starts over', async () => {
    const client = await rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects'] });
    try {
      await client.start();
      const keep = project({ name: 'Garde' });
      const gone = project({ name: 'Efface' });
      await create(manager, 'projects', [keep, gone]);
      await settle([client]);
      const before = await manager.get('/api/v1/sync/projects/pull?limit=1000');
      const checkpoint = ((await before.json()) as { checkpoint: { seq: number } }).checkpoint;

      client.setOffline(true);
      await push(manager, 'projects', [{ assumedMasterState: gone, newDocumentState: { ...gone, _deleted: true, updatedAt: new Date().toISOString() } }]);
      const { _deleted: _d, ...offlineDoc } = project({ name: 'Pendant la coupure' });
      await client.db.collections.projects!.insert({ ...offlineDoc, id: uuidv7() });
      await create(manager, 'projects', [project({ name: 'Apres' })]);
      await server.deps.db.sql`update projects set server_updated_at = now() - interval '100 days' where deleted`;
      expect(await purgeTombstones(server.deps.db.sql, 90)).toBe(1);

      const stale = await manager.get(`/api/v1/sync/projects/pull?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`);
      expect(stale.status).toBe(410);
      expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('CHECKPOINT_EXPIRED');
      expect((await manager.get('/api/v1/sync/projects/pull')).status).toBe(200);

      client.setOffline(false);
      const deadline = Date.now() + 15_000;
      let names: string[] = [];
      while (Date.now() < deadline) {
        // The collection is dropped and re-created while the client starts over: read it when it is there.
        try {
          const docs = (await client.db.collections.projects?.find().exec()) ?? [];
          names = docs.map((d) => String(d.get('name')));
        } catch {
          names = [];
        }
        if (names.includes('Apres')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(names).toContain('Apres');
      await settle([client]);
      const onServer = [...(await serverDocs(manager, 'projects')).values()].map((d) => d.name);
      expect(onServer).toContain('Pendant la coupure');
      expect(onServer).not.toContain('Efface');
    } finally {
      await client.close();
    }
  });
});
