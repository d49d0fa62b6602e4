import { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { actionRoutes } from './action-routes';
import { dashboardRoutes } from './dashboard-routes';
import { kpiRoutes } from './kpi-routes';
import { reportingRoutes } from './reporting-routes';

/** The KPI side's REST API under /api/v1 (issue 12 item 6); described for OpenAPI in api-doc.ts and reporting-doc.ts. */
export function kpiApiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', dashboardRoutes(deps));
  app.route('/', kpiRoutes(deps));
  app.route('/', actionRoutes(deps));
  app.route('/', reportingRoutes(deps));
  return app;
}
