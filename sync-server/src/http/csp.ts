import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/**
 * The Content-Security-Policy of the PWA (every file served from the client build: the HTML pages, and the
 * scripts of the service worker and the web workers, which get their own policy from their response).
 * Everything comes from the app's own origin; no inline script or style, no plugin, no framing.
 * docs/security.md explains each directive.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy of every other answer (API JSON, health, metrics, errors): nothing to load, never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Gives API_CSP to every answer that has no Content-Security-Policy of its own. */
export function defaultCsp(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', API_CSP);
  };
}
