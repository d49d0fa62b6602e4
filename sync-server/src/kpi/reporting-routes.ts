import {
  directionReport,
  lastPeriods,
  localDate,
  periodEndOf,
  periodStartOf,
  previousPeriod,
  REPORT_TREND_PERIODS,
  reportingOverview,
  topRisks,
  type ReportInput,
  type ReportKpi,
} from '@coulisses/shared';
import { Hono, type Context } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import type { ViewerContext } from '../sync/viewer';
import { kpiCaller } from './api-context';
import { ReportingQuery, TopRisksQuery } from './api-schemas';
import { actionView, dashboardView, kpiView } from './api-views';
import { actionPlansOf, orgZone, referenceOfKind, valuesBetween } from './repo';

/**
 * /reporting/overview, /reporting/top-risks and /reporting/direction (issue 12, seed section 5.8): the pure
 * rules of shared/src/kpi/reporting.ts over what the caller may read, on `asOf` (today in the organisation's
 * zone by default).
 */
export function reportingRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  async function load(ctx: ViewerContext, query: { process?: string; asOf?: string }): Promise<ReportInput> {
    const today = query.asOf ?? localDate(Date.now(), await orgZone(sql, ctx.orgId));
    const dashboards = (await referenceOfKind(sql, ctx, 'dashboard')).map(dashboardView).filter((d) => !query.process || d.process === query.process);
    const kpis: ReportKpi[] = (await referenceOfKind(sql, ctx, 'kpi', [...new Set(dashboards.flatMap((d) => d.kpiIds))])).map((doc) => kpiView(doc) as ReportKpi);
    // The oldest period any KPI's status or trend reads, up to the end of the current one.
    let from = today;
    let to = today;
    for (const k of kpis) {
      const current = periodStartOf(today, k.frequency);
      const first = lastPeriods(previousPeriod(current, k.frequency), k.frequency, REPORT_TREND_PERIODS)[0]!;
      if (first < from) from = first;
      const end = periodEndOf(current, k.frequency);
      if (end > to) to = end;
    }
    const ids = kpis.map((k) => k.id);
    const values = (await valuesBetween(sql, ctx, ids, from, to)).map((v) => ({ kpiId: String(v.kpiId), periodStart: String(v.periodStart), value: Number(v.value) }));
    const actions = (await actionPlansOf(sql, ctx, 'action', { kpiIds: ids })).map((d) => actionView(d, today));
    return { today, dashboards, kpis, values, actions };
  }

  const parsed = <T>(c: Context<AppEnv>, schema: { parse(v: unknown): T }): T => schema.parse(c.req.query());

  app.get('/reporting/overview', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const input = await load(ctx, parsed(c, ReportingQuery));
    return c.json({ asOf: input.today, ...reportingOverview(input) });
  });

  app.get('/reporting/top-risks', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const query = parsed(c, TopRisksQuery);
    const input = await load(ctx, query);
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 10)));
    return c.json({ asOf: input.today, risks: topRisks(input, limit) });
  });

  app.get('/reporting/direction', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const input = await load(ctx, parsed(c, ReportingQuery));
    const { today, ...report } = directionReport(input);
    const byId = new Map(input.actions.map((a) => [a.id, a]));
    return c.json({ asOf: today, ...report, overdueActions: report.overdueActions.map((a) => byId.get(a.id)!) });
  });

  return app;
}
