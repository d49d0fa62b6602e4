import type { KpiAggregation, KpiTarget } from './definition';
import { targetFor } from './definition';
import { lastPeriods, periodStartOf, periodYear, shiftPeriod, type KpiFrequency } from './periods';

/** SUM, AVERAGE or LAST of values in period order; null when there is none. */
export function aggregateValues(values: readonly number[], aggregation: KpiAggregation): number | null {
  if (values.length === 0) return null;
  if (aggregation === 'LAST') return values[values.length - 1]!;
  const sum = values.reduce((a, b) => a + b, 0);
  return aggregation === 'SUM' ? sum : sum / values.length;
}

export interface KpiAggregate {
  /** The aggregated values of the periods of the window that have one; null when none has. */
  value: number | null;
  /**
   * The targets of the same periods (those with a value) aggregated the same way; null when no period has a
   * value or one of them has no target (a partial sum of targets would mislead).
   */
  target: number | null;
  /** The periods of the window (starts, oldest first) and how many had a value. */
  periods: string[];
  counted: number;
}

export interface AggregateInput {
  frequency: KpiFrequency;
  aggregation: KpiAggregation;
  target: KpiTarget | undefined;
  /** Values by period start; other keys are ignored. */
  values: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

function valueAt(values: AggregateInput['values'], start: string): number | undefined {
  const v = values instanceof Map ? values.get(start) : (values as Record<string, number>)[start];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Aggregates a window of consecutive periods. */
export function aggregateWindow(input: AggregateInput, periods: string[]): KpiAggregate {
  const vs: number[] = [];
  const ts: number[] = [];
  let missingTarget = false;
  for (const p of periods) {
    const v = valueAt(input.values, p);
    if (v === undefined) continue;
    vs.push(v);
    const t = targetFor(input.target, p);
    if (t === null) missingTarget = true;
    else ts.push(t);
  }
  return {
    value: aggregateValues(vs, input.aggregation),
    target: missingTarget ? null : aggregateValues(ts, input.aggregation),
    periods,
    counted: vs.length,
  };
}

/**
 * Year to date: the periods of the year of the period containing `asOf`, from the year's first period up to
 * and including that one. The year of a week is its ISO week-year (docs/decisions/kpi-rules.md).
 */
export function yearToDate(input: AggregateInput, asOf: string): KpiAggregate {
  return aggregateWindow(input, yearToDatePeriods(asOf, input.frequency));
}

/** The periods year to date counts: the year's first period up to the one containing `asOf`, oldest first. */
export function yearToDatePeriods(asOf: string, f: KpiFrequency): string[] {
  const current = periodStartOf(asOf, f);
  const year = periodYear(current, f);
  const periods: string[] = [];
  for (let p = current; periodYear(p, f) === year; p = shiftPeriod(p, f, -1)) periods.unshift(p);
  return periods;
}

/** Rolling: the `n` periods ending with the one containing `asOf`. */
export function rolling(input: AggregateInput, asOf: string, n: number): KpiAggregate {
  return aggregateWindow(input, lastPeriods(asOf, input.frequency, Math.max(0, Math.floor(n))));
}
