import type { MiddlewareHandler } from 'hono';
import { hasRole, isRole, type Role } from '@coulisses/shared';
import type { Auth } from './auth';
import type { Sql } from '../db/connect';
import type { AppEnv, Caller, OrgCaller } from '../http/context';
import { AppError } from '../http/errors';

/**
 * The caller of a request from its session cookie: account, active organisation and role there (null when there
 * is no valid session). An active organisation the account is no longer a member of counts as none.
 */
export async function resolveCaller(auth: Auth, sql: Sql, headers: Headers): Promise<Caller | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const activeOrgId = (found.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null;
  let role: Role | null = null;
  if (activeOrgId) {
    const rows = await sql<{ role: string }[]>`
      select role from auth_member where "organizationId" = ${activeOrgId} and "userId" = ${found.user.id}`;
    const r = rows[0]?.role;
    role = isRole(r) ? r : null;
  }
  return {
    accountId: found.user.id,
    email: found.user.email,
    name: found.user.name,
    sessionId: found.session.id,
    activeOrgId: role ? activeOrgId : null,
    role,
  };
}

/** Resolves the session cookie into the caller (account, active organisation, role) for every /api/v1 route. */
export function loadCaller(auth: Auth, sql: Sql): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = await resolveCaller(auth, sql, c.req.raw.headers);
    if (caller) c.set('caller', caller);
    await next();
  };
}

/** The signed-in caller, or 401. */
export function requireAccount(c: { get(key: 'caller'): Caller | null }): Caller {
  const caller = c.get('caller');
  if (!caller) throw new AppError('UNAUTHENTICATED');
  return caller;
}

/**
 * The role guard every route uses: the caller must be signed in (401), have an active organisation (403
 * NO_ACTIVE_ORG) and hold one of `roles` there (403 FORBIDDEN). Returns the caller narrowed to its org.
 */
export function requireRole(c: { get(key: 'caller'): Caller | null }, roles: readonly Role[]): OrgCaller {
  const caller = requireAccount(c);
  if (!caller.activeOrgId || !caller.role) throw new AppError('NO_ACTIVE_ORG');
  if (!hasRole(caller.role, roles)) throw new AppError('FORBIDDEN');
  return caller as OrgCaller;
}

/** Middleware form of requireRole, for whole route groups. */
export function roleGuard(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireRole(c, roles);
    await next();
  };
}
