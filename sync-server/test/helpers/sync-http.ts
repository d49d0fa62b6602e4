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

export interface EventStream {
  /** Every event received so far, in order (the first is the stream's RESYNC). */
  events: SseMessage[];
  /** Resolves as soon as `ok(events)` holds; rejects when it has not after `maxMs` or when the stream ends first. */
  until(ok: (events: SseMessage[]) => boolean, what: string, maxMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a Server-Sent Events stream and resolves once it is live (its first event, RESYNC, arrived). Tests wait
 * for the events they expect with until(), never for a fixed time; that something did not arrive is shown by a
 * later event that did (one stream delivers in order).
 */
export async function openEvents(client: TestClient, path: string, baseUrl = client.baseUrl): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(baseUrl + path, { headers: { cookie: client.cookieHeader(), accept: 'text/event-stream' }, signal: abort.signal });
  if (!res.body || res.status !== 200) throw new Error(`stream ${path}: ${res.status}`);
  const events: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const pump = readSse(res.body.pipeThrough(new TextDecoderStream()).getReader(), (msg) => {
    events.push(msg);
    for (const w of [...waiters]) w();
  })
    .catch(() => undefined)
    .finally(() => {
      ended = true;
      for (const w of [...waiters]) w();
    });
  const until = (ok: (events: SseMessage[]) => boolean, what: string, maxMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ok(events)) done(resolve);
        else if (ended) done(() => reject(new Error(`stream ${path} ended before ${what}: ${JSON.stringify(events.map((e) => e.event))}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${what} on ${path} after ${maxMs} ms: ${JSON.stringify(events.map((e) => e.event))}`))), maxMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  await until((e) => e.length > 0, 'first event');
  return {
    events,
    until,
    async close() {
      abort.abort();
      await pump;
    },
  };
}
