import type { Heatmap } from './dashboard-types';

/**
 * Planned load by local weekday x hour: each real minute of a shift goes to the local hour it falls in, using the
 * zone offsets the slices carry (no zone database in the worker). A shift across midnight spreads over both days;
 * the spring DST night has no local 02:00 hour (nothing lands there), the autumn night's 02:00 hour gets both
 * real hours. Cells are person-minutes, `cells[weekday * 24 + hour]`, weekday 0 = Monday.
 *
 * Speed: a shift with one offset from start to end (all but the few across a DST change) is two marks in a
 * difference array over the 10,080 minutes of the week (WeekLoad.add, O(1)); the running sum at the end gives
 * the people at work each minute and their sum per hour. A shift across a change walks its hours (spreadLoad).
 */

export const HEATMAP_CELLS = 7 * 24;
const WEEK_MINUTES = 7 * 1440;
/** A window longer than this (minutes) is not a shift: left out of the heatmap. */
export const HEATMAP_MAX_SPAN = 7 * 24 * 60;

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

/** Minute of the local week (0 = Monday 00:00) of local epoch minute `local`; 1970-01-01 was a Thursday (3 days after a Monday). */
const weekMinute = (local: number): number => (((local + 3 * 1440) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;

/** Add the minutes of [start, end) (UTC epoch minutes) to `cells` hour by hour, following offset changes. */
export function spreadLoad(cells: Float64Array, start: number, end: number, at: Float64Array, minutes: Int32Array): void {
  if (!(end > start) || start < 0 || end - start > HEATMAP_MAX_SPAN) return;
  let k = offsetIndex(at, start);
  let t = start;
  while (t < end) {
    const off = minutes[k]!;
    const change = k + 1 < at.length ? at[k + 1]! : Number.POSITIVE_INFINITY;
    const wm = weekMinute(t + off);
    let next = t + (60 - (wm % 60));
    if (next > change) next = change;
    if (next > end) next = end;
    const cell = Math.floor(wm / 60);
    cells[cell] = cells[cell]! + (next - t);
    t = next;
    if (t >= change) k += 1;
  }
}

/** The planned load of one group (a venue, or all): a difference array over the week plus exact cells for DST shifts. */
export class WeekLoad {
  private readonly diff = new Float64Array(WEEK_MINUTES + 1);
  private readonly extra = new Float64Array(HEATMAP_CELLS);

  /** One shift [start, end) in UTC epoch minutes. */
  add(start: number, end: number, at: Float64Array, minutes: Int32Array): void {
    if (!(end > start) || start < 0 || end - start > HEATMAP_MAX_SPAN) return;
    const k = offsetIndex(at, start);
    if (k + 1 < at.length && at[k + 1]! < end) {
      spreadLoad(this.extra, start, end, at, minutes);
      return;
    }
    const ws = weekMinute(start + minutes[k]!);
    const we = ws + (end - start);
    const d = this.diff;
    d[ws] = d[ws]! + 1;
    if (we <= WEEK_MINUTES) {
      d[we] = d[we]! - 1;
    } else {
      d[WEEK_MINUTES] = d[WEEK_MINUTES]! - 1;
      d[0] = d[0]! + 1;
      d[we - WEEK_MINUTES] = d[we - WEEK_MINUTES]! - 1;
    }
  }

  /** The person-minutes per weekday x hour. */
  cells(): Float64Array {
    const out = Float64Array.from(this.extra);
    let running = 0;
    let m = 0;
    for (let cell = 0; cell < HEATMAP_CELLS; cell++) {
      let sum = 0;
      for (let i = 0; i < 60; i++, m++) {
        running += this.diff[m]!;
        sum += running;
      }
      out[cell] = out[cell]! + sum;
    }
    return out;
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
