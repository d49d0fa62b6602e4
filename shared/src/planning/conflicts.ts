import { HOUR, addDays, localDate, wallClock, zonedTimeToUtc } from '../time/zone';
import { dailyRestOfPeriods } from './daily-rest';
import { addDaysMemo, mondayOfDate, splitByLocalDayMemo } from './date-memo';
import type { ElsewhereHours } from './elsewhere';
import { nightWorkerLimits } from './night-worker';
import type { ConventionProfile } from './profiles';
import { weeklyRest, workingDays } from './weekly-rest';
import { workBlocks, workingPeriods } from './working-periods';

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

/** Every kind of planning conflict (docs/decisions/labour-rules.md gives each rule, its source and reading). */
export const CONFLICT_KINDS = [
  'OVERLAP',
  'DAILY_MAX',
  'WEEKLY_MAX',
  'WEEKLY_AVERAGE',
  'REST',
  'REDUCED_REST',
  'AMPLITUDE',
  'WEEKLY_REST',
  'WORKING_DAYS',
  'NIGHT_DAILY_MAX',
  'NIGHT_WEEKLY_AVERAGE',
  'UNAVAILABLE',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Kinds whose `period` is the Monday of a civil week (the others: a local date, or none). */
export const WEEKLY_CONFLICT_KINDS: readonly ConflictKind[] = ['WEEKLY_MAX', 'WEEKLY_AVERAGE', 'WEEKLY_REST', 'WORKING_DAYS', 'NIGHT_WEEKLY_AVERAGE'];

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
  /** Measured value and limit, in days (WORKING_DAYS). */
  days?: number;
  limitDays?: number;
  /** The instants measured (UTC ms): the rest (REST, REDUCED_REST, WEEKLY_REST) or the working period (AMPLITUDE, NIGHT_DAILY_MAX). */
  from?: number;
  to?: number;
  /** A REST or AMPLITUDE a reduced rest would have covered, but for this cap (2 per civil week, 3 per 7 days). */
  cap?: 'WEEK' | 'SEVEN_DAYS';
  /**
   * WEEKLY_MAX, WEEKLY_AVERAGE: hours the person works for another organisation in that week (WEEKLY_MAX) or on
   * average over the weeks measured (WEEKLY_AVERAGE), included in `hours` (L8261-1; elsewhere.ts). Absent when none.
   */
  elsewhereHours?: number;
}

export interface DetectInput {
  shifts: readonly Shift[];
  unavailabilities?: readonly Unavailability[];
  profile: ConventionProfile;
  tz: string;
  /** Hours the persons work for other organisations, per civil week (counted in the weekly maximum and average). */
  elsewhere?: readonly ElsewhereHours[];
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
    for (const part of splitByLocalDayMemo(s.start, s.end, tz)) {
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

/**
 * Work per calendar week (Monday to Sunday, local) above the weekly maximum, and the rolling average above its
 * limit. `elsewhere` (Monday -> hours) is the person's work for other organisations: it counts in both (L8261-1),
 * in the weeks of this organisation's shifts, and the conflicts say how much of it there is (elsewhereHours).
 */
export function weekly(shifts: readonly Shift[], profile: ConventionProfile, tz: string, elsewhere?: ReadonlyMap<string, number>): PlanningConflict[] {
  const weeks = new Map<string, { ms: number; shifts: Shift[] }>();
  for (const s of shifts) {
    for (const part of splitByLocalDayMemo(s.start, s.end, tz)) {
      const monday = mondayOfDate(part.date);
      const w = weeks.get(monday) ?? { ms: 0, shifts: [] };
      w.ms += part.ms;
      if (!w.shifts.includes(s)) w.shifts.push(s);
      weeks.set(monday, w);
    }
  }
  const out: PlanningConflict[] = [];
  const userId = shifts[0]?.userId ?? '';
  const mondays = [...weeks.keys()].sort();
  const away = (monday: string) => elsewhere?.get(monday) ?? 0;
  const withAway = (hours: number) => (hours > 0 ? { elsewhereHours: round2(hours) } : {});
  for (const monday of mondays) {
    const w = weeks.get(monday)!;
    const hours = w.ms / HOUR + away(monday);
    if (hours > profile.weeklyMaxHours + 1e-9) {
      out.push({ kind: 'WEEKLY_MAX', severity: 'error', userId, assignmentIds: w.shifts.map((s) => s.assignmentId), missionIds: w.shifts.map((s) => s.missionId), period: monday, hours: round2(hours), limitHours: profile.weeklyMaxHours, ...withAway(away(monday)) });
    }
  }
  // Rolling average: every window of `averageWeeks` consecutive weeks ending on a worked week (idle weeks count as 0).
  for (const monday of mondays) {
    let total = 0;
    let awayTotal = 0;
    for (let i = 0; i < profile.averageWeeks; i++) {
      const week = addDaysMemo(monday, -7 * i);
      total += weeks.get(week)?.ms ?? 0;
      awayTotal += away(week);
    }
    const avg = (total / HOUR + awayTotal) / profile.averageWeeks;
    if (avg > profile.weeklyAverageMaxHours + 1e-9) {
      const w = weeks.get(monday)!;
      out.push({ kind: 'WEEKLY_AVERAGE', severity: 'warning', userId, assignmentIds: w.shifts.map((s) => s.assignmentId), missionIds: w.shifts.map((s) => s.missionId), period: monday, hours: round2(avg), limitHours: profile.weeklyAverageMaxHours, ...withAway(awayTotal / profile.averageWeeks) });
    }
  }
  return out;
}

/**
 * Daily rest and amplitude of one person's shifts (L3131-1; IDCC 2717 art. 5.1.2 where the profile allows a
 * reduced rest), on the real instants of the shifts whatever the calendar dates: the shifts make working periods
 * (workingPeriods: a break inside a period is not a rest; a show then a load-out after midnight is one period),
 * and every 24 hours from the start of a period must hold 11 consecutive hours of rest (dailyRestOfPeriods: REST,
 * REDUCED_REST, AMPLITUDE).
 */
export function rest(shifts: readonly Shift[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  return dailyRestOfPeriods(workingPeriods(shifts, profile), profile, tz);
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

/**
 * Every planning conflict of every person: overlaps, daily and weekly maxima, then the rules the profile switches
 * on (rules: daily rest and amplitude, weekly rest, working days per week, night worker limits), unavailability.
 */
export function detectConflicts(input: DetectInput): PlanningConflict[] {
  const out: PlanningConflict[] = [];
  const { profile, tz } = input;
  const on = profile.rules;
  const unav = byUser(input.unavailabilities ?? []);
  const away = new Map<string, Map<string, number>>();
  for (const e of input.elsewhere ?? []) {
    if (!(e.hours > 0)) continue;
    const weeks = away.get(e.userId) ?? new Map<string, number>();
    weeks.set(e.monday, (weeks.get(e.monday) ?? 0) + e.hours);
    away.set(e.userId, weeks);
  }
  for (const [userId, shifts] of byUser(input.shifts)) {
    const valid = shifts.filter((s) => s.end > s.start);
    out.push(...overlaps(valid), ...dailyMax(valid, profile, tz), ...weekly(valid, profile, tz, away.get(userId)));
    if (on.dailyRest || on.workingDays || on.nightWorker) {
      const periods = workingPeriods(valid, profile);
      if (on.dailyRest) out.push(...dailyRestOfPeriods(periods, profile, tz));
      if (on.workingDays) out.push(...workingDays(periods, profile, tz));
      if (on.nightWorker) out.push(...nightWorkerLimits(periods, profile, tz));
    }
    if (on.weeklyRest) out.push(...weeklyRest(workBlocks(valid), profile, tz));
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
