import { PLANNER_ROLES, hasRole, isRole, translate } from '@coulisses/shared';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { writeCalendar } from '@coulisses/shared/planning/ics';
import { missionEvent } from '@coulisses/shared/planning/ics-missions';
import { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { AppEnv } from '../../http/context';
import { errorResponse } from '../../http/errors';
import { linkedUserId } from '../../sync/viewer';
import { feedMissions } from './feed-repo';
import { creatorStanding, liveFeedByHash, livePerson, liveTeam, type FeedRow } from './repo';

const DAY = 86_400_000;
/** The window of a feed: 60 days back, 12 months ahead. */
export const FEED_PAST_DAYS = 60;
export const FEED_FUTURE_DAYS = 365;
/** At most this many events in one feed (an organisation's year is a few thousand missions). */
export const FEED_MAX_EVENTS = 5_000;

const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * Whether the feed may still be read, and the name of its subject: its creator is still a member of the
 * organisation with the role the scope needs (a TECH only their own person: still linked to it), its subject
 * still exists. Null: the feed answers 404 like an unknown token.
 */
async function feedSubject(deps: Deps, feed: FeedRow): Promise<{ name: string; timeZone: string } | null> {
  const { sql } = deps.db;
  const standing = await creatorStanding(sql, feed.orgId, feed.createdBy);
  if (!isRole(standing.role)) return null;
  const planner = hasRole(standing.role, PLANNER_ROLES);
  if (feed.scope === 'org') return planner ? { name: standing.orgName, timeZone: standing.timeZone } : null;
  if (feed.scope === 'team') {
    const team = planner && feed.subjectId ? await liveTeam(sql, feed.orgId, feed.subjectId) : null;
    return team ? { name: team.name, timeZone: standing.timeZone } : null;
  }
  if (!feed.subjectId) return null;
  if (!planner && (await linkedUserId(sql, feed.orgId, feed.createdBy)) !== feed.subjectId) return null;
  const person = await livePerson(sql, feed.orgId, feed.subjectId);
  return person ? { name: person.name, timeZone: standing.timeZone } : null;
}

/**
 * GET /ics/<token>.ics: the public, secret address of a calendar feed (no session: calendar applications fetch
 * it). Unknown, revoked and no-longer-allowed feeds are the same 404. text/calendar, private cache of 5 minutes,
 * an ETag of the content (If-None-Match: 304).
 */
export function icsFeedRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  app.get('/ics/:file', async (c) => {
    const m = TOKEN_FILE.exec(c.req.param('file'));
    const feed = m ? await liveFeedByHash(sql, sha256Hex(m[1]!)) : null;
    const subject = feed ? await feedSubject(deps, feed) : null;
    if (!feed || !subject) return errorResponse(c, 404, 'NOT_FOUND');
    const now = Date.now();
    const from = new Date(now - FEED_PAST_DAYS * DAY).toISOString();
    const to = new Date(now + FEED_FUTURE_DAYS * DAY).toISOString();
    const missions = await feedMissions(sql, feed.orgId, feed.scope, feed.subjectId, from, to, FEED_MAX_EVENTS);
    // DTSTAMP: the last change of the feed's content (its creation when empty), so that the same content gives the
    // same bytes and ETag.
    const stamp = missions.reduce((max, x) => (x.updatedAt > max ? x.updatedAt : max), feed.createdAt);
    const locale = c.get('locale');
    // The public origin is known once the server listens (deps.baseURL): read at each request.
    const host = new URL(deps.baseURL).host;
    const text = writeCalendar({
      name: translate(locale, `calendarFeeds.calName.${feed.scope}`, { name: subject.name }),
      timeZone: subject.timeZone,
      stamp,
      events: missions.map((x) => missionEvent(x, host)),
    });
    const etag = `"${sha256Hex(text).slice(0, 32)}"`;
    c.header('Cache-Control', 'private, max-age=300');
    c.header('ETag', etag);
    c.header('X-Robots-Tag', 'noindex');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="coulisses.ics"');
    return c.body(text);
  });
  return app;
}
