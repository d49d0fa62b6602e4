import { STREAM_END, STREAM_RESYNC, type EntityDef, type StreamEndCode } from '@coulisses/shared';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../http/context';
import type { AccessChange, ChangeFeed } from './feed';
import type { StreamHub } from './stream-hub';
import { sseFrame, type Subscription } from './stream-subscription';
import type { ViewerContext } from './viewer';

export interface StreamOptions {
  heartbeatMs: number;
  /** How often an open stream checks its viewer again without being told (expired sessions). */
  recheckMs: number;
}

export const STREAM_DEFAULTS: StreamOptions = { heartbeatMs: 15_000, recheckMs: 30_000 };

/** The viewer of an open stream, resolved again from its request: the same viewer, or why the stream must end. */
export type Recheck = () => Promise<ViewerContext | StreamEndCode>;

/**
 * Server-Sent Events of {documents, checkpoint} for one or several collections. It starts with RESYNC (the
 * client pulls from its own checkpoint, so a reconnect never loses a change), then sends every change after the
 * connection's cursor that the viewer must receive: the hub (stream-hub.ts) reads each organisation's changes
 * once for all its streams and hands this one what a pull from its cursor would return (its read scope and its
 * scope exits); more than the hub's maxBatch at once becomes RESYNC. Heartbeat comments keep proxies from closing
 * the connection. `named` sends each collection as its own event name (the multiplexed stream); otherwise events
 * are unnamed (RxDB's stream$). An idle stream runs no query.
 *
 * The viewer is checked again whenever someone's access changes (sign-out, revoked session, member removed, role
 * changed: feed.accessChanged, on every instance) and every recheckMs: a viewer that is gone, moved to another
 * organisation or whose read scope changed gets an END event (multiplexed stream) and the stream closes. Pending
 * events wait for that check: nothing is sent to a viewer whose access is being checked.
 */
export function syncStream(c: Context<AppEnv>, hub: StreamHub, feed: ChangeFeed, start: ViewerContext, entities: EntityDef[], named: boolean, recheck: Recheck, opts: StreamOptions = STREAM_DEFAULTS) {
  return streamSSE(c, async (stream) => {
    const ctx = start;
    let wake: (() => void) | undefined;
    let done = false;
    let checkDue = false;
    // The first periodic check falls anywhere in the second half of the period: streams opened together do not
    // all check at once.
    let lastCheck = Date.now() - Math.floor(Math.random() * (opts.recheckMs / 2));
    const stop = () => {
      done = true;
      wake?.();
    };
    const unaccess = feed.onAccess((change: AccessChange) => {
      if (change.accountId === ctx.viewer.accountId || change.orgId === ctx.orgId) {
        checkDue = true;
        wake?.();
      }
    });
    const unclose = feed.onClose(stop);
    stream.onAbort(stop);
    let sub: Subscription | undefined;
    const end = async (code: StreamEndCode) => {
      if (named) await stream.writeSSE({ event: STREAM_END, data: JSON.stringify({ code }) }).catch(() => undefined);
      done = true;
    };
    try {
      sub = await hub.subscribe(
        ctx,
        entities.map((e) => e.name),
        () => wake?.(),
      );
      await stream.writeSSE({ event: named ? STREAM_RESYNC : 'message', data: STREAM_RESYNC });
      let lastBeat = Date.now();
      while (!done && !sub.closed) {
        if (checkDue || Date.now() - lastCheck >= opts.recheckMs) {
          checkDue = false;
          lastCheck = Date.now();
          const now = await recheck();
          if (typeof now === 'string') {
            await end(now);
            break;
          }
          if (now.orgId !== ctx.orgId) {
            await end('ORG_MISMATCH');
            break;
          }
          if (now.signature !== ctx.signature) {
            await end('SCOPE_CHANGED');
            break;
          }
        }
        if (sub.pending && !checkDue) {
          for (const ev of sub.take()) await stream.write(sseFrame(ev, named));
          lastBeat = Date.now();
        }
        if (done || checkDue || sub.pending) continue;
        const untilCheck = Math.max(0, opts.recheckMs - (Date.now() - lastCheck));
        const untilBeat = Math.max(0, opts.heartbeatMs - (Date.now() - lastBeat));
        const waited = await new Promise<'wake' | 'timer'>((resolve) => {
          const timer = setTimeout(() => resolve('timer'), Math.min(untilBeat, untilCheck));
          wake = () => {
            clearTimeout(timer);
            resolve('wake');
          };
        });
        wake = undefined;
        if (waited === 'timer' && Date.now() - lastBeat >= opts.heartbeatMs - 5) {
          await stream.write(': heartbeat\n\n');
          lastBeat = Date.now();
        }
      }
    } finally {
      sub?.close();
      unaccess();
      unclose();
    }
  });
}
