import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { errorResponse } from '../http/errors';
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
export function authHandler(auth: Auth, opts: { trustProxy: boolean }) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const res = await auth.handler(withClientIp(c, opts.trustProxy));
    if (res.status < 400) return res;
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
