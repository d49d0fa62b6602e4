import {
  kpiNow,
  periodStartOf,
  shiftPeriod,
  yearToDate,
  type KpiAggregate,
  type KpiPeriodStatus,
  type KpiTrend,
} from '@coulisses/shared';
import type { Kpi, KpiValueDoc } from './types';

/** Periods drawn in a tile's sparkline, and read for its trend. */
export const SPARK_PERIODS = 12;

/** What a dashboard tile shows of one KPI. */
export interface KpiTileView {
  kpiId: string;
  /** The status of the period shown (GREEN... or LATE/NO_DATA when the last due period has no value). */
  status: KpiPeriodStatus;
  /** The value of the period the status is about (current, else previous), and its start; null when none. */
  value: number | null;
  period: string | null;
  /** The target of that period (or of the current one when there is no value). */
  target: number | null;
  trend: KpiTrend | null;
  /** Values of the last SPARK_PERIODS periods (oldest first, null when missing) and their starts. */
  spark: (number | null)[];
  sparkPeriods: string[];
  ytd: KpiAggregate;
}

/**
 * The tile of one KPI on `today` (a local date in the organisation's zone): status, value, target and trend are
 * the shared reporting rule's `kpiNow` (the direction view reads the same), i.e. the current period when it has a
 * value, else the previous one (LATE once its grace period is over); plus the sparkline and the year to date.
 */
export function kpiTileView(kpi: Kpi, values: readonly KpiValueDoc[], today: string): KpiTileView {
  const f = kpi.frequency;
  const current = periodStartOf(today, f);
  const byPeriod = new Map<string, number>();
  for (const v of values) if (v.periodStart <= current) byPeriod.set(periodStartOf(v.periodStart, f), v.value);
  const now = kpiNow(kpi, byPeriod, today);
  const sparkPeriods: string[] = [];
  for (let i = SPARK_PERIODS - 1; i >= 0; i--) sparkPeriods.push(shiftPeriod(current, f, -i));
  return {
    kpiId: kpi.id,
    status: now.status,
    value: now.value,
    period: now.value === null ? null : now.period,
    target: now.target,
    trend: now.trend,
    spark: sparkPeriods.map((p) => byPeriod.get(p) ?? null),
    sparkPeriods,
    ytd: yearToDate({ frequency: f, aggregation: kpi.aggregation, target: kpi.target, values: byPeriod }, today),
  };
}

/** The tiles of a dashboard's KPIs, in the dashboard's order (KPIs missing from the store are left out). */
export function dashboardTiles(kpiIds: readonly string[], kpis: ReadonlyMap<string, Kpi>, values: ReadonlyMap<string, readonly KpiValueDoc[]>, today: string): KpiTileView[] {
  const out: KpiTileView[] = [];
  for (const id of kpiIds) {
    const kpi = kpis.get(id);
    if (kpi) out.push(kpiTileView(kpi, values.get(id) ?? [], today));
  }
  return out;
}

/** How many tiles have each status. */
export function statusCounts(tiles: readonly KpiTileView[]): Partial<Record<KpiPeriodStatus, number>> {
  const out: Partial<Record<KpiPeriodStatus, number>> = {};
  for (const t of tiles) out[t.status] = (out[t.status] ?? 0) + 1;
  return out;
}
