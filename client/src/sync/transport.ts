import {
  DEVICE_TIME_HEADER,
  SCHEMA_VERSION_HEADER,
  SYNC_PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  decodeStreamMessage,
  entityByName,
  readSse,
  type Checkpoint,
  type PullResponse,
  type PushDetails,
  type PushRow,
  type SnapshotPage,
  type SnapshotPart,
  type StreamEvent,
} from '@coulisses/shared';

/** An HTTP failure that the replication treats by kind: auth (wait for sign-in), client (do not retry), other. */
export class SyncHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
  /** The session is gone or points elsewhere: pause until the app has a matching session again. */
  get isAuth(): boolean {
    return this.status === 401 || this.code === 'NO_ACTIVE_ORG' || this.code === 'ORG_MISMATCH';
  }
  /** This version of the app is too old for the server: stop syncing until the app is updated. */
  get isUpdateRequired(): boolean {
    return this.status === 426 || this.code === 'APP_UPDATE_REQUIRED';
  }
}

export interface TransportOptions {
  /** Origin of the sync server, '' for same-origin in the browser. */
  baseUrl: string;
  /** Extra headers per request (a cookie in Node tests; the browser sends its own cookies). */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
  locale?: () => string;
}

/** The registry version of a collection's schema, as the server checks it on collection routes. */
function schemaVersion(collection: string): string {
  return String(entityByName(collection)?.version ?? 0);
}

/**
 * The documented sync endpoints over fetch, usable in the browser, in web workers and in Node: pull, push
 * (with per-row details) and the multiplexed Server-Sent Events stream read from a fetch body, so cookies,
 * headers and reconnects stay under our control. Every request says which protocol it speaks
 * (X-Sync-Protocol); collection routes also say the collection's schema version (X-Schema-Version).
 */
export class HttpTransport {
  private readonly f: typeof fetch;
  constructor(private readonly opts: TransportOptions) {
    this.f = opts.fetch ?? ((...args) => globalThis.fetch(...args));
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'accept-language': this.opts.locale?.() ?? 'fr',
      [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
      ...(this.opts.headers?.() ?? {}),
      ...extra,
    };
  }

  private async fail(res: Response): Promise<never> {
    let code = 'HTTP_' + res.status;
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON
    }
    throw new SyncHttpError(res.status, code, message);
  }

  /** Changes after `checkpoint` (sent back exactly as the server gave it: its fields are the server's business). */
  async pull(collection: string, checkpoint: Checkpoint | undefined, limit: number): Promise<PullResponse> {
    const cp = encodeURIComponent(JSON.stringify(checkpoint ?? { seq: 0 }));
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/${collection}/pull?checkpoint=${cp}&limit=${limit}`, {
      headers: this.headers({ [SCHEMA_VERSION_HEADER]: schemaVersion(collection) }),
      credentials: 'same-origin',
    });
    if (!res.ok) return this.fail(res);
    return (await res.json()) as PullResponse;
  }

  /**
   * One page of a first-sync snapshot (protocol 3): `checkpoint` absent on the first page of a snapshot, then the
   * one the first page answered; `after` the previous page's `next`; `day` the device's today (YYYY-MM-DD).
   */
  async snapshot(collection: string, q: { checkpoint: Checkpoint | null; after: string; limit: number; part: SnapshotPart; day: string }): Promise<SnapshotPage> {
    const params = new URLSearchParams({ limit: String(q.limit), part: q.part, day: q.day });
    if (q.after) params.set('after', q.after);
    if (q.checkpoint) params.set('checkpoint', JSON.stringify(q.checkpoint));
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/${collection}/snapshot?${params.toString()}`, {
      headers: this.headers({ [SCHEMA_VERSION_HEADER]: schemaVersion(collection) }),
      credentials: 'same-origin',
    });
    if (!res.ok) return this.fail(res);
    return (await res.json()) as SnapshotPage;
  }

  async push(collection: string, rows: PushRow[]): Promise<PushDetails> {
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/${collection}/push?details=1`, {
      method: 'POST',
      headers: this.headers({
        'content-type': 'application/json',
        [DEVICE_TIME_HEADER]: new Date().toISOString(),
        [SCHEMA_VERSION_HEADER]: schemaVersion(collection),
      }),
      credentials: 'same-origin',
      body: JSON.stringify(rows),
    });
    if (!res.ok) return this.fail(res);
    const details = (await res.json()) as Partial<PushDetails>;
    // A server of protocol 1 answers without `merged`.
    return { conflicts: details.conflicts ?? [], rejected: details.rejected ?? [], diverted: details.diverted ?? [], merged: details.merged ?? [], written: details.written ?? 0 };
  }

  async counts(): Promise<Record<string, number>> {
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/counts`, { headers: this.headers(), credentials: 'same-origin' });
    if (!res.ok) return this.fail(res);
    return ((await res.json()) as { counts: Record<string, number> }).counts;
  }

  /**
   * Reads the multiplexed stream until `signal` aborts or the connection ends (then it resolves; the caller
   * reconnects). Events: RESYNC for all collections, per collection {documents, checkpoint} or RESYNC, and
   * END with the reason when the server closes the stream on its own initiative.
   */
  async stream(collections: string[], onEvent: (ev: StreamEvent) => void, signal: AbortSignal): Promise<void> {
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/stream?collections=${collections.join(',')}`, {
      headers: this.headers({ accept: 'text/event-stream' }),
      credentials: 'same-origin',
      signal,
    });
    if (!res.ok) return this.fail(res);
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    await readSse(reader, (msg) => {
      const ev = decodeStreamMessage(msg);
      if (ev) onEvent(ev);
    });
  }
}
