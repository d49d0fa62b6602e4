import {
  kpiTrend,
  periodStartOf,
  periodStatus,
  shiftPeriod,
  targetFor,
  yearToDate,
  type KpiAggregate,
  type KpiPeriodStatus,
  type KpiTrend,
} from '@coulisses/shared';
import type { Kpi, KpiValueDoc } from './types';

/** Periods drawn in a tile's sparkline, and read for its trend. */
export const SPARK_PERIODS = 12;
export const TREND_PERIODS = 6;

/** What a dashboard tile shows of one KPI. */
export interface KpiTileView {
  kpiId: string;
  /** The status of the period shown (GREEN... or LATE/NO_DATA when the last due period has no value). */
  status: KpiPeriodStatus;
  /** The last value entered up to the current period, and its period start; null when none. */
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
 * The tile of one KPI on `today` (a local date in the organisation's zone), with the shared status rules: the
 * value shown is the latest up to the current period. When neither the current nor the previous period has a
 * value, the status is the previous period's (LATE once its grace period is over, NO_DATA before).
 */
export function kpiTileView(kpi: Kpi, values: readonly KpiValueDoc[], today: string): KpiTileView {
  const f = kpi.frequency;
  const current = periodStartOf(today, f);
  const previous = shiftPeriod(current, f, -1);
  const byPeriod = new Map<string, number>();
  for (const v of values) if (v.periodStart <= current) byPeriod.set(periodStartOf(v.periodStart, f), v.value);
  let latest: string | null = null;
  for (const p of byPeriod.keys()) if (latest === null || p > latest) latest = p;

  let status: KpiPeriodStatus;
  if (latest !== null && latest >= previous) status = periodStatus({ definition: kpi, period: latest, value: byPeriod.get(latest), today });
  else status = periodStatus({ definition: kpi, period: previous, value: null, today });

  const sparkPeriods: string[] = [];
  for (let i = SPARK_PERIODS - 1; i >= 0; i--) sparkPeriods.push(shiftPeriod(current, f, -i));
  const spark = sparkPeriods.map((p) => byPeriod.get(p) ?? null);
  const upTo = latest ?? current;
  const window: string[] = [];
  for (let i = TREND_PERIODS - 1; i >= 0; i--) window.push(shiftPeriod(upTo, f, -i));
  const trend = kpiTrend(
    window.map((p) => byPeriod.get(p) ?? null),
    kpi.direction,
    window.map((p) => targetFor(kpi.target, p)),
  );
  return {
    kpiId: kpi.id,
    status,
    value: latest === null ? null : (byPeriod.get(latest) ?? null),
    period: latest,
    target: targetFor(kpi.target, latest ?? current),
    trend,
    spark,
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
