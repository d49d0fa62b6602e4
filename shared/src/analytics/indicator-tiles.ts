import type { DashboardIndicators, DashboardResult } from './dashboard-types';
import type { Locale } from '../i18n/index';
import { formatCount, formatDuration, formatMoney, formatPercent } from '../i18n/format';

/** The indicator tiles of the analytics page and its exports (client and server-made CSV), in display order (pay ones only with pay figures). */
export const INDICATOR_KEYS = ['coverage', 'planned', 'actual', 'variance', 'overtime', 'night', 'late', 'payroll', 'hourlyCost', 'incidents'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
const PAY_KEYS: readonly IndicatorKey[] = ['payroll', 'hourlyCost'];

export interface IndicatorTile {
  key: IndicatorKey;
  /** The value as shown ('-' when not computable). */
  value: string;
  /** The comparison period's value as shown, null without comparison. */
  compareValue: string | null;
  /** Relative change (0.1 = +10 %), null when not computable or without comparison. */
  delta: number | null;
  /** Whether a rise is good (coverage), bad (overtime, late starts, incidents, cost) or neutral (volumes). */
  rise: 'good' | 'bad' | 'neutral';
}

const RISE: Record<IndicatorKey, IndicatorTile['rise']> = {
  coverage: 'good',
  planned: 'neutral',
  actual: 'neutral',
  variance: 'neutral',
  overtime: 'bad',
  night: 'neutral',
  late: 'bad',
  payroll: 'neutral',
  hourlyCost: 'bad',
  incidents: 'bad',
};

/** One indicator's value as text (durations in hours and minutes, money in euros, rates in percent). */
export function formatIndicator(locale: Locale, key: IndicatorKey, ind: DashboardIndicators): string {
  switch (key) {
    case 'coverage':
      return ind.coverageRate === null ? '-' : formatPercent(locale, ind.coverageRate, 1);
    case 'planned':
      return formatDuration(locale, ind.plannedMinutes);
    case 'actual':
      return formatDuration(locale, ind.actualMinutes);
    case 'variance':
      return ind.variancePct === null ? '-' : `${ind.variancePct > 0 ? '+' : ''}${formatPercent(locale, ind.variancePct / 100, 1)}`;
    case 'overtime':
      return formatDuration(locale, ind.overtimeMinutes);
    case 'night':
      return formatDuration(locale, ind.nightMinutes);
    case 'late':
      return formatCount(locale, ind.lateStarts);
    case 'payroll':
      return ind.payrollCents === null ? '-' : formatMoney(locale, ind.payrollCents);
    case 'hourlyCost':
      return ind.avgHourlyCostCents === null ? '-' : formatMoney(locale, ind.avgHourlyCostCents);
    case 'incidents':
      return formatCount(locale, ind.incidents.total);
  }
}

/** The delta of a tile from the result's deltas (the variance compares percentage points, shown as none). */
function deltaOf(key: IndicatorKey, result: DashboardResult): number | null {
  const d = result.deltas;
  if (!d) return null;
  switch (key) {
    case 'coverage':
      return d.coverageRate;
    case 'planned':
      return d.plannedMinutes;
    case 'actual':
      return d.actualMinutes;
    case 'variance':
      return null;
    case 'overtime':
      return d.overtimeMinutes;
    case 'night':
      return d.nightMinutes;
    case 'late':
      return d.lateStarts;
    case 'payroll':
      return d.payrollCents;
    case 'hourlyCost':
      return d.avgHourlyCostCents;
    case 'incidents':
      return d.incidents;
  }
}

/** The tiles of a result: pay tiles only when the result carries pay figures. */
export function indicatorTiles(locale: Locale, result: DashboardResult): IndicatorTile[] {
  return INDICATOR_KEYS.filter((k) => result.pay || !PAY_KEYS.includes(k)).map((key) => ({
    key,
    value: formatIndicator(locale, key, result.current),
    compareValue: result.comparison ? formatIndicator(locale, key, result.comparison) : null,
    delta: deltaOf(key, result),
    rise: RISE[key],
  }));
}

/** A relative change as "+12,5 %" / "-3 %" ('-' when unknown). */
export function formatDeltaPct(locale: Locale, delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '-';
  const sign = delta > 0 ? '+' : delta < 0 ? '\u2212' : '';
  return `${sign}${formatPercent(locale, Math.abs(delta), 1)}`;
}
