import {
  PLANNER_ROLES,
  detectConflicts,
  profileForSettings,
  type Shift,
  type Unavailability,
} from '@coulisses/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/caller';
import { getOrgSettings } from '../org/settings-repo';
import { elsewhereHoursOf } from './elsewhere-repo';

const Range = z
  .object({ from: z.iso.datetime(), to: z.iso.datetime() })
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { message: 'to must be after from', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 120 * 86_400_000, { message: 'at most 120 days', path: ['to'] });

/**
 * GET /api/v1/planning/conflicts?from&to: the planning conflicts of the organisation's active assignments in a
 * range, computed by the same shared rules the planner runs in its worker, with the organisation's profile and
 * rule switches (profileForSettings). Shifts twelve weeks before `from` are included so that the weekly averages
 * are right, and eight days after `to` so that the rests after the range's last shifts are seen. The weekly
 * maximum and average count the hours the persons work for other organisations of this product (L8261-1,
 * elsewhereHoursOf): a conflict says how many (`elsewhereHours`), nothing more of the other organisation.
 *
 * GET /api/v1/planning/elsewhere?from&to: those hours per person and civil week (the same twelve weeks before
 * `from`), for the planner's worker to run the same rules offline.
 */
export function planningConflictRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  app.get('/planning/conflicts', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const { from, to } = Range.parse({ from: c.req.query('from'), to: c.req.query('to') });
    const lookback = new Date(Date.parse(from) - 12 * 7 * 86_400_000).toISOString();
    const lookahead = new Date(Date.parse(to) + 8 * 86_400_000).toISOString();
    const rows = await sql<{ assignment_id: string; mission_id: string; user_id: string; start_at: string; end_at: string }[]>`
      select a.id as assignment_id, m.id as mission_id, a.doc->>'userId' as user_id, m.doc->>'startAt' as start_at, m.doc->>'endAt' as end_at
      from assignments a join missions m on m.org_id = a.org_id and m.id = a.doc->>'missionId'
      where a.org_id = ${caller.activeOrgId} and not a.deleted and not m.deleted
        and a.doc->>'status' in ('INVITED', 'ACCEPTED') and m.doc->>'status' <> 'CANCELLED'
        and m.doc->>'endAt' > ${lookback} and m.doc->>'startAt' < ${lookahead}`;
    const shifts: Shift[] = rows.map((r) => ({ assignmentId: r.assignment_id, missionId: r.mission_id, userId: r.user_id, start: Date.parse(r.start_at), end: Date.parse(r.end_at) }));
    const unav = await sql<{ id: string; doc: Record<string, string | null> }[]>`
      select id, doc from availabilities where org_id = ${caller.activeOrgId} and not deleted and doc->>'kind' = 'UNAVAILABLE'`;
    const unavailabilities: Unavailability[] = unav.map((u) => ({
      id: u.id, userId: String(u.doc.userId), start: Date.parse(String(u.doc.startAt)), end: Date.parse(String(u.doc.endAt)),
      weeklyUntil: u.doc.weeklyUntil ?? null, status: u.doc.status as Unavailability['status'],
    }));
    const settings = await getOrgSettings(sql, caller.activeOrgId);
    const profile = profileForSettings(settings);
    const [org] = await sql<{ timezone: string }[]>`select timezone from auth_organization where id = ${caller.activeOrgId}`;
    const tz = org?.timezone || 'Europe/Paris';
    const elsewhere = await elsewhereHoursOf(sql, caller.activeOrgId, lookback, lookahead, tz);
    const fromMs = Date.parse(from);
    const inRange = new Set(shifts.filter((s) => s.end > fromMs && s.start < Date.parse(to)).map((s) => s.assignmentId));
    const conflicts = detectConflicts({ shifts, unavailabilities, elsewhere, profile, tz }).filter((k) => k.assignmentIds.some((id) => inRange.has(id)));
    return c.json({ profile: profile.id, conflicts });
  });

  app.get('/planning/elsewhere', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const { from, to } = Range.parse({ from: c.req.query('from'), to: c.req.query('to') });
    const lookback = new Date(Date.parse(from) - 12 * 7 * 86_400_000).toISOString();
    const [org] = await sql<{ timezone: string }[]>`select timezone from auth_organization where id = ${caller.activeOrgId}`;
    return c.json({ elsewhere: await elsewhereHoursOf(sql, caller.activeOrgId, lookback, to, org?.timezone || 'Europe/Paris') });
  });
  return app;
}
