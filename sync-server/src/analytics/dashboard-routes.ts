import { computeDashboard } from '@coulisses/shared/analytics/dashboard';
import { AnalyticsFiltersSchema } from '@coulisses/shared/analytics/filters';
import { comparisonPeriod, monthsOf, periodOf } from '@coulisses/shared/analytics/periods';
import { localDate } from '@coulisses/shared';
import { Hono } from 'hono';
import { requireRole } from '../auth/caller';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { orgZone } from '../kpi/repo';
import { resolveViewer } from '../sync/viewer';
import { DashboardApiQuery } from './dashboard-schemas';
import { dashboardSlices, sliceMeta, teamMemberIds } from './repo-slices';

/** Direction and production managers; crew (TECH) reads no analytics. */
export const ANALYTICS_API_ROLES = ['ADMIN', 'MANAGER'] as const;

/** This month in the zone: its first and last local day. */
function thisMonth(zone: string): { from: string; to: string } {
  const today = localDate(Date.now(), zone);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

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
    if ((query.from === undefined) !== (query.to === undefined)) {
      throw new AppError('VALIDATION_FAILED', [{ path: query.from === undefined ? 'from' : 'to', code: 'invalid_type', message: 'from and to go together' }]);
    }
    const ctx = await resolveViewer(sql, caller);
    const range = query.from && query.to ? { from: query.from, to: query.to } : thisMonth(await orgZone(sql, ctx.orgId));
    const filters = AnalyticsFiltersSchema.parse({ ...range, projectId: query.projectId, venueId: query.venueId, teamId: query.teamId, role: query.role });
    const compare = query.compare && query.compare !== 'none' ? query.compare : null;
    const period = periodOf(filters.from, filters.to);
    const months = new Set(monthsOf(period));
    if (compare) for (const m of monthsOf(comparisonPeriod(period, compare))) months.add(m);
    const slices = await dashboardSlices(sql, ctx, [...months]);
    const teamUserIds = filters.teamId ? await teamMemberIds(sql, ctx.orgId, filters.teamId) : null;
    const result = computeDashboard({ ...slices, filters, compare, teamUserIds });
    const meta = await sliceMeta(sql, ctx);
    const dataAsOf = meta ? { refreshedAt: meta.refreshedAt, sourceUpTo: meta.sourceUpTo, months: meta.months } : null;
    c.header('cache-control', 'private, no-store');
    return c.json({ ...result, dataAsOf });
  });
  return app;
}
