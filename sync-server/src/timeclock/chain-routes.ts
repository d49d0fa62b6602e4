import { PLANNER_ROLES } from '@coulisses/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { text } from '@coulisses/shared/entities/common';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/caller';
import { chainReports } from './chain-report';
import { photoRoutes } from './photo-routes';

const Query = z.object({ deviceId: text(80).min(1).optional() }).strict();

/**
 * Punch integrity (mounted under /api/v1): GET /timeclock/chains (planners) -> {devices: [ChainReport &
 * {kioskName, lastReceivedAt}]}, ?deviceId= for one device; and the punch photos (photo-routes.ts).
 */
export function integrityRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  app.get('/timeclock/chains', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const { deviceId } = Query.parse(c.req.query());
    return c.json({ devices: await chainReports(sql, caller.activeOrgId, deviceId) });
  });
  app.route('/', photoRoutes(deps));
  return app;
}
