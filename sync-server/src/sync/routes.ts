import { ENTITIES, entityByName, type EntityDef } from '@coulisses/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { requireRole } from '../org/caller';
import type { ChangeFeed } from './feed';
import { pullChanges } from './pull';
import { handlePush } from './push-route';
import { syncStream, type StreamOptions, STREAM_DEFAULTS } from './stream';
import { resolveViewer } from './viewer';

export const PULL_MAX = 1000;
export const PULL_DEFAULT = 200;
export { PUSH_MAX_ROWS } from './push-route';
const ROLES = ['ADMIN', 'MANAGER', 'TECH'] as const;

const CheckpointSchema = z.object({ seq: z.number().int().min(0) }).strict();

function entityOf(c: Context<AppEnv>): EntityDef {
  const entity = entityByName(c.req.param('collection') ?? '');
  if (!entity) throw new AppError('COLLECTION_UNKNOWN', { collection: c.req.param('collection') }, 404);
  return entity;
}

function parseCheckpoint(raw: string | undefined): { seq: number } {
  if (!raw) return { seq: 0 };
  try {
    return CheckpointSchema.parse(JSON.parse(raw));
  } catch {
    throw new AppError('BAD_CHECKPOINT', { checkpoint: raw }, 400);
  }
}

/**
 * RxDB's replication protocol for every registered collection, plus a multiplexed stream, the visible
 * document counts (first-sync progress) and the conflict log.
 */
export function syncRoutes(deps: Deps, feed: ChangeFeed, streamOptions: StreamOptions = STREAM_DEFAULTS) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  // A client names the organisation its local store belongs to; if the session now points at another one
  // (switched in another tab), it must not pull that organisation's data into this store.
  app.use('/sync/*', async (c, next) => {
    const expected = c.req.header('x-org-id');
    const caller = c.get('caller');
    if (expected && caller?.activeOrgId && expected !== caller.activeOrgId) throw new AppError('ORG_MISMATCH', undefined, 409);
    await next();
  });

  app.get('/sync/stream', async (c) => {
    const caller = requireRole(c, ROLES);
    const names = (c.req.query('collections') ?? ENTITIES.map((e) => e.name).join(',')).split(',').filter(Boolean);
    const entities = names.map((n) => entityByName(n));
    if (entities.some((e) => !e)) throw new AppError('COLLECTION_UNKNOWN', { collections: names }, 404);
    return syncStream(c, sql, feed, await resolveViewer(sql, caller), entities as EntityDef[], true, streamOptions);
  });

  app.get('/sync/counts', async (c) => {
    const caller = requireRole(c, ROLES);
    const ctx = await resolveViewer(sql, caller);
    const counts: Record<string, number> = {};
    for (const entity of ENTITIES as readonly EntityDef[]) {
      const scope = entity.read[ctx.viewer.role];
      if (!scope || scope.kind === 'none') counts[entity.name] = 0;
      else if (scope.kind === 'all') {
        const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(entity.name)} where org_id = ${ctx.orgId} and not deleted`;
        counts[entity.name] = row?.n ?? 0;
      } else {
        const { documents } = await pullChanges(sql, ctx, entity, { seq: 0 }, Number.MAX_SAFE_INTEGER);
        counts[entity.name] = documents.filter((d) => !d._deleted).length;
      }
    }
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

  app.post('/sync/:collection/push', async (c) => {
    const caller = requireRole(c, ROLES);
    const entity = entityOf(c);
    return handlePush(c, sql, feed, await resolveViewer(sql, caller), entity);
  });

  app.get('/sync/:collection/stream', async (c) => {
    const caller = requireRole(c, ROLES);
    const entity = entityOf(c);
    return syncStream(c, sql, feed, await resolveViewer(sql, caller), [entity], false, streamOptions);
  });

  /** The conflict log through the API (the same entries as the synced `conflicts` collection). */
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
