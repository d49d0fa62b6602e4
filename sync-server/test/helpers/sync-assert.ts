import type { SyncDoc } from '@coulisses/shared';
import type { TestClient } from './client';
import type { RxTestClient } from './rx-client';

/** Every document of a collection as the server holds it for this client (tombstones included). */
export async function serverDocs(http: TestClient, collection: string): Promise<Map<string, SyncDoc>> {
  const out = new Map<string, SyncDoc>();
  let checkpoint = { seq: 0 };
  for (;;) {
    const res = await http.get(`/api/v1/sync/${collection}/pull?limit=1000&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`);
    if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: { seq: number } };
    for (const d of body.documents) out.set(d.id, d);
    if (body.documents.length < 1000) return out;
    checkpoint = body.checkpoint;
  }
}

/** Every document of a local collection, replicated fields only, tombstones excluded. */
export async function localDocs(client: RxTestClient, collection: string): Promise<Map<string, SyncDoc>> {
  const docs = await client.db.collections[collection]!.find().exec();
  return new Map(docs.map((d) => {
    const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = d.toMutableJSON(true) as SyncDoc & { _meta?: unknown; _rev?: unknown; _attachments?: unknown };
    return [rest.id, { ...rest, _deleted: false } as SyncDoc];
  }));
}

/** Brings every client to the server's state: push and pull until nothing moves. */
export async function settle(clients: RxTestClient[], rounds = 2): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    for (const c of clients) {
      c.engine.online();
      await c.engine.awaitInSync();
    }
  }
}
