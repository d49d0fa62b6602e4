import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { authHandler } from './auth/bridge';
import type { Deps } from './deps';
import type { AppEnv } from './http/context';
import { errorResponse, handleError } from './http/errors';
import { observe } from './http/observe';
import { requestContext } from './http/request-id';
import { healthRoutes } from './health/routes';
import { loadCaller } from './org/caller';
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

/** The whole HTTP surface: observability, auth, the /api/v1 routes, then the PWA. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.use('*', requestContext(deps.logger));
  app.use('*', observe(deps.metrics));
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: undefined }));
  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => errorResponse(c as never, 413, 'PAYLOAD_TOO_LARGE') });
  const apiLimit = limit(deps.config.bodyLimitBytes);
  const syncLimit = limit(deps.config.syncBodyLimitBytes);
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/v1/sync/') ? syncLimit(c, next) : apiLimit(c, next)));

  app.route('/', healthRoutes(deps));

  app.on(['GET', 'POST'], '/api/auth/*', authHandler(deps.auth, { trustProxy: deps.config.trustProxy }));

  const v1 = new Hono<AppEnv>();
  v1.use('*', loadCaller(deps.auth, deps.db.sql));
  v1.route('/me', meRoutes(deps));
  v1.route('/org', orgRoutes(deps));
  v1.route('/invitations', invitationRoutes(deps));
  v1.route('/', syncRoutes(deps, deps.feed));
  v1.route('/', missionInvitationRoutes(deps, deps.secret));
  v1.route('/', planningConflictRoutes(deps));
  v1.route('/', payrollRoutes(deps));
  v1.route('/', integrityRoutes(deps));
  v1.route('/', kioskRoutes(deps));
  app.route('/api/v1', v1);

  app.all('/api/*', (c) => errorResponse(c, 404, 'ROUTE_NOT_FOUND'));

  const client = serveClient(deps.config.clientDist);
  app.get('*', async (c, next) => (await client(c)) ?? next());

  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND'));
  app.onError(handleError);
  return app;
}
