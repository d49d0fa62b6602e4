import { nightMsOf, type Interval } from '../timeclock/night';
import { roundMinutes } from '../timeclock/rounding';
import type { TimeRules } from '../timeclock/types';

/** A timesheet as the overlap rule reads it: its person, its local date and its range (UTC ISO instants). */
export interface RangedTimesheet {
  id: string;
  userId: string;
  date: string;
  startAt?: string | null;
  endAt?: string | null;
}

/** Two timesheets of one person whose ranges share time (touching ends do not). */
export interface TimesheetOverlap {
  userId: string;
  /** The timesheet counted first (earlier start, then the longer, then the smaller id), then the other one. */
  timesheetIds: [string, string];
  dates: [string, string];
  /** The shared time, UTC ISO instants. */
  from: string;
  to: string;
  /** Whole minutes of shared time (floor). */
  minutes: number;
}

const MINUTE = 60_000;

interface Ranged<T> {
  t: T;
  start: number;
  end: number;
}

/** The range [start, end) of a timesheet, or null when a bound is missing, unreadable or not after the start. */
export function rangeOf(t: Pick<RangedTimesheet, 'startAt' | 'endAt'>): Interval | null {
  if (!t.startAt || !t.endAt) return null;
  const start = Date.parse(t.startAt);
  const end = Date.parse(t.endAt);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

/** Each person's timesheets with a range, in counting order: start, then the longer first, then the id. */
function byPerson<T extends RangedTimesheet>(sheets: readonly T[]): Map<string, Ranged<T>[]> {
  const out = new Map<string, Ranged<T>[]>();
  for (const t of sheets) {
    const r = rangeOf(t);
    if (!r) continue;
    const list = out.get(t.userId);
    const item = { t, start: r.start, end: r.end };
    if (list) list.push(item);
    else out.set(t.userId, [item]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || b.end - a.end || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0));
  return out;
}

/**
 * Every pair of timesheets of one person whose ranges intersect (UTC instants, so a night across midnight or a
 * DST change is measured in real time; touching ends, 14:00-18:00 and 18:00-22:00, do not overlap). Timesheets
 * without a complete range are ignored. Ordered by person, then start of the shared time.
 */
export function timesheetOverlaps<T extends RangedTimesheet>(sheets: readonly T[]): TimesheetOverlap[] {
  const out: TimesheetOverlap[] = [];
  for (const [userId, list] of byPerson(sheets)) {
    const open: Ranged<T>[] = [];
    for (const s of list) {
      for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end <= s.start) open.splice(i, 1);
      for (const o of open) {
        const to = Math.min(o.end, s.end);
        out.push({
          userId, timesheetIds: [o.t.id, s.t.id], dates: [o.t.date, s.t.date],
          from: new Date(s.start).toISOString(), to: new Date(to).toISOString(), minutes: Math.floor((to - s.start) / MINUTE),
        });
      }
      open.push(s);
    }
  }
  return out.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The overlaps one timesheet is part of, with the other timesheet's id. */
export function overlapsOf(id: string, overlaps: readonly TimesheetOverlap[]): { otherId: string; overlap: TimesheetOverlap }[] {
  const out: { otherId: string; overlap: TimesheetOverlap }[] = [];
  for (const o of overlaps) {
    if (o.timesheetIds[0] === id) out.push({ otherId: o.timesheetIds[1], overlap: o });
    else if (o.timesheetIds[1] === id) out.push({ otherId: o.timesheetIds[0], overlap: o });
  }
  return out;
}

/** What is left of [start, end) outside the sorted, disjoint intervals `union`. */
function minus(start: number, end: number, union: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = start;
  for (const u of union) {
    if (u.end <= cursor) continue;
    if (u.start >= end) break;
    if (u.start > cursor) out.push({ start: cursor, end: Math.min(u.start, end) });
    cursor = Math.max(cursor, u.end);
    if (cursor >= end) break;
  }
  if (cursor < end) out.push({ start: cursor, end });
  return out;
}

/** Adds [start, end) to sorted, disjoint intervals (merging those it overlaps or touches). */
function add(union: Interval[], start: number, end: number): Interval[] {
  const out: Interval[] = [];
  let s = start;
  let e = end;
  let placed = false;
  for (const u of union) {
    if (u.end < s) out.push(u);
    else if (u.start > e) {
      if (!placed) {
        out.push({ start: s, end: e });
        placed = true;
      }
      out.push(u);
    } else {
      s = Math.min(s, u.start);
      e = Math.max(e, u.end);
    }
  }
  if (!placed) out.push({ start: s, end: e });
  return out;
}

/** The minutes a timesheet line pays once the time already counted is taken out. */
export interface CountedOnce {
  /** Paid minutes left: at most the minutes of the range that no earlier timesheet of the person covers. */
  paidMinutes: number;
  /** Rounded minutes of the paid minutes left (the organisation's step and mode). */
  roundedMinutes: number;
  /** Night minutes left: at most the night time of the uncovered part. */
  nightMinutes: number;
  /** Paid minutes taken out (already counted on another timesheet). */
  removedMinutes: number;
  /** The whole range was already counted: the line pays nothing (no hours, no cachet, no flat amount, no day). */
  covered: boolean;
}

/** The minutes of a timesheet as the payroll reads them. */
export interface PaidTimesheet extends RangedTimesheet {
  paidMinutes: number;
  roundedMinutes: number;
  nightMinutes: number;
}

/**
 * Overlapping time of one person is paid once. The person's timesheets are counted in order (earlier start,
 * then the longer, then the smaller id); each one pays only the part of its range that the ones before it did
 * not cover: paid = min(its paid minutes, whole minutes of the uncovered part), night = min(its night minutes,
 * night minutes of the uncovered part); its break is assumed to lie in the covered part (the reading
 * favourable to the person, as for typed breaks). A timesheet whose range is entirely covered is `covered`.
 * Only timesheets that share time with an earlier one are in the answer; the others pay as they are.
 */
export function countOverlapOnce<T extends PaidTimesheet>(sheets: readonly T[], rules: Pick<TimeRules, 'zone' | 'nightStart' | 'nightEnd' | 'roundingMinutes' | 'roundingMode'>): Map<string, CountedOnce> {
  const out = new Map<string, CountedOnce>();
  for (const list of byPerson(sheets).values()) {
    let union: Interval[] = [];
    for (const s of list) {
      const left = minus(s.start, s.end, union);
      union = add(union, s.start, s.end);
      let leftMs = 0;
      for (const iv of left) leftMs += iv.end - iv.start;
      if (leftMs === s.end - s.start) continue;
      const paid0 = whole(s.t.paidMinutes);
      const paid = Math.min(paid0, Math.floor(leftMs / MINUTE));
      const night = Math.min(whole(s.t.nightMinutes), paid, Math.floor(nightMsOf(left, rules.nightStart, rules.nightEnd, rules.zone) / MINUTE));
      out.set(s.t.id, {
        paidMinutes: paid,
        roundedMinutes: roundMinutes(paid, rules.roundingMinutes, rules.roundingMode),
        nightMinutes: night,
        removedMinutes: paid0 - paid,
        covered: leftMs === 0,
      });
    }
  }
  return out;
}

const whole = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** The anomaly a timesheet carries while it shares time with another live timesheet of the same person. */
export const OVERLAP_ANOMALY = 'OVERLAP';

/** The anomalies with OVERLAP added (at the end) or removed. */
export function withOverlapFlag(anomalies: readonly string[], overlaps: boolean): string[] {
  const rest = anomalies.filter((a) => a !== OVERLAP_ANOMALY);
  return overlaps ? [...rest.slice(0, 19), OVERLAP_ANOMALY] : rest;
}
