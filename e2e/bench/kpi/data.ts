/**
 * The KPI bench's data set, deterministic (seeded): 500 weekly KPIs with 5 years of values up to the week of
 * `today`, a mix of directions, bands, aggregations and target series, 25 dashboards of 20 KPIs across 5
 * processes, and 400 action plans. Plain board inputs (client/src/workers/kpi-api.ts), as the local store gives them.
 */
import type { BoardAction, BoardDashboard, BoardKpi, BoardValue } from '@coulisses/shared/kpi/board';
import { addDays, mondayOf, mulberry32 } from '@coulisses/shared';

export interface KpiBenchOptions {
  kpis: number;
  years: number;
  today: string;
  missingRate: number;
}

export interface KpiDataSet {
  kpis: BoardKpi[];
  values: BoardValue[];
  dashboards: BoardDashboard[];
  actions: BoardAction[];
  weeks: number;
}

const PROCESSES = ['Production', 'Logistique', 'Accueil', 'Billetterie', 'Administration'];

export function generateKpis(opts: KpiBenchOptions): KpiDataSet {
  const rnd = mulberry32(20261209);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lastMonday = mondayOf(opts.today);
  const weeks = Math.round((opts.years * 365.25) / 7);
  const firstMonday = addDays(lastMonday, -7 * (weeks - 1));
  const kpis: BoardKpi[] = [];
  const values: BoardValue[] = [];
  for (let i = 0; i < opts.kpis; i++) {
    const id = `kpi-${String(i).padStart(4, '0')}`;
    const direction = pick(['UP_IS_BETTER', 'UP_IS_BETTER', 'DOWN_IS_BETTER', 'CLOSEST_IS_BETTER'] as const);
    const percent = rnd() < 0.7;
    const base = 50 + Math.floor(rnd() * 950);
    // A third of the KPIs have a yearly target series (a point on the first Monday of each ISO year).
    const target = rnd() < 0.33 ? [0, 1, 2, 3, 4, 5].map((y) => ({ periodStart: mondayOf(addDays(firstMonday, 364 * y)), target: base * (1 + y * 0.05) })) : base;
    const thresholds =
      direction === 'CLOSEST_IS_BETTER'
        ? percent
          ? { kind: 'PERCENT_OF_TARGET' as const, green: 5, orange: 10 }
          : { kind: 'ABSOLUTE' as const, green: base * 0.05, orange: base * 0.1 }
        : direction === 'UP_IS_BETTER'
          ? percent
            ? { kind: 'PERCENT_OF_TARGET' as const, green: 100, orange: 90 }
            : { kind: 'ABSOLUTE' as const, green: base, orange: base * 0.9 }
          : percent
            ? { kind: 'PERCENT_OF_TARGET' as const, green: 100, orange: 110 }
            : { kind: 'ABSOLUTE' as const, green: base, orange: base * 1.1 };
    kpis.push({
      id,
      name: `Indicateur ${i + 1}`,
      unit: pick(['%', 'h', 'EUR', 'nb']),
      decimals: pick([0, 1, 2]),
      frequency: 'WEEKLY',
      direction,
      target,
      thresholds,
      aggregation: pick(['SUM', 'AVERAGE', 'LAST'] as const),
      active: rnd() > 0.03,
      gracePeriodDays: pick([0, 2, 7]),
    });
    const drift = (rnd() - 0.5) * 0.004;
    for (let w = 0; w < weeks; w++) {
      if (rnd() < opts.missingRate) continue;
      const noise = 1 + (rnd() - 0.5) * 0.3;
      values.push({ kpiId: id, periodStart: addDays(firstMonday, 7 * w), value: Math.round(base * noise * (1 + drift * w) * 100) / 100 });
    }
  }
  const dashboards: BoardDashboard[] = [];
  for (let d = 0; d < Math.ceil(opts.kpis / 20); d++) {
    dashboards.push({ id: `dash-${d}`, name: `Tableau ${d + 1}`, process: PROCESSES[d % PROCESSES.length]!, kpiIds: kpis.slice(d * 20, d * 20 + 20).map((k) => k.id) });
  }
  const actions: BoardAction[] = [];
  for (let a = 0; a < 400; a++) {
    actions.push({
      id: `action-${a}`,
      kpiId: pick(kpis).id,
      title: `Action ${a + 1}`,
      ownerUserId: `user-${Math.floor(rnd() * 30)}`,
      dueDate: addDays(opts.today, Math.floor(rnd() * 120) - 60),
      progress: Math.floor(rnd() * 100),
      status: pick(['OPEN', 'OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const),
    });
  }
  return { kpis, values, dashboards, actions, weeks };
}
