import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context';
import { errorResponse } from './errors';

/** How long the server keeps reading (and dropping) what a client still sends after a 413, before closing. */
export const LINGER_MS = 2_000;

/**
 * Request body limits of the API: sync pushes get `syncBytes`, file imports `importBytes`, every other /api route `apiBytes`. A body over
 * the limit is answered 413 PAYLOAD_TOO_LARGE with `Connection: close`, without reading the rest of it.
 */
export function apiBodyLimits(limits: { apiBytes: number; syncBytes: number; importBytes: number }): MiddlewareHandler<AppEnv> {
  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => payloadTooLarge(c as unknown as Context<AppEnv>) });
  const api = limit(limits.apiBytes);
  const sync = limit(limits.syncBytes);
  const imports = limit(limits.importBytes);
  return (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/v1/sync/')) return sync(c, next);
    // Spreadsheet uploads (KPI value import): 50,000 rows of CSV are about 2.5 MB.
    if (path.startsWith('/api/v1/imports/')) return imports(c, next);
    // A file to verify (a PDF export with its charts is a few hundred kB; the import limit leaves room).
    if (path === '/api/v1/analytics/exports/verify') return imports(c, next);
    return api(c, next);
  };
}

/**
 * The 413 answer. The unread rest of the body is still on its way, so the connection cannot serve another
 * request: the answer says `Connection: close`, and the close is a graceful one (closeGracefully).
 */
export function payloadTooLarge(c: Context<AppEnv>): Response {
  const res = errorResponse(c, 413, 'PAYLOAD_TOO_LARGE');
  res.headers.set('Connection', 'close');
  closeGracefully((c.env as { incoming?: IncomingMessage } | undefined)?.incoming);
  return res;
}

/**
 * Closes the connection of `incoming` in stages once its answer is written (RFC 9112, section 9.6): first
 * the server's side (FIN, after the answer), then it keeps reading and dropping what the client still sends,
 * until the client closes or LINGER_MS pass. Closing at once with unread data would make the kernel answer
 * with a reset, which can wipe the 413 from the client's receive buffer before the client reads it.
 */
function closeGracefully(incoming: IncomingMessage | undefined): void {
  const socket = incoming?.socket as (Socket & { destroySoon?: () => void }) | null | undefined;
  if (!incoming || !socket || socket.destroyed) return;
  // Node's HTTP server calls destroySoon() when a `Connection: close` answer is finished.
  socket.destroySoon = () => {
    socket.end();
    // Nobody reads this body any more: unhook its readers and let it flow to nowhere (a paused reader
    // would stop reading the socket, and the client's unread data would turn the close into a reset).
    incoming.removeAllListeners('data');
    incoming.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}
