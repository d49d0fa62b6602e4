import { readSse, type PushDetails, type SseMessage, type SyncDoc } from '@coulisses/shared';
import type { TestClient } from './client';

export type { PushDetails };

/** Pushes rows through the documented endpoint, asking for per-row details. */
export async function push(client: TestClient, collection: string, rows: { assumedMasterState?: SyncDoc; newDocumentState: SyncDoc }[]): Promise<PushDetails> {
  const res = await client.post(`/api/v1/sync/${collection}/push?details=1`, rows);
  if (res.status !== 200) throw new Error(`push ${collection}: ${res.status} ${await res.text()}`);
  return (await res.json()) as PushDetails;
}

/** Creates documents (no assumed state) and fails the test when any row is refused. */
export async function create(client: TestClient, collection: string, docs: SyncDoc[]): Promise<void> {
  const out = await push(client, collection, docs.map((d) => ({ newDocumentState: d })));
  if (out.rejected.length > 0) throw new Error(`create ${collection} refused: ${JSON.stringify(out.rejected)}`);
}

/** Reads a Server-Sent Events stream for `ms` and returns the parsed events. */
export async function readStream(client: TestClient, path: string, ms: number, during?: () => Promise<void>): Promise<SseMessage[]> {
  const abort = new AbortController();
  const res = await fetch(client.baseUrl + path, { headers: { cookie: client.cookieHeader(), accept: 'text/event-stream' }, signal: abort.signal });
  if (!res.body) throw new Error(`stream ${path}: ${res.status}`);
  const events: SseMessage[] = [];
  const pump = readSse(res.body.pipeThrough(new TextDecoderStream()).getReader(), (msg) => events.push(msg)).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 150));
  await during?.();
  await new Promise((r) => setTimeout(r, ms));
  abort.abort();
  await pump;
  return events;
}
