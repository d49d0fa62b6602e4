import {
  PLANNER_ROLES,
  addDays,
  timeRulesOf,
} from '@coulisses/shared';
import { TIMESHEET_STATUSES } from '@coulisses/shared/entities/timeclock';
import { monthlyPayroll, paieMensuelleCsv, payrollTimesheetsOf, rateProfilesOf, type AssignmentLike, type MissionLike, type MonthlyPayroll, type TimesheetLike } from '@coulisses/shared/payroll/index';
import { Hono } from 'hono';
import { z } from 'zod';
import { SafeText, text } from '@coulisses/shared/entities/common';
import type { Sql } from '../db/connect';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/caller';
import { getOrgSettings } from '../org/settings-repo';

const Month = SafeText.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' });
const Statuses = text(200)
  .optional()
  .transform((raw) => (raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : ['VALIDATED']))
  .pipe(z.array(z.enum(TIMESHEET_STATUSES)).min(1));

type Row = { id: string; doc: Record<string, unknown> };

/**
 * The monthly payroll of an organisation from its stored timesheets, people, rate profiles and missions. The
 * timesheets of the day before and the day after the month are read too: a night across the month's first or
 * last midnight may overlap them, and overlapping time is paid once (shared/src/payroll/overlaps.ts).
 */
export async function payrollOf(sql: Sql, orgId: string, month: string, statuses: readonly string[]): Promise<MonthlyPayroll & { month: string; statuses: string[] }> {
  const first = `${month}-01`;
  const next = addDays(first, 32).slice(0, 7) + '-01';
  const timesheets = await sql<Row[]>`
    select id, doc from timesheets where org_id = ${orgId} and not deleted
      and doc->>'date' >= ${addDays(first, -1)} and doc->>'date' <= ${next}`;
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

/**
 * GET /api/v1/payroll/:month (YYYY-MM; ?statuses=VALIDATED,CONFIRMED, default VALIDATED): the monthly payroll
 * summary of the organisation, per person and per project (planners only), with the overlapping timesheets of
 * one person (`overlaps`: that time is paid once). GET .../paie_mensuelle.csv: the same rows as the payroll
 * office's CSV, the number of overlapping pairs in X-Payroll-Overlaps. Gross figures only: no tax or
 * contribution is computed.
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
      // The columns stay those the payroll office reads; overlapping time is paid once and the pairs are counted here.
      'x-payroll-overlaps': String(result.overlaps.length),
      'content-disposition': `attachment; filename="paie_mensuelle_${month}.csv"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
