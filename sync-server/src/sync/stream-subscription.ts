import { STREAM_RESYNC } from '@coulisses/shared';
import type { ViewerContext } from './viewer';

/**
 * One event for a stream: a collection and its data (a JSON change batch, or RESYNC). Streams of the same viewer
 * and cursor share the object, so its Server-Sent Events frame is encoded once for all of them.
 */
export interface StreamEvent {
  collection: string;
  data: string;
  /** The encoded frame, named by collection (multiplexed stream) or not (RxDB's stream$); made by the first stream. */
  frames?: { named?: Uint8Array; unnamed?: Uint8Array };
}

const encoder = new TextEncoder();

/** The event as a Server-Sent Events frame (data is one line: JSON never holds a raw newline). */
export function sseFrame(event: StreamEvent, named: boolean): Uint8Array {
  const frames = (event.frames ??= {});
  if (named) return (frames.named ??= encoder.encode(`event: ${event.collection}\ndata: ${event.data}\n\n`));
  return (frames.unnamed ??= encoder.encode(`data: ${event.data}\n\n`));
}

/** An open stream as the hub sees it. */
export class Subscription {
  readonly cursors: Map<string, number>;
  private queue: StreamEvent[] = [];
  closed = false;

  constructor(
    readonly ctx: ViewerContext,
    readonly collections: readonly string[],
    cursor: number,
    private readonly wake: () => void,
    private readonly onClose: (sub: Subscription) => void,
    private readonly maxPending: number,
  ) {
    this.cursors = new Map(collections.map((c) => [c, cursor]));
  }

  /** The viewer's identity: streams with the same key and cursor receive the same data. */
  get key(): string {
    const v = this.ctx.viewer;
    return `${v.role}|${v.accountId}|${v.userId ?? ''}|${v.deviceId ?? ''}|${this.ctx.signature}`;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  send(event: StreamEvent): void {
    if (this.closed) return;
    if (this.queue.length >= this.maxPending) {
      // A client that does not keep up pulls instead: one RESYNC per collection, nothing lost.
      this.queue = this.collections.map((collection) => ({ collection, data: STREAM_RESYNC }));
    } else this.queue.push(event);
    this.wake();
  }

  /** The pending events, in order (the stream writes them). */
  take(): StreamEvent[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.onClose(this);
  }
}
