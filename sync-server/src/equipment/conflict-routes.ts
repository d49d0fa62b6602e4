import { PLANNER_ROLES } from '@coulisses/shared';
import { detectDoubleBookings } from '@coulisses/shared/equipment/bookings';
import { equipmentOf } from '@coulisses/shared/equipment/catalogue';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../deps';
import { requireRole } from '../auth/caller';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { equipmentDocs, missionsIn } from './repo';

const DAY = 86_400_000;
/** At most this long a range (a season and a half). */
export const CONFLICTS_MAX_DAYS = 550;

export const ConflictsQuery = z
  .object({
    from: z.iso.datetime().optional().meta({ description: 'UTC instant; default: 7 days ago' }),
    to: z.iso.datetime().optional().meta({ description: `UTC instant; default: 365 days after from; at most ${CONFLICTS_MAX_DAYS} days after from` }),
  })
  .strict();

/**
 * GET /api/v1/equipment/conflicts?from&to: the organisation's equipment double bookings among the missions running
 * in the range (planners), computed by the shared rules the planner's device runs (detectDoubleBookings), with the
 * names of the items and the missions.
 */
export function equipmentRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  app.get('/equipment/conflicts', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const q = ConflictsQuery.parse(c.req.query());
    const fromMs = q.from ? Date.parse(q.from) : Date.now() - 7 * DAY;
    const toMs = q.to ? Date.parse(q.to) : fromMs + 365 * DAY;
    if (!(toMs > fromMs) || toMs - fromMs > CONFLICTS_MAX_DAYS * DAY) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'to', code: 'custom', message: `to must be after from, at most ${CONFLICTS_MAX_DAYS} days` }]);
    }
    const [from, to] = [new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
    const eq = equipmentOf(await equipmentDocs(sql, caller.activeOrgId));
    const missions = await missionsIn(sql, caller.activeOrgId, [...new Set(eq.reservations.map((r) => r.missionId))], from, to);
    const conflicts = detectDoubleBookings({ ...eq.booking, missions });
    const itemName = new Map(eq.items.map((i) => [i.id, i.name]));
    const missionById = new Map(missions.map((m) => [m.id, m]));
    return c.json({
      from,
      to,
      conflicts: conflicts.map((k) => ({
        ...k,
        itemName: itemName.get(k.itemId) ?? '',
        missions: k.missionIds.map((id) => {
          const m = missionById.get(id)!;
          return { id, title: m.title, startAt: m.startAt, endAt: m.endAt, venueId: m.venueId };
        }),
      })),
    });
  });
  return app;
}
