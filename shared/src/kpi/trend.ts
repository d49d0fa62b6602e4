import type { KpiRuleDirection } from './definition';

export const KPI_MOVES = ['UP', 'DOWN', 'FLAT'] as const;
export type KpiMove = (typeof KPI_MOVES)[number];
export const KPI_TREND_READINGS = ['IMPROVING', 'WORSENING', 'STABLE'] as const;
export type KpiTrendReading = (typeof KPI_TREND_READINGS)[number];

export interface KpiTrend {
  /** Which way the values move over the window. */
  move: KpiMove;
  /** The move read with the KPI's direction; null for CLOSEST_IS_BETTER when no period has both a value and a target. */
  reading: KpiTrendReading | null;
  /** The change across the window on the least-squares line through the values (last period minus first). */
  change: number;
  /** How many periods of the window had a value. */
  points: number;
}

/** Default: a fitted change within 1 % of the mean absolute value of the window is FLAT. */
export const DEFAULT_FLAT_TOLERANCE_PCT = 1;

/** Slope of the least-squares line through (index, value) for the indexes that have a value; null below 2 points. */
function slope(values: readonly (number | null | undefined)[]): { slope: number; n: number; meanAbs: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  values.forEach((v, i) => {
    if (typeof v === 'number' && Number.isFinite(v)) {
      xs.push(i);
      ys.push(v);
    }
  });
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return { slope: num / den, n, meanAbs: ys.reduce((a, b) => a + Math.abs(b), 0) / n };
}

function moveOf(change: number, meanAbs: number, tolerancePct: number): KpiMove {
  if (Math.abs(change) <= (meanAbs * tolerancePct) / 100) return 'FLAT';
  return change > 0 ? 'UP' : 'DOWN';
}

/**
 * The trend over consecutive periods, oldest first (a missing value is null and keeps its place): the change
 * across the window on the least-squares line, UP / DOWN / FLAT, and IMPROVING / WORSENING / STABLE by the
 * direction. For CLOSEST_IS_BETTER the reading follows the distance to each period's target (`targets`, aligned
 * with `values`): a shrinking distance is IMPROVING. Null with fewer than two values.
 */
export function kpiTrend(
  values: readonly (number | null | undefined)[],
  direction: KpiRuleDirection,
  targets: readonly (number | null | undefined)[] = [],
  tolerancePct = DEFAULT_FLAT_TOLERANCE_PCT,
): KpiTrend | null {
  const fit = slope(values);
  if (!fit) return null;
  const change = fit.slope * (values.length - 1);
  const move = moveOf(change, fit.meanAbs, tolerancePct);
  let reading: KpiTrendReading | null;
  if (direction === 'CLOSEST_IS_BETTER') {
    const distances = values.map((v, i) => {
      const t = targets[i];
      return typeof v === 'number' && typeof t === 'number' ? Math.abs(v - t) : null;
    });
    const d = slope(distances);
    if (!d) reading = distances.some((x) => x !== null) ? 'STABLE' : null;
    else {
      // Tolerance on the distance relative to the values' scale, so a tiny wobble around the target is STABLE.
      const dm = moveOf(d.slope * (values.length - 1), fit.meanAbs, tolerancePct);
      reading = dm === 'FLAT' ? 'STABLE' : dm === 'DOWN' ? 'IMPROVING' : 'WORSENING';
    }
  } else if (move === 'FLAT') reading = 'STABLE';
  else reading = (move === 'UP') === (direction === 'UP_IS_BETTER') ? 'IMPROVING' : 'WORSENING';
  return { move, reading, change: change === 0 ? 0 : change, points: fit.n };
}
