import { addDays } from '../time/zone';
import type { KpiBands, KpiDefinition, KpiRuleDirection } from './definition';
import { targetFor } from './definition';
import { periodEndOf, periodStartOf, type KpiFrequency } from './periods';
import { kpiStatus, type KpiStatus } from './status';

/**
 * The status of one KPI period (docs/decisions/kpi-rules.md): GREEN, ORANGE or RED when it has a value that can
 * be rated; UNRATED when it has a value but the bands need a target the period does not have; NO_DATA when it
 * has no value and is not late yet; LATE when it has no value and its due date (last day + grace) is past.
 */
export const KPI_PERIOD_STATUSES = ['GREEN', 'ORANGE', 'RED', 'UNRATED', 'NO_DATA', 'LATE'] as const;
export type KpiPeriodStatus = (typeof KPI_PERIOD_STATUSES)[number];

/** What the status rules read of a KPI definition. */
export type KpiRules = Pick<KpiDefinition, 'direction' | 'thresholds'> & Partial<Pick<KpiDefinition, 'decimals'>>;

/** A value rounded to `decimals` digits (what people see), half away from zero. */
export function roundTo(value: number, decimals: number | undefined): number {
  if (decimals === undefined) return value;
  const f = 10 ** decimals;
  const r = Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * A percentage of the target as a value of the KPI: target + |target| x (pct - 100) / 100. For a positive
 * target it is target x pct / 100; for a negative one it stays on the right side (90 % of -10 is -11, further
 * from the goal); for a zero target every percentage is 0 (docs: the zero-target reading).
 */
export function percentOfTarget(target: number, pct: number): number {
  const v = target + (Math.abs(target) * (pct - 100)) / 100;
  return v === 0 ? 0 : v;
}

function closestStatus(distance: number, green: number, orange: number): KpiStatus {
  return distance <= green ? 'GREEN' : distance <= orange ? 'ORANGE' : 'RED';
}

/**
 * GREEN, ORANGE or RED of a value against the bands and the period's target, or null when the bands need a
 * target and there is none (percent bands, or CLOSEST_IS_BETTER). Never NaN: a zero target is a target.
 * Bounds are inclusive: a value exactly on the green bound is green, exactly on the orange bound orange.
 */
export function valueStatus(value: number, rules: KpiRules, target: number | null): KpiStatus | null {
  const v = roundTo(value, rules.decimals);
  const { kind, green, orange }: KpiBands = rules.thresholds;
  const direction: KpiRuleDirection = rules.direction;
  if (direction === 'CLOSEST_IS_BETTER') {
    if (target === null) return null;
    const distance = Math.abs(v - target);
    if (kind === 'ABSOLUTE') return closestStatus(distance, green, orange);
    const scale = Math.abs(target) / 100;
    // A zero target allows no distance: exactly the target is green, anything else red.
    return closestStatus(distance, green * scale, orange * scale);
  }
  if (kind === 'ABSOLUTE') return kpiStatus(v, { direction, green, orange });
  if (target === null) return null;
  return kpiStatus(v, { direction, green: percentOfTarget(target, green), orange: percentOfTarget(target, orange) });
}

/** The last day a period's value is expected: its last day plus the grace period. */
export function dueDateOf(periodStart: string, frequency: KpiFrequency, gracePeriodDays: number): string {
  return addDays(periodEndOf(periodStart, frequency), Math.max(0, gracePeriodDays));
}

export interface PeriodStatusInput {
  definition: KpiRules & Pick<KpiDefinition, 'frequency' | 'target' | 'gracePeriodDays'> & Partial<Pick<KpiDefinition, 'active'>>;
  /** Any day of the period (normally its first day). */
  period: string;
  /** The period's value; null or undefined when none was entered. */
  value: number | null | undefined;
  /** The local date of the evaluation, in the organisation's zone (the caller reads the clock, not this rule). */
  today: string;
  /** The period's target when the caller already has it; otherwise taken from the definition. */
  target?: number | null;
}

/**
 * The status of one period. Without a value: LATE once `today` is after the due date (last day + grace), for an
 * active KPI; NO_DATA before that, on the due date itself, for a future period, and for an inactive KPI.
 */
export function periodStatus(input: PeriodStatusInput): KpiPeriodStatus {
  const { definition: d, value, today } = input;
  const start = periodStartOf(input.period, d.frequency);
  if (value === null || value === undefined || !Number.isFinite(value)) {
    if (d.active === false) return 'NO_DATA';
    return today > dueDateOf(start, d.frequency, d.gracePeriodDays) ? 'LATE' : 'NO_DATA';
  }
  const target = input.target !== undefined ? input.target : targetFor(d.target, start);
  return valueStatus(value, d, target) ?? 'UNRATED';
}
