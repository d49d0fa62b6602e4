import { NIGHT_PROFILES, type NightProfile } from './types';
import { zoneDays } from './zone-days';

/** A span of time as UTC instants in ms, [start, end). */
export interface Interval {
  start: number;
  end: number;
}

export interface NightRules {
  nightStart: string;
  nightEnd: string;
  nightPremiumPct: number;
}

const HM = /^(\d{1,2}):(\d{2})$/;
const parsed = new Map<string, number | null>();

/** Minutes since midnight of "HH:MM" (00:00 to 23:59), or null when malformed. */
export function parseHm(value: string): number | null {
  let minutes = parsed.get(value);
  if (minutes === undefined) {
    const m = HM.exec(value.trim());
    minutes = m && Number(m[1]) <= 23 && Number(m[2]) <= 59 ? Number(m[1]) * 60 + Number(m[2]) : null;
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(value, minutes);
  }
  return minutes;
}

/**
 * Milliseconds of the intervals inside the night window. The window is local wall-clock time, every local day:
 * from nightStart on a date to nightEnd the same date (start < end, 00:00-07:00) or the next date (start > end,
 * 21:00-06:00). Its bounds are real instants built with zonedTimeToUtc for each local date touched, so on the
 * night of the spring change a 21:00-06:00 window lasts 8 h, on the autumn one 10 h. start == end, or a
 * malformed bound, means no night window. Overlapping intervals count twice: give disjoint ones.
 */
export function nightMsOf(intervals: readonly Interval[], nightStart: string, nightEnd: string, zone: string): number {
  const flat: number[] = [];
  for (const iv of intervals) flat.push(iv.start, iv.end);
  return nightMsOfFlat(flat, nightStart, nightEnd, zone);
}

/** nightMsOf on intervals given as one flat list [start, end, start, end, ...] (no object per interval). */
export function nightMsOfFlat(flat: readonly number[], nightStart: string, nightEnd: string, zone: string): number {
  const s = parseHm(nightStart);
  const e = parseHm(nightEnd);
  if (s === null || e === null || s === e || flat.length === 0) return 0;
  const days = zoneDays(zone);
  let total = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const start = flat[i]!;
    const end = flat[i + 1]!;
    if (!(end > start)) continue;
    // The window of the day before may still be open at the interval's start (21:00-06:00).
    let date = days.prev(days.dateOf(start));
    const last = days.dateOf(end - 1);
    for (;;) {
      const from = days.at(date, s);
      const to = s < e ? days.at(date, e) : days.at(days.next(date), e);
      const lo = Math.max(start, from);
      const hi = Math.min(end, to);
      if (hi > lo) total += hi - lo;
      if (date >= last) break;
      date = days.next(date);
    }
  }
  return total;
}

/** Whole minutes (floor) of the intervals inside the night window; see nightMsOf. */
export function nightMinutesOf(intervals: readonly Interval[], nightStart: string, nightEnd: string, zone: string): number {
  return Math.floor(nightMsOf(intervals, nightStart, nightEnd, zone) / 60_000);
}

/**
 * The night window and premium of a profile. CUSTOM takes `custom` (no night window when it is missing);
 * the presets ignore it.
 */
export function nightRulesFor(profile: NightProfile, custom?: Partial<NightRules>): NightRules {
  if (profile === 'CUSTOM') {
    return { nightStart: custom?.nightStart ?? '00:00', nightEnd: custom?.nightEnd ?? '00:00', nightPremiumPct: custom?.nightPremiumPct ?? 0 };
  }
  const p = NIGHT_PROFILES[profile];
  return { nightStart: p.start, nightEnd: p.end, nightPremiumPct: p.premiumPct };
}
