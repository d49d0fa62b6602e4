import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { errorResponse } from '../http/errors';
import type { Sql } from '../db/connect';
import type { Auth } from './auth';
import { CLIENT_IP_HEADER } from './client-ip';

/** better-auth codes renamed to ours; every other better-auth code is kept as it is. */
const RENAMED: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'INVALID_CREDENTIALS',
};

/**
 * Mounts better-auth's handler and gives its errors the API's one error shape
 * ({error: {code, message, details}}, message in the caller's language). Successful answers pass untouched.
 */
export function authHandler(auth: Auth, opts: { trustProxy: boolean; sql: Sql }) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const keep = await activeOrganizationKeeper(auth, opts.sql, c);
    const res = await auth.handler(withClientIp(c, opts.trustProxy));
    if (res.status < 400) return res;
    await keep?.();
    let body: { code?: unknown; message?: unknown } = {};
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      body = (await res.clone().json().catch(() => ({}))) as typeof body;
    }
    const raw = typeof body.code === 'string' && body.code ? body.code : undefined;
    const reason = typeof body.message === 'string' ? body.message : res.statusText;
    let code = raw ? (RENAMED[raw] ?? raw) : undefined;
    if (res.status === 429) code = 'RATE_LIMITED';
    if (!code) code = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : res.status === 404 ? 'NOT_FOUND' : res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
    if (res.status >= 500) c.get('log').error({ status: res.status, code: raw }, 'auth failure');
    const out = errorResponse(c, res.status, code, { params: { reason }, message: reason });
    for (const name of ['set-cookie', 'retry-after', 'x-retry-after']) {
      const value = res.headers.get(name);
      if (value) out.headers.set(name, value);
    }
    return out;
  };
}

/**
 * better-auth's organisation plugin clears the session's active organisation when it refuses some calls:
 * get-organization and get-full-organization (GET) with the id of an organisation the caller is not a member
 * of, set-active with such an id. A refused call must change nothing, so for the organisation endpoints the
 * active organisation is read before the call and put back when the call was refused. Returns undefined
 * when there is nothing to keep (another endpoint, no session).
 */
async function activeOrganizationKeeper(auth: Auth, sql: Sql, c: Context<AppEnv>): Promise<(() => Promise<void>) | undefined> {
  if (!c.req.path.startsWith('/api/auth/organization/')) return undefined;
  const found = await auth.api.getSession({ headers: c.req.raw.headers, query: { disableRefresh: true } }).catch(() => null);
  if (!found) return undefined;
  const sessionId = found.session.id;
  const before = (found.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null;
  return async () => {
    const restored = await sql`
      update auth_session set "activeOrganizationId" = ${before}
      where id = ${sessionId} and "activeOrganizationId" is distinct from ${before}`;
    if (restored.count > 0) c.get('log').info({ path: c.req.path }, 'refused auth call: active organisation kept');
  };
}

/**
 * Passes the caller's address to better-auth in our own header: the socket's address, or the first
 * X-Forwarded-For hop when TRUST_PROXY says a proxy (Caddy) sits in front. A client-sent value is dropped.
 */
function withClientIp(c: Context<AppEnv>, trustProxy: boolean): Request {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_IP_HEADER);
  let ip: string | undefined;
  if (trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (!ip) {
    try {
      ip = getConnInfo(c).remote.address;
    } catch {
      ip = undefined;
    }
  }
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  const init: RequestInit & { duplex?: 'half' } = { method: c.req.raw.method, headers, body: c.req.raw.body, duplex: 'half' };
  return new Request(c.req.raw.url, init);
}
