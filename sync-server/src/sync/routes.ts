import {
  ENTITIES,
  ORG_HEADER,
  SNAPSHOT_PARTS,
  SCHEMA_VERSION_HEADER,
  SYNC_PROTOCOL_HEADER,
  SYNC_PROTOCOL_MIN,
  entityByName,
  isWindowDay,
  type EntityDef,
  type SnapshotPart,
  type Role,
  type StreamEndCode,
} from '@coulisses/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { requireRole, resolveCaller } from '../auth/caller';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { countScoped, pullChanges } from './pull';
import { handlePush } from './push-route';
import { readSnapshot } from './snapshot';
import { STREAM_DEFAULTS, syncStream, type Recheck, type StreamOptions } from './stream';
import { resolveViewer, type ViewerContext } from './viewer';

export const PULL_MAX = 1000;
export const PULL_DEFAULT = 200;
export const SNAPSHOT_MAX = 5000;
export const SNAPSHOT_DEFAULT = 2000;
export { PUSH_MAX_ROWS } from './push-route';
const ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'TECH'];

const CheckpointSchema = z.object({ seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), scope: z.string().max(64).optional() }).strict();

function entityOf(c: Context<AppEnv>): EntityDef {
  const entity = entityByName(c.req.param('collection') ?? '');
  if (!entity) throw new AppError('COLLECTION_UNKNOWN', { collection: c.req.param('collection') }, 404);
  return entity;
}

function parseCheckpoint(raw: string | undefined): { seq: number; scope?: string } {
  if (!raw) return { seq: 0 };
  try {
    return CheckpointSchema.parse(JSON.parse(raw));
  } catch {
    throw new AppError('BAD_CHECKPOINT', { checkpoint: raw.slice(0, 200) }, 400);
  }
}

/** A version header: absent (a plain RxDB client), else a non-negative integer. */
function versionHeader(c: Context<AppEnv>, name: string): number | null {
  const raw = c.req.header(name);
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new AppError('BAD_REQUEST', { header: name });
  return n;
}

/**
 * RxDB's replication protocol for every registered collection, plus a multiplexed stream, the visible
 * document counts (first-sync progress) and the conflict log. Every answer is decided by the viewer's read
 * scope (shared/src/sync/read.ts, compiled to SQL by scope-sql.ts).
 */
export function syncRoutes(deps: Deps, streamOptions: StreamOptions = STREAM_DEFAULTS) {
  const { sql } = deps.db;
  const core = deps.sync;
  const app = new Hono<AppEnv>();

  // A client names the organisation its local store belongs to; if the session now points at another one
  // (switched in another tab), it must not pull that organisation's data into this store. An app speaking an
  // older protocol, or with an older schema of the collection, is told to update (426).
  app.use('/sync/*', async (c, next) => {
    const expected = c.req.header(ORG_HEADER);
    const caller = c.get('caller');
    if (expected && caller?.activeOrgId && expected !== caller.activeOrgId) throw new AppError('ORG_MISMATCH', undefined, 409);
    const protocol = versionHeader(c, SYNC_PROTOCOL_HEADER);
    if (protocol !== null && protocol < SYNC_PROTOCOL_MIN) throw new AppError('APP_UPDATE_REQUIRED', { protocol, min: SYNC_PROTOCOL_MIN }, 426);
    await next();
  });
  app.use('/sync/:collection/*', async (c, next) => {
    const entity = entityByName(c.req.param('collection'));
    const schema = versionHeader(c, SCHEMA_VERSION_HEADER);
    if (entity && schema !== null && schema < entity.version) throw new AppError('APP_UPDATE_REQUIRED', { collection: entity.name, schema, current: entity.version }, 426);
    await next();
  });

  /** The stream's viewer, resolved again from the same request headers (cookie, organisation header). */
  const recheckOf = (c: Context<AppEnv>, expectedOrg: string): Recheck => {
    const headers = new Headers(c.req.raw.headers);
    return async (): Promise<ViewerContext | StreamEndCode> => {
      const caller = await resolveCaller(deps.auth, sql, headers);
      if (!caller) return 'UNAUTHENTICATED';
      if (!caller.activeOrgId || !caller.role) return 'NO_ACTIVE_ORG';
      if (caller.activeOrgId !== expectedOrg) return 'ORG_MISMATCH';
      return resolveViewer(sql, { activeOrgId: caller.activeOrgId, role: caller.role, accountId: caller.accountId });
    };
  };

  app.get('/sync/stream', async (c) => {
    const caller = requireRole(c, ROLES);
    const names = (c.req.query('collections') ?? ENTITIES.map((e) => e.name).join(',')).split(',').filter(Boolean);
    const entities = names.map((n) => entityByName(n));
    if (entities.some((e) => !e) || names.length > ENTITIES.length) throw new AppError('COLLECTION_UNKNOWN', { collections: names.slice(0, ENTITIES.length + 1) }, 404);
    const ctx = await resolveViewer(sql, caller);
    return syncStream(c, deps.streams, deps.feed, ctx, [...new Set(entities as EntityDef[])], true, recheckOf(c, caller.activeOrgId), streamOptions);
  });

  app.get('/sync/counts', async (c) => {
    const caller = requireRole(c, ROLES);
    const ctx = await resolveViewer(sql, caller);
    const counts: Record<string, number> = {};
    for (const entity of ENTITIES as readonly EntityDef[]) counts[entity.name] = await countScoped(sql, ctx, entity);
    return c.json({ counts });
  });

  app.get('/sync/:collection/pull', async (c) => {
    const caller = requireRole(c, ROLES);
    const entity = entityOf(c);
    const limitRaw = Number(c.req.query('limit') ?? PULL_DEFAULT);
    if (!Number.isInteger(limitRaw) || limitRaw < 1) throw new AppError('VALIDATION_FAILED', [{ path: 'limit', message: 'positive integer' }]);
    const checkpoint = parseCheckpoint(c.req.query('checkpoint'));
    const ctx = await resolveViewer(sql, caller);
    return c.json(await pullChanges(sql, ctx, entity, checkpoint, Math.min(limitRaw, PULL_MAX)));
  });

  /** First sync of a fresh or reset collection: one page of the snapshot (snapshot.ts). */
  app.get('/sync/:collection/snapshot', async (c) => {
    const caller = requireRole(c, ROLES);
    const entity = entityOf(c);
    const limitRaw = Number(c.req.query('limit') ?? SNAPSHOT_DEFAULT);
    if (!Number.isInteger(limitRaw) || limitRaw < 1) throw new AppError('VALIDATION_FAILED', [{ path: 'limit', message: 'positive integer' }]);
    const part = (c.req.query('part') ?? 'all') as SnapshotPart;
    if (!SNAPSHOT_PARTS.includes(part)) throw new AppError('VALIDATION_FAILED', [{ path: 'part', message: SNAPSHOT_PARTS.join(', ') }]);
    const day = c.req.query('day') ?? new Date().toISOString().slice(0, 10);
    if (!isWindowDay(day)) throw new AppError('VALIDATION_FAILED', [{ path: 'day', message: 'YYYY-MM-DD' }]);
    const after = c.req.query('after') ?? '';
    if (after.length > 40) throw new AppError('VALIDATION_FAILED', [{ path: 'after', message: 'an id' }]);
    const raw = c.req.query('checkpoint');
    const checkpoint = raw ? parseCheckpoint(raw) : null;
    const ctx = await resolveViewer(sql, caller);
    return c.json(await readSnapshot(sql, ctx, entity, { checkpoint, after, limit: Math.min(limitRaw, SNAPSHOT_MAX), part, day }));
  });

  app.post('/sync/:collection/push', async (c) => {
    const caller = requireRole(c, ROLES);
    const entity = entityOf(c);
    return handlePush(c, core, await resolveViewer(sql, caller), entity);
  });

  app.get('/sync/:collection/stream', async (c) => {
    const caller = requireRole(c, ROLES);
    const entity = entityOf(c);
    return syncStream(c, deps.streams, deps.feed, await resolveViewer(sql, caller), [entity], false, recheckOf(c, caller.activeOrgId), streamOptions);
  });

  /** The conflict log through the API (the same entries, shown the same way, as the synced `conflicts` collection). */
  app.get('/conflicts', async (c) => {
    const caller = requireRole(c, ROLES);
    const ctx = await resolveViewer(sql, caller);
    const limit = Math.min(Number(c.req.query('limit') ?? 100) || 100, 500);
    const { documents } = await pullChanges(sql, ctx, entityByName('conflicts')!, { seq: 0 }, Number.MAX_SAFE_INTEGER);
    const live = documents.filter((d) => !d._deleted).sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    return c.json({ conflicts: live.slice(0, limit) });
  });

  return app;
}
