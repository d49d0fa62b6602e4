import type { Heatmap } from './dashboard-types';

/**
 * Planned load by local weekday x hour: each real minute of a shift goes to the local hour it falls in, using the
 * zone offsets the slices carry (no zone database in the worker). A shift across midnight spreads over both days;
 * the spring DST night has no local 02:00 hour (nothing lands there), the autumn night's 02:00 hour gets both
 * real hours. Cells are person-minutes, `cells[weekday * 24 + hour]`, weekday 0 = Monday.
 */

export const HEATMAP_CELLS = 7 * 24;
/** A window longer than this (minutes) is not a shift: left out of the heatmap. */
export const HEATMAP_MAX_SPAN = 14 * 24 * 60;

/** Index of the offset in force at UTC minute t: the last k with at[k] <= t (0 before the first). */
export function offsetIndex(at: Float64Array, t: number): number {
  let lo = 0;
  let hi = at.length - 1;
  if (t < at[0]!) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Add the minutes of [start, end) (UTC epoch minutes) to `cells`, `weight` per minute. */
export function spreadLoad(cells: Float64Array, start: number, end: number, at: Float64Array, minutes: Int32Array, weight = 1): void {
  if (!(end > start) || start < 0 || end - start > HEATMAP_MAX_SPAN) return;
  let k = offsetIndex(at, start);
  let t = start;
  while (t < end) {
    const off = minutes[k]!;
    const change = k + 1 < at.length ? at[k + 1]! : Number.POSITIVE_INFINITY;
    const local = t + off;
    const minuteOfDay = ((local % 1440) + 1440) % 1440;
    const hour = Math.floor(minuteOfDay / 60);
    let next = local - (minuteOfDay % 60) + 60 - off;
    if (next > change) next = change;
    if (next > end) next = end;
    const day = Math.floor(local / 1440);
    // 1970-01-01 was a Thursday: (day + 3) mod 7 makes Monday 0.
    const weekday = (((day + 3) % 7) + 7) % 7;
    const cell = weekday * 24 + hour;
    cells[cell] = cells[cell]! + (next - t) * weight;
    t = next;
    if (t >= change) k += 1;
  }
}

/** The plain JSON form of a heatmap's cells. */
export function heatmapOf(cells: Float64Array): Heatmap {
  let max = 0;
  let total = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    total += v;
    if (v > max) max = v;
  }
  return { cells: Array.from(cells), max, total };
}
