import { Hono } from 'hono';
import { requireRole } from '../auth/caller';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { resolveViewer } from '../sync/viewer';
import { serverDashboard } from './dashboard-compute';
import { DashboardApiQuery } from './dashboard-schemas';

/** Direction and production managers; crew (TECH) reads no analytics. */
export const ANALYTICS_API_ROLES = ['ADMIN', 'MANAGER'] as const;

/**
 * GET /api/v1/analytics/dashboard: the direction dashboard computed on the server from the organisation's stored
 * analytics slices the caller may read (the same documents and the same shared function as the offline page), so
 * a report tool gets the figures the page shows. Pay figures only for callers who read pay slices.
 */
export function analyticsDashboardRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  app.get('/analytics/dashboard', async (c) => {
    const caller = requireRole(c, ANALYTICS_API_ROLES);
    const query = DashboardApiQuery.parse(c.req.query());
    const ctx = await resolveViewer(sql, caller);
    const { result, dataAsOf } = await serverDashboard(sql, ctx, query);
    c.header('cache-control', 'private, no-store');
    return c.json({ ...result, dataAsOf });
  });
  return app;
}
