import { randomBytes } from 'node:crypto';
import { PLANNER_ROLES, hasRole, uuidv7, type Role } from '@coulisses/shared';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { Id } from '@coulisses/shared/entities/common';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../../auth/caller';
import type { Deps } from '../../deps';
import type { AppEnv, OrgCaller } from '../../http/context';
import { AppError } from '../../http/errors';
import { linkedUserId } from '../../sync/viewer';
import { FEED_SCOPES, getFeed, insertFeed, listFeeds, livePerson, liveTeam, revokeFeed, type FeedRow } from './repo';

const ALL_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'TECH'];

export const CreateFeedBody = z
  .object({
    scope: z.enum(FEED_SCOPES).meta({ description: 'person: the missions of one person; team: of a team; org: every mission (planners)' }),
    subjectId: Id.nullable().optional().meta({ description: 'The person (scope person; default: the caller\'s own person) or the team (scope team)' }),
  })
  .strict();

/** The public address of a feed (the token appears here and only here, once). */
export function feedUrls(baseURL: string, token: string): { url: string; webcalUrl: string } {
  const url = `${baseURL.replace(/\/$/, '')}/ics/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

/** A feed as the API shows it: never its token nor its hash. */
export const feedView = (f: FeedRow) => ({ id: f.id, scope: f.scope, subjectId: f.subjectId, createdBy: f.createdBy, createdAt: f.createdAt, revokedAt: f.revokedAt });

/** The caller's own schedulable person, or 403 (a TECH without a person has no feed to make). */
async function ownPerson(deps: Deps, caller: OrgCaller): Promise<string> {
  const userId = await linkedUserId(deps.db.sql, caller.activeOrgId, caller.accountId);
  if (!userId) throw new AppError('FORBIDDEN');
  return userId;
}

/**
 * Calendar feeds (docs/decisions/notifications.md, "Calendar feeds (ICS)"), every member of the active organisation:
 * - POST /calendar/feeds {scope, subjectId}: 201 with the feed and its URL (the token, shown once). A TECH only
 *   for their own person; planners for any person, team or the organisation;
 * - GET /calendar/feeds: the feeds (a TECH: the ones they created), without tokens;
 * - POST /calendar/feeds/:id/revoke: the feed stops answering (404 at its URL).
 */
export function calendarFeedRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.post('/calendar/feeds', async (c) => {
    const caller = requireRole(c, ALL_ROLES);
    const body = CreateFeedBody.parse(await c.req.json().catch(() => null));
    const planner = hasRole(caller.role, PLANNER_ROLES);
    let subjectId: string | null = null;
    if (body.scope === 'person') {
      if (planner) {
        subjectId = body.subjectId ?? (await linkedUserId(sql, caller.activeOrgId, caller.accountId));
        if (!subjectId || !(await livePerson(sql, caller.activeOrgId, subjectId))) throw new AppError('NOT_FOUND');
      } else {
        subjectId = await ownPerson(deps, caller);
        if (body.subjectId && body.subjectId !== subjectId) throw new AppError('FORBIDDEN');
      }
    } else {
      if (!planner) throw new AppError('FORBIDDEN');
      if (body.scope === 'team') {
        if (!body.subjectId) throw new AppError('VALIDATION_FAILED', [{ path: 'subjectId', code: 'custom', message: 'a team feed names its team' }]);
        if (!(await liveTeam(sql, caller.activeOrgId, body.subjectId))) throw new AppError('NOT_FOUND');
        subjectId = body.subjectId;
      } else if (body.subjectId) {
        throw new AppError('VALIDATION_FAILED', [{ path: 'subjectId', code: 'custom', message: 'an organisation feed names no subject' }]);
      }
    }
    const token = randomBytes(32).toString('base64url');
    const feed = await insertFeed(sql, { id: uuidv7(), orgId: caller.activeOrgId, scope: body.scope, subjectId, tokenHash: sha256Hex(token), createdBy: caller.accountId });
    return c.json({ feed: feedView(feed), ...feedUrls(deps.baseURL, token) }, 201);
  });

  app.get('/calendar/feeds', async (c) => {
    const caller = requireRole(c, ALL_ROLES);
    const planner = hasRole(caller.role, PLANNER_ROLES);
    const feeds = await listFeeds(sql, caller.activeOrgId, planner ? null : caller.accountId);
    return c.json({ feeds: feeds.map(feedView) });
  });

  app.post('/calendar/feeds/:id/revoke', async (c) => {
    const caller = requireRole(c, ALL_ROLES);
    const id = Id.safeParse(c.req.param('id'));
    const feed = id.success ? await getFeed(sql, caller.activeOrgId, id.data) : null;
    // A TECH's view of the feeds is their own: another's is not found.
    if (!feed || (!hasRole(caller.role, PLANNER_ROLES) && feed.createdBy !== caller.accountId)) throw new AppError('NOT_FOUND');
    await revokeFeed(sql, caller.activeOrgId, feed.id);
    return c.json({ feed: feedView((await getFeed(sql, caller.activeOrgId, feed.id))!) });
  });

  return app;
}
