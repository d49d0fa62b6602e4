import { percentOfTarget, shiftPeriod, targetFor, type KpiDefinition } from '@coulisses/shared';

/** Bounds of the bands at one period, as KPI values (null when the bands need a target there is none of). */
export interface BandBounds {
  /** UP/DOWN: the green and orange bounds; CLOSEST: [target - green, target + green] and the same for orange. */
  green: [number, number] | number | null;
  orange: [number, number] | number | null;
}

export function bandBoundsAt(def: Pick<KpiDefinition, 'direction' | 'thresholds' | 'target'>, period: string): BandBounds {
  const target = targetFor(def.target, period);
  const { kind, green, orange } = def.thresholds;
  if (def.direction === 'CLOSEST_IS_BETTER') {
    if (target === null) return { green: null, orange: null };
    const scale = kind === 'PERCENT_OF_TARGET' ? Math.abs(target) / 100 : 1;
    return { green: [target - green * scale, target + green * scale], orange: [target - orange * scale, target + orange * scale] };
  }
  if (kind === 'ABSOLUTE') return { green, orange };
  if (target === null) return { green: null, orange: null };
  return { green: percentOfTarget(target, green), orange: percentOfTarget(target, orange) };
}

export interface ChartData {
  periods: string[];
  values: (number | null)[];
  targets: (number | null)[];
  bands: BandBounds[];
}

/**
 * The periods the history chart shows: from the first value (at most `max` periods back) to the current period,
 * at least `min` periods, with values, targets and band bounds aligned.
 */
export function chartData(def: Pick<KpiDefinition, 'direction' | 'thresholds' | 'target' | 'frequency'>, values: ReadonlyMap<string, number>, current: string, min = 6, max = 60): ChartData {
  let first = current;
  for (const p of values.keys()) if (p < first) first = p;
  const periods: string[] = [];
  for (let i = 0; i < max; i++) {
    const p = shiftPeriod(current, def.frequency, -i);
    if (i >= min && p < first) break;
    periods.unshift(p);
  }
  return {
    periods,
    values: periods.map((p) => values.get(p) ?? null),
    targets: periods.map((p) => targetFor(def.target, p)),
    bands: periods.map((p) => bandBoundsAt(def, p)),
  };
}
