import { canRead, type EntityDef, type SyncDoc } from '@coulisses/shared';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Sql } from '../db/connect';
import type { AppEnv } from '../http/context';
import type { ChangeFeed } from './feed';
import { orgState, readChanges, toSyncDoc } from './store';
import { assignedMissionIds, type ViewerContext } from './viewer';

export interface StreamOptions {
  heartbeatMs: number;
  pollMs: number;
  /** More changes than this since the last event: send RESYNC instead (the client pulls). */
  maxBatch: number;
}

export const STREAM_DEFAULTS: StreamOptions = { heartbeatMs: 15_000, pollMs: 10_000, maxBatch: 500 };

/**
 * Server-Sent Events of {documents, checkpoint} for one or several collections. It starts with RESYNC (the
 * client pulls from its own checkpoint, so a reconnect never loses a change), then sends every change
 * after the connection's cursor that the viewer may read; more than maxBatch at once becomes RESYNC.
 * Heartbeat comments keep proxies from closing the connection. `named` sends each collection as its own
 * event name (the multiplexed stream); otherwise events are unnamed (RxDB's stream$ per collection).
 */
export function syncStream(c: Context<AppEnv>, sql: Sql, feed: ChangeFeed, ctx: ViewerContext, entities: EntityDef[], named: boolean, opts: StreamOptions = STREAM_DEFAULTS) {
  return streamSSE(c, async (stream) => {
    const { lastSeq } = await orgState(sql, ctx.orgId);
    let seenSeq = lastSeq;
    const cursors = new Map(entities.map((e) => [e.name, lastSeq]));
    let dirty = new Set(entities.map((e) => e.name));
    let wake: (() => void) | undefined;
    let done = false;
    const stop = () => {
      done = true;
      wake?.();
    };
    const unsubscribe = feed.subscribe(ctx.orgId, (collections) => {
      for (const name of collections) if (cursors.has(name)) dirty.add(name);
      if (collections.has('assignments')) dirty.add('missions');
      if (collections.has('field_events') && cursors.has('timesheets')) dirty.add('timesheets');
      wake?.();
    });
    const unclose = feed.onClose(stop);
    stream.onAbort(stop);
    await stream.writeSSE({ event: named ? 'RESYNC' : 'message', data: 'RESYNC' });
    dirty = new Set();
    let lastBeat = Date.now();
    try {
      while (!done) {
        if (dirty.size > 0) {
          const names = [...dirty];
          dirty = new Set();
          if (ctx.viewer.role === 'TECH' && names.some((n) => n === 'assignments' || n === 'missions')) {
            ctx.facts = { assignedMissionIds: await assignedMissionIds(sql, ctx.orgId, ctx.viewer.userId) };
          }
          for (const entity of entities.filter((e) => names.includes(e.name))) {
            const cursor = cursors.get(entity.name) ?? 0;
            const rows = await readChanges(sql, entity, ctx.orgId, cursor, opts.maxBatch + 1);
            if (rows.length === 0) continue;
            if (rows.length > opts.maxBatch) {
              const { lastSeq: now } = await orgState(sql, ctx.orgId);
              cursors.set(entity.name, now);
              await stream.writeSSE(named ? { event: entity.name, data: 'RESYNC' } : { data: 'RESYNC' });
              continue;
            }
            const last = rows[rows.length - 1]!.seq;
            cursors.set(entity.name, last);
            const documents: SyncDoc[] = rows.map(toSyncDoc).filter((d) => canRead(entity, ctx.viewer, ctx.facts, d));
            if (documents.length === 0) continue;
            const data = JSON.stringify({ documents, checkpoint: { seq: last } });
            await stream.writeSSE(named ? { event: entity.name, data } : { data });
          }
        }
        if (done) break;
        const waited = await new Promise<'wake' | 'timer'>((resolve) => {
          const timer = setTimeout(() => resolve('timer'), Math.min(opts.heartbeatMs, opts.pollMs));
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
      unclose();
    }
  });
}
