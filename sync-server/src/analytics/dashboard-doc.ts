import type { RouteGroup } from '../http/openapi';
import { named } from '../http/openapi';
import { DashboardApiQuery, DashboardApiResult } from './dashboard-schemas';

/** GET /api/v1/analytics/dashboard for the OpenAPI document (sync-server/src/api-doc.ts). */
export const analyticsDashboardGroups: RouteGroup[] = [
  {
    tag: 'Analytics',
    description: 'Direction dashboard: indicators, comparisons, load heatmap and incidents computed from the analytics slices.',
    routes: [
      {
        method: 'get',
        path: '/analytics/dashboard',
        operationId: 'getAnalyticsDashboard',
        summary: 'Direction dashboard for a period and filters',
        description:
          'Computed from the analytics slices the caller may read (the documents the devices sync), with the same shared function as the offline page. ' +
          'Durations in minutes, money in cents, rates 0..1, dates local to the organisation. Pay figures (payrollCents, avgHourlyCostCents) are null unless the caller is ADMIN or named among the pay readers. ' +
          'A bad query is 400 VALIDATION_FAILED (unknown parameter, bad date, to before from, more than 1096 days, from without to).',
        tag: 'Analytics',
        roles: 'ADMIN, MANAGER (pay figures: ADMIN and the managers the organisation names); TECH 403',
        query: DashboardApiQuery,
        responses: [{ status: 200, description: 'The dashboard', schema: named('AnalyticsDashboard', DashboardApiResult) }],
        errors: [400, 401, 403],
      },
    ],
  },
];
