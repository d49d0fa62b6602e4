import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { errorResponse } from './errors';

/** Methods that must not change anything; OPTIONS (a CORS preflight) carries no cookie and no body. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin of a URL ("https://crew.example"), or undefined when it is not an http(s) URL. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origin the request itself was sent to: its Host header with the scheme of the connection, or the
 * first X-Forwarded-Proto when a trusted proxy (TRUST_PROXY) terminates TLS in front.
 */
function ownOrigin(c: Context<AppEnv>, trustProxy: boolean): string | undefined {
  const url = new URL(c.req.url);
  let scheme = url.protocol.replace(':', '');
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto === 'http' || proto === 'https') scheme = proto;
  }
  const host = c.req.header('host') ?? url.host;
  return originOf(`${scheme}://${host}`);
}

export type OriginVerdict = { ok: true } | { ok: false; reason: 'origin' | 'sec-fetch-site' };

/**
 * Decides on one request. A browser names the page a request comes from: in Origin (every cross-origin
 * request and every POST), and in Sec-Fetch-Site (every request of a recent browser). So:
 * - an Origin that is neither a trusted origin nor the request's own origin is refused;
 * - without an Origin, Sec-Fetch-Site `cross-site` or `same-site` is refused (no origin to check it against),
 *   `same-origin` and `none` (typed address, bookmark) are accepted;
 * - with neither header the caller is not a browser (curl, Node, a kiosk with its token): there is no ambient
 *   cookie to abuse, it is accepted.
 * Safe methods are only checked on the routes the caller asks for (see originGuard).
 */
export function judgeOrigin(headers: { origin?: string; secFetchSite?: string }, trusted: ReadonlySet<string>, own: string | undefined): OriginVerdict {
  if (headers.origin !== undefined) {
    const origin = originOf(headers.origin);
    if (origin && (trusted.has(origin) || origin === own)) return { ok: true };
    return { ok: false, reason: 'origin' };
  }
  const site = headers.secFetchSite?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return { ok: false, reason: 'sec-fetch-site' };
  return { ok: true };
}

/**
 * Cross-site request forgery guard for the API (/api/*, better-auth included): a state-changing request
 * (any method but GET, HEAD, OPTIONS) from a page of another origin is answered 403 ORIGIN_REFUSED before
 * any handler runs. GET and HEAD are held to the same rule, because some GET routes do change state
 * (better-auth's organisation reads clear the active organisation when refused; a mission invitation
 * link is issued on first read) and a cross-site top-level navigation carries the SameSite=Lax cookie.
 * `trusted` lists full origins (scheme://host[:port]): the public URL, the loopback variants and TRUSTED_ORIGINS.
 */
export function originGuard(opts: { trusted: readonly string[]; trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  const trusted = new Set(opts.trusted.map(originOf).filter((o): o is string => o !== undefined));
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const verdict = judgeOrigin({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') }, trusted, ownOrigin(c, opts.trustProxy));
    if (verdict.ok) return next();
    c.get('log')?.warn(
      { method: c.req.method, path: c.req.path, origin: c.req.header('origin') ?? null, secFetchSite: c.req.header('sec-fetch-site') ?? null, reason: verdict.reason, safe: SAFE_METHODS.has(c.req.method) },
      'cross-origin request refused',
    );
    return errorResponse(c, 403, 'ORIGIN_REFUSED');
  };
}
