import { HOUR, addDays, localDate, mondayOf, splitByLocalDay, wallClock, zonedTimeToUtc } from '../time/zone';
import type { ConventionProfile } from './profiles';

/** One person's time on one mission (an active assignment: INVITED or ACCEPTED). */
export interface Shift {
  assignmentId: string;
  missionId: string;
  userId: string;
  start: number;
  end: number;
}

/** A declared unavailability; with weeklyUntil it repeats every week at the same local wall-clock times. */
export interface Unavailability {
  id: string;
  userId: string;
  start: number;
  end: number;
  weeklyUntil: string | null;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
}

export type ConflictKind = 'OVERLAP' | 'DAILY_MAX' | 'WEEKLY_MAX' | 'WEEKLY_AVERAGE' | 'REST' | 'REDUCED_REST' | 'UNAVAILABLE';

export interface PlanningConflict {
  kind: ConflictKind;
  severity: 'error' | 'warning';
  userId: string;
  /** Assignments involved (the shift to move or replace is the last one). */
  assignmentIds: string[];
  missionIds: string[];
  /** Local date (daily rules) or Monday of the week (weekly rules). */
  period?: string;
  /** Measured value and limit, in hours. */
  hours?: number;
  limitHours?: number;
}

export interface DetectInput {
  shifts: readonly Shift[];
  unavailabilities?: readonly Unavailability[];
  profile: ConventionProfile;
  tz: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function byUser<T extends { userId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const list = out.get(it.userId);
    if (list) list.push(it);
    else out.set(it.userId, [it]);
  }
  return out;
}

/** Two shifts of one person that intersect (touching ends do not). */
export function overlaps(shifts: readonly Shift[]): PlanningConflict[] {
  const out: PlanningConflict[] = [];
  const sorted = [...shifts].sort((a, b) => a.start - b.start || a.end - b.end);
  const open: Shift[] = [];
  for (const s of sorted) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end <= s.start) open.splice(i, 1);
    for (const o of open) out.push({ kind: 'OVERLAP', severity: 'error', userId: s.userId, assignmentIds: [o.assignmentId, s.assignmentId], missionIds: [o.missionId, s.missionId] });
    open.push(s);
  }
  return out;
}

/** Work per local calendar day (a shift across midnight counts on both days) above the daily maximum. */
export function dailyMax(shifts: readonly Shift[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  const days = new Map<string, { ms: number; shifts: Shift[] }>();
  for (const s of shifts) {
    for (const part of splitByLocalDay(s.start, s.end, tz)) {
      const d = days.get(part.date) ?? { ms: 0, shifts: [] };
      d.ms += part.ms;
      d.shifts.push(s);
      days.set(part.date, d);
    }
  }
  const out: PlanningConflict[] = [];
  for (const [date, d] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    const hours = d.ms / HOUR;
    if (hours > profile.dailyMaxHours + 1e-9) {
      out.push({ kind: 'DAILY_MAX', severity: 'error', userId: d.shifts[0]!.userId, assignmentIds: d.shifts.map((s) => s.assignmentId), missionIds: d.shifts.map((s) => s.missionId), period: date, hours: round2(hours), limitHours: profile.dailyMaxHours });
    }
  }
  return out;
}

/** Work per calendar week (Monday to Sunday, local) above the weekly maximum, and the rolling average above its limit. */
export function weekly(shifts: readonly Shift[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  const weeks = new Map<string, { ms: number; shifts: Shift[] }>();
  for (const s of shifts) {
    for (const part of splitByLocalDay(s.start, s.end, tz)) {
      const monday = mondayOf(part.date);
      const w = weeks.get(monday) ?? { ms: 0, shifts: [] };
      w.ms += part.ms;
      if (!w.shifts.includes(s)) w.shifts.push(s);
      weeks.set(monday, w);
    }
  }
  const out: PlanningConflict[] = [];
  const userId = shifts[0]?.userId ?? '';
  const mondays = [...weeks.keys()].sort();
  for (const monday of mondays) {
    const w = weeks.get(monday)!;
    const hours = w.ms / HOUR;
    if (hours > profile.weeklyMaxHours + 1e-9) {
      out.push({ kind: 'WEEKLY_MAX', severity: 'error', userId, assignmentIds: w.shifts.map((s) => s.assignmentId), missionIds: w.shifts.map((s) => s.missionId), period: monday, hours: round2(hours), limitHours: profile.weeklyMaxHours });
    }
  }
  // Rolling average: every window of `averageWeeks` consecutive weeks ending on a worked week (idle weeks count as 0).
  for (const monday of mondays) {
    let total = 0;
    for (let i = 0; i < profile.averageWeeks; i++) total += weeks.get(addDays(monday, -7 * i))?.ms ?? 0;
    const avg = total / HOUR / profile.averageWeeks;
    if (avg > profile.weeklyAverageMaxHours + 1e-9) {
      const w = weeks.get(monday)!;
      out.push({ kind: 'WEEKLY_AVERAGE', severity: 'warning', userId, assignmentIds: w.shifts.map((s) => s.assignmentId), missionIds: w.shifts.map((s) => s.missionId), period: monday, hours: round2(avg), limitHours: profile.weeklyAverageMaxHours });
    }
  }
  return out;
}

/**
 * Daily rest between working days. A working day is the set of shifts starting on one local calendar date
 * (a night shift belongs to the day it starts); the rest between two working days runs from the last end of
 * the earlier day (whichever shift ends last, not only the first) to the first start of the next one, in
 * real elapsed time (DST aware). Gaps between shifts of one day are breaks. Below `dailyRestHours` the rest is
 * an error, unless the convention allows a reduced rest (IDCC 2717: 9 h, twice per calendar week, counted in
 * the week the rest ends) and the week's allowance is not used up: then it is a warning.
 */
export function rest(shifts: readonly Shift[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  const days = new Map<string, Shift[]>();
  for (const s of shifts) {
    const date = localDate(s.start, tz);
    const list = days.get(date);
    if (list) list.push(s);
    else days.set(date, [s]);
  }
  const dates = [...days.keys()].sort();
  const out: PlanningConflict[] = [];
  const reducedUsed = new Map<string, number>();
  for (let i = 1; i < dates.length; i++) {
    const before = days.get(dates[i - 1]!)!;
    const after = days.get(dates[i]!)!;
    const last = before.reduce((a, b) => (b.end > a.end ? b : a));
    const first = after.reduce((a, b) => (b.start < a.start ? b : a));
    const gap = first.start - last.end;
    if (gap < 0 || gap >= profile.dailyRestHours * HOUR) continue;
    const week = mondayOf(dates[i]!);
    const used = reducedUsed.get(week) ?? 0;
    const reduced = profile.maxReducedRestsPerWeek > 0 && gap >= profile.reducedRestHours * HOUR && used < profile.maxReducedRestsPerWeek;
    if (reduced) reducedUsed.set(week, used + 1);
    out.push({
      kind: reduced ? 'REDUCED_REST' : 'REST',
      severity: reduced ? 'warning' : 'error',
      userId: first.userId,
      assignmentIds: [last.assignmentId, first.assignmentId],
      missionIds: [last.missionId, first.missionId],
      period: dates[i],
      hours: round2(gap / HOUR),
      limitHours: profile.dailyRestHours,
    });
  }
  return out;
}

/** Occurrences of a (possibly weekly) unavailability intersecting [from, to), at the same local wall-clock times. */
export function occurrences(u: Unavailability, from: number, to: number, tz: string): { start: number; end: number }[] {
  if (!u.weeklyUntil) return u.end > from && u.start < to ? [{ start: u.start, end: u.end }] : [];
  const out: { start: number; end: number }[] = [];
  const s = wallClock(u.start, tz);
  const duration = u.end - u.start;
  const firstDate = localDate(u.start, tz);
  for (let week = 0; week < 520; week++) {
    const date = addDays(firstDate, 7 * week);
    if (date > u.weeklyUntil) break;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const start = zonedTimeToUtc({ year: y, month: m, day: d, hour: s.hour, minute: s.minute }, tz);
    if (start >= to) break;
    if (start + duration > from) out.push({ start, end: start + duration });
  }
  return out;
}

/** Shifts during a declared unavailability (approved: error; pending: warning; rejected: ignored). */
export function unavailable(shifts: readonly Shift[], unavailabilities: readonly Unavailability[], tz: string): PlanningConflict[] {
  const out: PlanningConflict[] = [];
  for (const s of shifts) {
    for (const u of unavailabilities) {
      if (u.status === 'REJECTED' || u.userId !== s.userId) continue;
      if (occurrences(u, s.start, s.end, tz).length > 0) {
        out.push({ kind: 'UNAVAILABLE', severity: u.status === 'APPROVED' ? 'error' : 'warning', userId: s.userId, assignmentIds: [s.assignmentId], missionIds: [s.missionId] });
      }
    }
  }
  return out;
}

/** Every planning conflict of every person: overlaps, daily and weekly maxima, daily rest, unavailability. */
export function detectConflicts(input: DetectInput): PlanningConflict[] {
  const out: PlanningConflict[] = [];
  const unav = byUser(input.unavailabilities ?? []);
  for (const [userId, shifts] of byUser(input.shifts)) {
    const valid = shifts.filter((s) => s.end > s.start);
    out.push(...overlaps(valid), ...dailyMax(valid, input.profile, input.tz), ...weekly(valid, input.profile, input.tz), ...rest(valid, input.profile, input.tz));
    out.push(...unavailable(valid, unav.get(userId) ?? [], input.tz));
  }
  return out;
}

/** For tests and callers that build shifts from local wall-clock times. */
export function localInstant(date: string, time: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return zonedTimeToUtc({ year: y, month: m, day: d, hour: hh, minute: mm }, tz);
}
