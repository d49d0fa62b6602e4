import { computeDashboard } from '@coulisses/shared/analytics/dashboard';
import type { DashboardResult } from '@coulisses/shared/analytics/dashboard-types';
import { AnalyticsFiltersSchema, type AnalyticsFilters } from '@coulisses/shared/analytics/filters';
import { comparisonPeriod, monthsOf, periodOf } from '@coulisses/shared/analytics/periods';
import { localDate } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { AppError } from '../http/errors';
import { orgZone } from '../kpi/repo';
import type { ViewerContext } from '../sync/viewer';
import { dashboardSlices, sliceMeta, teamMemberIds } from './repo-slices';

/** The filters of a dashboard request (GET query or server-made export body), before defaults. */
export interface DashboardRequest {
  from?: string | undefined;
  to?: string | undefined;
  projectId?: string | null | undefined;
  venueId?: string | null | undefined;
  teamId?: string | null | undefined;
  role?: string | null | undefined;
  compare?: 'previous' | 'lastYear' | 'none' | undefined;
}

export interface ServerDashboard {
  result: DashboardResult;
  filters: AnalyticsFilters;
  compare: 'previous' | 'lastYear' | null;
  dataAsOf: { refreshedAt: string; sourceUpTo: string | null; months: string[] } | null;
}

/** This month in the zone: its first and last local day. */
function thisMonth(zone: string): { from: string; to: string } {
  const today = localDate(Date.now(), zone);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

/**
 * The direction dashboard computed on the server from the organisation's stored analytics slices the viewer may
 * read (the same documents and the same shared function as the offline page): GET /analytics/dashboard and the
 * server-made exports (POST /analytics/exports without a hash) both use it, so they give the same figures.
 * Pay figures only for viewers who read pay slices. `from` and `to` go together; both absent: this month.
 */
export async function serverDashboard(sql: Sql, ctx: ViewerContext, req: DashboardRequest, pathPrefix = ''): Promise<ServerDashboard> {
  if ((req.from === undefined) !== (req.to === undefined)) {
    throw new AppError('VALIDATION_FAILED', [{ path: `${pathPrefix}${req.from === undefined ? 'from' : 'to'}`, code: 'invalid_type', message: 'from and to go together' }]);
  }
  const range = req.from && req.to ? { from: req.from, to: req.to } : thisMonth(await orgZone(sql, ctx.orgId));
  const filters = AnalyticsFiltersSchema.parse({ ...range, projectId: req.projectId ?? undefined, venueId: req.venueId ?? undefined, teamId: req.teamId ?? undefined, role: req.role ?? undefined });
  const compare = req.compare && req.compare !== 'none' ? req.compare : null;
  const period = periodOf(filters.from, filters.to);
  const months = new Set(monthsOf(period));
  if (compare) for (const m of monthsOf(comparisonPeriod(period, compare))) months.add(m);
  const slices = await dashboardSlices(sql, ctx, [...months]);
  const teamUserIds = filters.teamId ? await teamMemberIds(sql, ctx.orgId, filters.teamId) : null;
  const result = computeDashboard({ ...slices, filters, compare, teamUserIds });
  const meta = await sliceMeta(sql, ctx);
  const dataAsOf = meta ? { refreshedAt: meta.refreshedAt, sourceUpTo: meta.sourceUpTo, months: meta.months } : null;
  return { result, filters, compare, dataAsOf };
}
