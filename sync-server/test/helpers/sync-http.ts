import type { SyncDoc } from '@coulisses/shared';
import type { TestClient } from './client';

export interface PushDetails {
  conflicts: SyncDoc[];
  rejected: { id: string; code: string; field?: string }[];
  diverted: { id: string; code: string; eventId: string }[];
  written: number;
}

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
export async function readStream(client: TestClient, path: string, ms: number, during?: () => Promise<void>): Promise<{ event: string; data: string }[]> {
  const abort = new AbortController();
  const res = await fetch(client.baseUrl + path, { headers: { cookie: client.cookieHeader(), accept: 'text/event-stream' }, signal: abort.signal });
  if (!res.body) throw new Error(`stream ${path}: ${res.status}`);
  const events: { event: string; data: string }[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length) events.push({ event, data: data.join('\n') });
        }
      }
    } catch {
      // aborted
    }
  })();
  await new Promise((r) => setTimeout(r, 150));
  await during?.();
  await new Promise((r) => setTimeout(r, ms));
  abort.abort();
  await pump;
  return events;
}
