import { STREAM_END, STREAM_RESYNC, type EntityDef, type StreamEndCode } from '@coulisses/shared';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Sql } from '../db/connect';
import type { AppEnv } from '../http/context';
import type { AccessChange, ChangeFeed } from './feed';
import { readScoped } from './pull';
import { orgState } from './store';
import type { ViewerContext } from './viewer';

export interface StreamOptions {
  heartbeatMs: number;
  pollMs: number;
  /** More changes than this since the last event: send RESYNC instead (the client pulls). */
  maxBatch: number;
  /** How often an open stream checks its viewer again without being told (expired sessions). */
  recheckMs: number;
}

export const STREAM_DEFAULTS: StreamOptions = { heartbeatMs: 15_000, pollMs: 10_000, maxBatch: 500, recheckMs: 30_000 };

/** The viewer of an open stream, resolved again from its request: the same viewer, or why the stream must end. */
export type Recheck = () => Promise<ViewerContext | StreamEndCode>;

/**
 * Server-Sent Events of {documents, checkpoint} for one or several collections. It starts with RESYNC (the
 * client pulls from its own checkpoint, so a reconnect never loses a change), then sends every change after the
 * connection's cursor that the viewer must receive (its read scope, compiled to SQL, and its scope exits); more
 * than maxBatch at once becomes RESYNC. Heartbeat comments keep proxies from closing the connection. `named` sends
 * each collection as its own event name (the multiplexed stream); otherwise events are unnamed (RxDB's stream$).
 *
 * The viewer is checked again whenever someone's access changes (sign-out, revoked session, member removed, role
 * changed: feed.accessChanged, on every instance) and every recheckMs: a viewer that is gone, moved to another
 * organisation or whose read scope changed gets an END event (multiplexed stream) and the stream closes.
 */
export function syncStream(c: Context<AppEnv>, sql: Sql, feed: ChangeFeed, start: ViewerContext, entities: EntityDef[], named: boolean, recheck: Recheck, opts: StreamOptions = STREAM_DEFAULTS) {
  return streamSSE(c, async (stream) => {
    const ctx = start;
    const { lastSeq } = await orgState(sql, ctx.orgId);
    let seenSeq = lastSeq;
    const cursors = new Map(entities.map((e) => [e.name, lastSeq]));
    let dirty = new Set<string>();
    let wake: (() => void) | undefined;
    let done = false;
    let checkDue = false;
    let lastCheck = Date.now();
    const stop = () => {
      done = true;
      wake?.();
    };
    const unsubscribe = feed.subscribe(ctx.orgId, (collections) => {
      for (const name of collections) if (cursors.has(name)) dirty.add(name);
      wake?.();
    });
    const unaccess = feed.onAccess((change: AccessChange) => {
      if (change.accountId === ctx.viewer.accountId || change.orgId === ctx.orgId) {
        checkDue = true;
        wake?.();
      }
    });
    const unclose = feed.onClose(stop);
    stream.onAbort(stop);
    const end = async (code: StreamEndCode) => {
      if (named) await stream.writeSSE({ event: STREAM_END, data: JSON.stringify({ code }) }).catch(() => undefined);
      done = true;
    };
    try {
      await stream.writeSSE({ event: named ? STREAM_RESYNC : 'message', data: STREAM_RESYNC });
      let lastBeat = Date.now();
      while (!done) {
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
        if (dirty.size > 0) {
          const names = dirty;
          dirty = new Set();
          for (const entity of entities.filter((e) => names.has(e.name))) {
            const cursor = cursors.get(entity.name) ?? 0;
            const { documents, high, full } = await readScoped(sql, ctx, entity, cursor, opts.maxBatch + 1);
            if (full && documents.length > opts.maxBatch) {
              const { lastSeq: now } = await orgState(sql, ctx.orgId);
              cursors.set(entity.name, now);
              await stream.writeSSE(named ? { event: entity.name, data: STREAM_RESYNC } : { data: STREAM_RESYNC });
              continue;
            }
            cursors.set(entity.name, high);
            if (documents.length === 0) continue;
            const data = JSON.stringify({ documents, checkpoint: { seq: high, scope: ctx.signature } });
            await stream.writeSSE(named ? { event: entity.name, data } : { data });
          }
        }
        if (done || checkDue || dirty.size > 0) continue;
        const untilCheck = Math.max(0, opts.recheckMs - (Date.now() - lastCheck));
        const waited = await new Promise<'wake' | 'timer'>((resolve) => {
          const timer = setTimeout(() => resolve('timer'), Math.min(opts.heartbeatMs, opts.pollMs, untilCheck));
          wake = () => {
            clearTimeout(timer);
            resolve('wake');
          };
        });
        wake = undefined;
        if (waited === 'timer') {
          // The poll: one cheap query; only a change of the org's sequence makes the collections dirty.
          const { lastSeq: current } = await orgState(sql, ctx.orgId);
          if (current > seenSeq) for (const e of entities) dirty.add(e.name);
          seenSeq = current;
          if (Date.now() - lastBeat >= opts.heartbeatMs - 5) {
            await stream.write(': heartbeat\n\n');
            lastBeat = Date.now();
          }
        }
      }
    } finally {
      unsubscribe();
      unaccess();
      unclose();
    }
  });
}
