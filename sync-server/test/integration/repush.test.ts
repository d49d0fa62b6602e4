import { ENTITIES, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';
import { push } from '../helpers/sync-http';

const backends = await availableBackends();
const ACCOUNTS = ['admin@coulisses.demo', 'manager@coulisses.demo', 'tech@coulisses.demo', 'regie@nuits-blanches.demo'];

interface Pulled {
  docs: SyncDoc[];
  checkpoint: unknown;
}

async function pullAll(client: TestClient, collection: string, from: unknown = { seq: 0 }): Promise<Pulled | null> {
  const docs: SyncDoc[] = [];
  let checkpoint = from;
  for (;;) {
    const res = await client.get(`/api/v1/sync/${collection}/pull?limit=1000&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`);
    if (res.status === 403) return null;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: unknown };
    docs.push(...body.documents);
    if (body.checkpoint) checkpoint = body.checkpoint;
    if (body.documents.length < 1000) return { docs, checkpoint };
  }
}

/**
 * A replica that lost its replication state (a reload or a crash between writing pulled documents and noting
 * what the server holds) pushes back, as new, every document it pulled. Such a re-push of the server's own state
 * must be a no-op: nothing refused (no "refused changes" for the user), nothing written (no new sequence, no
 * recomputed server field such as validatedAt), no conflict to resolve. Seen in a browser: a manager's reload
 * during the first pull of the demo season listed 140 refused punches and re-validated 12 timesheets.
 */
describe.each(backends)('re-pushing what the server sent is a no-op, on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server?.close());

  it.each(ACCOUNTS)('for %s, in every collection it reads', async (email) => {
    const client = await signedIn(server.url, email);
    let pushed = 0;
    for (const entity of ENTITIES) {
      const before = await pullAll(client, entity.name);
      if (!before) continue;
      const live = before.docs;
      for (let i = 0; i < live.length; i += 200) {
        const rows = live.slice(i, i + 200).map((d) => ({ newDocumentState: d }));
        const res = await push(client, entity.name, rows);
        expect({ collection: entity.name, rejected: res.rejected, conflicts: res.conflicts.length, written: res.written, diverted: res.diverted })
          .toEqual({ collection: entity.name, rejected: [], conflicts: 0, written: 0, diverted: [] });
        pushed += rows.length;
      }
      const after = await pullAll(client, entity.name, before.checkpoint);
      expect({ collection: entity.name, changed: after?.docs.map((d) => d.id) }).toEqual({ collection: entity.name, changed: [] });
    }
    expect(pushed).toBeGreaterThan(0);
  });
});
