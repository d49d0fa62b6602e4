import { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { errorResponse } from '../http/errors';

const started = Date.now();

/** /healthz: the process answers. /readyz: the database answers and its migrations are at head. /metrics. */
export function healthRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/healthz', (c) => c.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) }));

  app.get('/readyz', async (c) => {
    try {
      const rows = await deps.db.sql<{ v: number | null }[]>`select max(version) as v from schema_migrations`;
      const current = rows[0]?.v ?? 0;
      const body = { status: 'ready', database: deps.db.kind, migrations: { current, head: deps.migrationsHead } };
      if (current !== deps.migrationsHead) return errorResponse(c, 503, 'NOT_READY', { details: body.migrations });
      return c.json(body);
    } catch (err) {
      c.get('log').warn({ err }, 'readiness check failed');
      return errorResponse(c, 503, 'NOT_READY', { details: { database: 'unreachable' } });
    }
  });

  app.get('/metrics', async (c) => {
    const text = await deps.metrics.registry.metrics();
    return c.body(text, 200, { 'Content-Type': deps.metrics.registry.contentType });
  });

  return app;
}
