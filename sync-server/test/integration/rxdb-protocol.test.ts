import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection, type RxReplicationPullStreamItem, type WithDeleted } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Subject } from 'rxjs';
import { projects, readSse, toRxJsonSchema, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { project } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();

/**
 * Any RxDB app can talk to the server: this client uses nothing of ours but the documented endpoints and
 * RxDB's own replicateRxCollection (default conflict handler, plain fetch, the per-collection SSE stream).
 */
describe.each(backends)('a plain RxDB client on the documented endpoints on %s', (backend) => {
  let server: TestServer;
  let http: TestClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    http = await signedIn(server.url, 'manager@coulisses.demo');
  });
  afterAll(async () => server?.close());

  it('replicates a collection both ways, live', async () => {
    const headers = () => ({ cookie: http.cookieHeader(), 'content-type': 'application/json' });
    const existing = project({ name: 'Deja la' });
    await create(http, 'projects', [existing]);
    const db = await createRxDatabase({ name: `plain${Date.now()}`, storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }), multiInstance: false });
    await db.addCollections({ projects: { schema: toRxJsonSchema(projects as unknown as EntityDef) as never } });
    const collection = db.collections.projects as RxCollection<SyncDoc>;
    const stream$ = new Subject<RxReplicationPullStreamItem<SyncDoc, { seq: number }>>();
    const abort = new AbortController();
    void (async () => {
      const res = await fetch(`${server.url}/api/v1/sync/projects/stream`, { headers: headers(), signal: abort.signal });
      // The documented SSE format, read with the protocol module's decoder (no app code).
      await readSse(res.body!.pipeThrough(new TextDecoderStream()).getReader(), ({ data }) => {
        stream$.next(data === 'RESYNC' ? 'RESYNC' : JSON.parse(data));
      }).catch(() => undefined);
    })();
    const state = replicateRxCollection<SyncDoc, { seq: number }>({
      replicationIdentifier: 'plain-rxdb-client',
      collection: collection as never,
      live: true,
      pull: {
        handler: async (checkpoint, batchSize) => {
          const cp = encodeURIComponent(JSON.stringify(checkpoint ?? { seq: 0 }));
          return (await (await fetch(`${server.url}/api/v1/sync/projects/pull?checkpoint=${cp}&limit=${batchSize}`, { headers: headers() })).json()) as { documents: WithDeleted<SyncDoc>[]; checkpoint: { seq: number } };
        },
        stream$: stream$.asObservable(),
      },
      push: {
        handler: async (rows) => (await (await fetch(`${server.url}/api/v1/sync/projects/push`, { method: 'POST', headers: headers(), body: JSON.stringify(rows) })).json()) as WithDeleted<SyncDoc>[],
      },
    });
    try {
      await state.awaitInitialReplication();
      expect((await collection.findOne(existing.id).exec())?.get('name')).toBe('Deja la');

      const { _deleted: _d, ...local } = project({ name: 'Cree par RxDB' });
      await collection.insert(local);
      await state.awaitInSync();
      expect((await serverDocs(http, 'projects')).get(local.id)?.name).toBe('Cree par RxDB');

      const live = project({ name: 'Arrive en direct' });
      await create(http, 'projects', [live]);
      const deadline = Date.now() + 5000;
      while (!(await collection.findOne(live.id).exec()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await collection.findOne(live.id).exec())?.get('name')).toBe('Arrive en direct');
    } finally {
      abort.abort();
      await state.cancel();
      await db.close();
    }
  });
});
