import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { APP_CSP } from '../http/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Files that must be revalidated on every load so an update is seen: the shell, the worker, the manifest. */
const ALWAYS_REVALIDATE = new Set(['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']);

/**
 * Serves the built PWA from `dist`: hashed assets cached for a year, the shell and the service worker
 * revalidated, and any other GET path that is not a file answered with index.html (client-side routes).
 * Every answer carries the app's Content-Security-Policy (workers take theirs from their script's answer).
 */
export function serveClient(dist: string) {
  const root = path.resolve(dist);
  return async (c: Context<AppEnv>): Promise<Response | undefined> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined;
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      return undefined; // a malformed escape (/%E0%A4%A) names no file: 404, not a URIError 500
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) return undefined;
    let target = file;
    let stat = await fs.stat(target).catch(() => undefined);
    if (!stat?.isFile()) {
      // A missing asset is a 404; any other path (a route such as /m/<id>.<exp>.<sig>) gets the app shell.
      if (TYPES[path.extname(rel)]) return undefined;
      target = path.join(root, 'index.html');
      rel = '/index.html';
      stat = await fs.stat(target).catch(() => undefined);
      if (!stat?.isFile()) return undefined;
    }
    const body = c.req.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(target));
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': ALWAYS_REVALIDATE.has(rel) ? 'no-cache' : rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': APP_CSP,
    };
    if (rel === '/sw.js') headers['Service-Worker-Allowed'] = '/';
    return body ? c.body(body, 200, headers) : c.body(null, 200, headers);
  };
}
