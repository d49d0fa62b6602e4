import {
  PLANNER_ROLES,
  timeRulesOf,
  type SyncDoc,
} from '@coulisses/shared';
import { TIMESHEET_STATUSES } from '@coulisses/shared/entities/timeclock';
import { monthlyPayroll, paieMensuelleCsv, payrollTimesheetsOf, RateProfileDataSchema, rateProfilesOf, type AssignmentLike, type MissionLike, type MonthlyPayroll, type TimesheetLike } from '@coulisses/shared/payroll/index';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Sql } from '../db/connect';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireRole } from '../org/caller';
import { getOrgSettings } from '../org/settings-repo';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' });
const Statuses = z
  .string()
  .max(200)
  .optional()
  .transform((raw) => (raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : ['VALIDATED']))
  .pipe(z.array(z.enum(TIMESHEET_STATUSES)).min(1));

type Row = { id: string; doc: Record<string, unknown> };

/** The monthly payroll of an organisation from its stored timesheets, people, rate profiles and missions. */
export async function payrollOf(sql: Sql, orgId: string, month: string, statuses: readonly string[]): Promise<MonthlyPayroll & { month: string; statuses: string[] }> {
  const timesheets = await sql<Row[]>`
    select id, doc from timesheets where org_id = ${orgId} and not deleted and doc->>'date' like ${`${month}-%`}`;
  const users = await sql<Row[]>`select id, doc from users where org_id = ${orgId}`;
  const profiles = await sql<Row[]>`select id, doc from reference where org_id = ${orgId} and not deleted and doc->>'kind' = 'rate_profile'`;
  const missionIds = [...new Set(timesheets.map((t) => t.doc.missionId).filter((m): m is string => typeof m === 'string'))];
  const missions = missionIds.length ? await sql<Row[]>`select id, doc from missions where org_id = ${orgId} and id = any(${missionIds}::text[])` : [];
  const assignments = missionIds.length
    ? await sql<Row[]>`select id, doc from assignments where org_id = ${orgId} and not deleted and doc->>'missionId' = any(${missionIds}::text[])`
    : [];
  const [org] = await sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${orgId}`;
  const zone = org?.timezone || 'Europe/Paris';
  const rules = timeRulesOf(await getOrgSettings(sql, orgId), zone);
  // Stored documents passed the registry's schemas: they have the shapes the shared payroll reads.
  const docs = <T,>(rows: readonly Row[]) => rows.map(({ id, doc }) => ({ ...doc, id }) as unknown as T);
  const sheets = payrollTimesheetsOf(docs<TimesheetLike>(timesheets), docs<MissionLike>(missions), docs<AssignmentLike>(assignments));
  const result = monthlyPayroll({
    month, zone, rules, timesheets: sheets, statuses,
    users: users.map(({ id, doc }) => ({ id, firstName: String(doc.firstName ?? ''), lastName: String(doc.lastName ?? ''), employmentType: String(doc.employmentType ?? '') })),
    profiles: rateProfilesOf(profiles.map(({ id, doc }) => ({ id, kind: String(doc.kind), name: String(doc.name ?? ''), archived: Boolean(doc.archived), data: doc.data }))),
  });
  return { month, statuses: [...statuses], ...result };
}

/** A reference document of kind 'rate_profile' must carry valid RateProfileData (server-checks.ts). */
export function rateProfileCheck(doc: SyncDoc): string | null {
  if (doc._deleted) return null;
  return RateProfileDataSchema.safeParse(doc.data).success ? null : 'INVALID_RATE_PROFILE';
}

/**
 * GET /api/v1/payroll/:month (YYYY-MM; ?statuses=VALIDATED,CONFIRMED, default VALIDATED): the monthly payroll
 * summary of the organisation, per person and per project (planners only). GET .../paie_mensuelle.csv: the
 * same rows as the payroll office's CSV. Gross figures only: no tax or contribution is computed.
 */
export function payrollRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.get('/payroll/:month', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const month = Month.parse(c.req.param('month'));
    const statuses = Statuses.parse(c.req.query('statuses'));
    return c.json(await payrollOf(sql, caller.activeOrgId, month, statuses));
  });

  app.get('/payroll/:month/paie_mensuelle.csv', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const month = Month.parse(c.req.param('month'));
    const statuses = Statuses.parse(c.req.query('statuses'));
    const result = await payrollOf(sql, caller.activeOrgId, month, statuses);
    return c.body(paieMensuelleCsv(result.people), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="paie_mensuelle_${month}.csv"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
