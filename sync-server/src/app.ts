import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { accessEvents } from './auth/access-events';
import { authHandler } from './auth/bridge';
import type { Deps } from './deps';
import type { AppEnv } from './http/context';
import { apiBodyLimits } from './http/body-limit';
import { defaultCsp } from './http/csp';
import { errorResponse, handleError } from './http/errors';
import { hostileInput } from './http/hostile-input';
import { observe } from './http/observe';
import { originGuard } from './http/origin';
import { requestContext } from './http/request-id';
import { healthRoutes } from './health/routes';
import { loadCaller } from './auth/caller';
import { invitationRoutes } from './org/invitation-routes';
import { meRoutes } from './org/me-routes';
import { orgRoutes } from './org/org-routes';
import { serveClient } from './static/serve-client';
import { syncRoutes } from './sync/routes';
import { kioskRoutes } from './timeclock/kiosk-routes';
import { missionInvitationRoutes } from './planning/invitation-routes';
import { planningConflictRoutes } from './planning/conflict-routes';
import { payrollRoutes } from './payroll/payroll-routes';
import { integrityRoutes } from './timeclock/chain-routes';
import { kpiApiRoutes } from './kpi/api-routes';
import { apiDocRoutes } from './http/api-doc-routes';
import { importRoutes } from './kpi/import/import-routes';
import { analyticsDashboardRoutes } from './analytics/dashboard-routes';
import { exportRoutes } from './analytics/exports/routes';
import { equipmentRoutes } from './equipment/conflict-routes';
import { webhookRoutes } from './integrations/webhooks/routes';
import { notificationRoutes } from './notifications/routes';
import { calendarFeedRoutes } from './planning/calendar-feeds/routes';
import { calendarImportRoutes } from './planning/calendar-feeds/import-routes';
import { icsFeedRoutes } from './planning/calendar-feeds/public-routes';

/** The whole HTTP surface: observability, auth, the /api/v1 routes, then the PWA. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.use('*', requestContext(deps.logger));
  app.use('*', observe(deps.metrics));
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: undefined }));
  app.use('*', defaultCsp());
  // Cross-site request forgery: a request from a page of another origin is 403 ORIGIN_REFUSED (docs/security.md).
  app.use('/api/*', originGuard({ trusted: [deps.baseURL, ...deps.auth.options.trustedOrigins], trustProxy: deps.config.trustProxy }));
  app.use('/api/*', apiBodyLimits({ apiBytes: deps.config.bodyLimitBytes, syncBytes: deps.config.syncBodyLimitBytes, importBytes: deps.config.importBodyLimitBytes }));
  // NUL in the URL anywhere, hostile bodies on /api/auth/* (better-auth parses its own): 400, never a 500.
  app.use('*', hostileInput());

  app.route('/', healthRoutes(deps));

  app.on(['GET', 'POST'], '/api/auth/*', accessEvents(deps.auth, deps.db.sql, deps.feed), authHandler(deps.auth, { trustProxy: deps.config.trustProxy, sql: deps.db.sql }));

  const v1 = new Hono<AppEnv>();
  v1.use('*', loadCaller(deps.auth, deps.db.sql));
  v1.route('/me', meRoutes(deps));
  v1.route('/org', orgRoutes(deps));
  v1.route('/invitations', invitationRoutes(deps));
  v1.route('/', syncRoutes(deps));
  v1.route('/', missionInvitationRoutes(deps, deps.secret));
  v1.route('/', planningConflictRoutes(deps));
  v1.route('/', payrollRoutes(deps));
  v1.route('/', integrityRoutes(deps));
  v1.route('/', kioskRoutes(deps));
  v1.route('/', kpiApiRoutes(deps));
  v1.route('/', apiDocRoutes());
  v1.route('/', importRoutes(deps));
  v1.route('/', analyticsDashboardRoutes(deps));
  v1.route('/', exportRoutes(deps));
  v1.route('/', equipmentRoutes(deps));
  v1.route('/', webhookRoutes(deps));
  v1.route('/', notificationRoutes(deps));
  v1.route('/', calendarFeedRoutes(deps));
  v1.route('/', calendarImportRoutes(deps));
  app.route('/api/v1', v1);

  app.all('/api/*', (c) => errorResponse(c, 404, 'ROUTE_NOT_FOUND'));

  // Calendar feeds: public secret addresses (no session), before the PWA's catch-all.
  app.route('/', icsFeedRoutes(deps));

  const client = serveClient(deps.config.clientDist);
  app.get('*', async (c, next) => (await client(c)) ?? next());

  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND'));
  app.onError(handleError);
  return app;
}
