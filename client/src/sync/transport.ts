import type { SyncDoc } from '@coulisses/shared';

export interface Checkpoint {
  seq: number;
}

export interface PushRow {
  assumedMasterState?: SyncDoc;
  newDocumentState: SyncDoc;
}

export interface PushOutcome {
  conflicts: SyncDoc[];
  rejected: { id: string; code: string; message: string; field?: string }[];
  diverted: { id: string; code: string; message: string; eventId: string }[];
}

export type StreamEvent = { collection: string; data: 'RESYNC' | { documents: SyncDoc[]; checkpoint: Checkpoint } } | { collection: '*'; data: 'RESYNC' };

/** An HTTP failure that the replication treats by kind: auth (wait for sign-in), client (do not retry), other. */
export class SyncHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
  /** The session is gone or points elsewhere: pause until the app has a matching session again. */
  get isAuth(): boolean {
    return this.status === 401 || this.code === 'NO_ACTIVE_ORG' || this.code === 'ORG_MISMATCH';
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

/**
 * The documented sync endpoints over fetch, usable in the browser, in web workers and in Node: pull, push
 * (with per-row details) and the multiplexed Server-Sent Events stream read from a fetch body, so cookies,
 * headers and reconnects stay under our control.
 */
export class HttpTransport {
  private readonly f: typeof fetch;
  constructor(private readonly opts: TransportOptions) {
    this.f = opts.fetch ?? ((...args) => globalThis.fetch(...args));
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'accept-language': this.opts.locale?.() ?? 'fr', ...(this.opts.headers?.() ?? {}), ...extra };
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

  async pull(collection: string, checkpoint: Checkpoint | undefined, limit: number): Promise<{ documents: SyncDoc[]; checkpoint: Checkpoint }> {
    const cp = encodeURIComponent(JSON.stringify(checkpoint ?? { seq: 0 }));
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/${collection}/pull?checkpoint=${cp}&limit=${limit}`, {
      headers: this.headers(),
      credentials: 'same-origin',
    });
    if (!res.ok) return this.fail(res);
    return (await res.json()) as { documents: SyncDoc[]; checkpoint: Checkpoint };
  }

  async push(collection: string, rows: PushRow[]): Promise<PushOutcome> {
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/${collection}/push?details=1`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', 'X-Device-Time': new Date().toISOString() }),
      credentials: 'same-origin',
      body: JSON.stringify(rows),
    });
    if (!res.ok) return this.fail(res);
    return (await res.json()) as PushOutcome;
  }

  async counts(): Promise<Record<string, number>> {
    const res = await this.f(`${this.opts.baseUrl}/api/v1/sync/counts`, { headers: this.headers(), credentials: 'same-origin' });
    if (!res.ok) return this.fail(res);
    return ((await res.json()) as { counts: Record<string, number> }).counts;
  }

  /**
   * Reads the multiplexed stream until `signal` aborts or the connection ends (then it resolves; the caller
   * reconnects). Events: RESYNC for all collections, then per collection {documents, checkpoint} or RESYNC.
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
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let idx: number;
      while ((idx = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const ev = parseSse(block);
        if (!ev) continue;
        if (ev.event === 'RESYNC') onEvent({ collection: '*', data: 'RESYNC' });
        else if (ev.data === 'RESYNC') onEvent({ collection: ev.event, data: 'RESYNC' });
        else onEvent({ collection: ev.event, data: JSON.parse(ev.data) as { documents: SyncDoc[]; checkpoint: Checkpoint } });
      }
    }
  }
}

/** One Server-Sent Events block: `event:` and `data:` lines; comments (heartbeats) give null. */
export function parseSse(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, data: data.join('\n') };
}
