import type { MiddlewareHandler } from 'hono';
import type { Sql } from '../db/connect';
import type { AppEnv } from '../http/context';
import type { ChangeFeed } from '../sync/feed';
import type { Auth } from './auth';
import { resolveCaller } from './caller';

/** better-auth calls after which someone may have lost access (sessions ended, memberships or roles changed). */
const ACCESS_PATHS = new Set([
  '/api/auth/sign-out',
  '/api/auth/revoke-session',
  '/api/auth/revoke-sessions',
  '/api/auth/revoke-other-sessions',
  '/api/auth/change-password',
  '/api/auth/delete-user',
  '/api/auth/organization/remove-member',
  '/api/auth/organization/update-member-role',
  '/api/auth/organization/leave',
  '/api/auth/organization/delete',
  '/api/auth/organization/set-active',
]);

/**
 * Tells the sync streams (every instance) that the caller's access, or their organisation's members, changed after
 * a successful better-auth call that can take access away: open streams of that account or organisation check
 * their viewer again and end when it is gone (sync/stream.ts).
 */
export function accessEvents(auth: Auth, sql: Sql, feed: ChangeFeed): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST' || !ACCESS_PATHS.has(c.req.path)) return next();
    // Resolved before the call: signing out ends the session the caller is known by.
    const caller = await resolveCaller(auth, sql, c.req.raw.headers).catch(() => null);
    let orgId: string | null = null;
    try {
      const body = (await c.req.raw.clone().json()) as { organizationId?: unknown };
      if (typeof body?.organizationId === 'string') orgId = body.organizationId;
    } catch {
      // no JSON body: the caller's organisation
    }
    await next();
    if (c.res.status < 400) await feed.accessChanged({ accountId: caller?.accountId ?? null, orgId: orgId ?? caller?.activeOrgId ?? null });
  };
}
