import type { APIRequestContext } from '@playwright/test';
import { pushDocs, uuid7 } from './planning-helpers';

/** YYYY-MM-01 of the month `back` months before the current one (UTC is close enough for the first days). */
export function monthStart(back: number): string {
  const d = new Date();
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
  return t.toISOString().slice(0, 10);
}
function monthEnd(start: string): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export interface KpiScene {
  dashboardId: string;
  kpiIds: string[];
}

/**
 * A dashboard with three monthly KPIs and a year of values, pushed through the sync API as a manager would write
 * them: a fill rate (higher is better, green now), overtime hours (lower is better, red now) and a budget use
 * (closest to target), so the screens have every colour, a trend and a history chart to draw.
 */
export async function seedKpiDashboard(api: APIRequestContext, title: string): Promise<KpiScene> {
  const now = new Date().toISOString();
  const kpi = (name: string, data: Record<string, unknown>) => ({ id: uuid7(), updatedAt: now, kind: 'kpi', name, archived: false, data });
  const base = { decimals: 1, frequency: 'MONTHLY', aggregation: 'AVERAGE', source: 'MANUAL', active: true, gracePeriodDays: 5, auto: null };
  const kpis = [
    kpi(`Taux de remplissage ${title}`, { ...base, unit: '%', direction: 'UP_IS_BETTER', target: 90, thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 } }),
    kpi(`Heures supplementaires ${title}`, { ...base, decimals: 0, aggregation: 'SUM', unit: 'h', direction: 'DOWN_IS_BETTER', target: 40, thresholds: { kind: 'ABSOLUTE', green: 40, orange: 50 } }),
    kpi(`Budget consomme ${title}`, { ...base, unit: '%', direction: 'CLOSEST_IS_BETTER', target: 100, thresholds: { kind: 'PERCENT_OF_TARGET', green: 5, orange: 10 } }),
  ];
  await pushDocs(api, 'reference', kpis);
  const series = [
    [78, 81, 84, 83, 86, 88, 87, 90, 91, 93, 92, 94],
    [30, 34, 38, 45, 41, 48, 52, 47, 55, 58, 61, 63],
    [96, 99, 101, 104, 97, 100, 103, 108, 95, 101, 99, 107],
  ];
  const values = kpis.flatMap((k, i) =>
    series[i]!.map((v, j) => {
      const start = monthStart(12 - j);
      return { id: uuid7(), updatedAt: now, kpiId: k.id, periodStart: start, periodEnd: monthEnd(start), value: v, enteredAt: now, status: null, enteredByAccountId: null, history: [] };
    }),
  );
  await pushDocs(api, 'kpi_values', values);
  const dashboardId = uuid7();
  await pushDocs(api, 'reference', [{ id: dashboardId, updatedAt: now, kind: 'dashboard', name: title, archived: false, sharing: 'ORGANISATION', data: { process: 'Production', description: 'Suivi mensuel de la production.', kpiIds: kpis.map((k) => k.id) } }]);
  // An overdue action on the overtime KPI (due a week ago, in progress).
  const due = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await pushDocs(api, 'action_plans', [{ id: uuid7(), updatedAt: now, kind: 'action', kpiId: kpis[1]!.id, title: 'Renfort week-end', ownerUserId: null, dueDate: due, progress: 40, status: 'IN_PROGRESS' }]);
  return { dashboardId, kpiIds: kpis.map((k) => k.id) };
}
