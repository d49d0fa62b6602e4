import type { TimesheetLike } from '../payroll/inputs';
import { countOverlapOnce } from '../payroll/overlaps';
import { ATTENDANCE_GRACE_MINUTES, attendanceAnomalies } from '../timeclock/attendance';
import { punchOf, type PunchEvent } from '../timeclock/punch';
import type { TimeRules } from '../timeclock/types';
import { mondayOf } from '../time/zone';

/**
 * Per-timesheet and per-person-mission pieces of the hour rules, shared by the automatic KPIs
 * (kpi/auto-metrics-compute.ts, which sums them over a period) and the analytics warehouse (warehouse.ts, which
 * keeps them per row): paid and night minutes with overlapping time counted once, weekly overtime, late starts.
 */

/** A timesheet's paid and night minutes once overlapping time of its person is counted once. */
export interface CountedMinutes {
  paid: number;
  night: number;
}

const whole = (n: number | null | undefined): number => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** Every timesheet given, its paid and night minutes after countOverlapOnce (a covered one counts nothing). */
export function countedMinutesOf(timesheets: readonly TimesheetLike[], rules: Pick<TimeRules, 'zone' | 'nightStart' | 'nightEnd' | 'roundingMinutes' | 'roundingMode'>): Map<string, CountedMinutes> {
  const sheets = timesheets.map((t) => ({ ...t, paidMinutes: whole(t.paidMinutes), roundedMinutes: whole(t.roundedMinutes), nightMinutes: whole(t.nightMinutes) }));
  const once = countOverlapOnce(sheets, rules);
  const out = new Map<string, CountedMinutes>();
  for (const t of sheets) {
    const o = once.get(t.id);
    out.set(t.id, { paid: o ? o.paidMinutes : t.paidMinutes, night: o ? Math.min(o.nightMinutes, o.paidMinutes) : Math.min(t.nightMinutes, t.paidMinutes) });
  }
  return out;
}

/** Code du travail L3121-27: the legal working week is 35 hours; time beyond it is overtime. */
export const OVERTIME_WEEKLY_THRESHOLD_MINUTES = 35 * 60;

type Dated = Pick<TimesheetLike, 'id' | 'userId' | 'date' | 'startAt'>;
const byTime = (a: Dated, b: Dated): number => {
  const ka = `${a.date}|${a.startAt ?? ''}|${a.id}`;
  const kb = `${b.date}|${b.startAt ?? ''}|${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/**
 * Overtime minutes of each timesheet: per person and civil week (Monday to Sunday of the timesheets' dates, every
 * project), the paid minutes beyond the threshold; they are the week's last minutes, so they belong to the
 * timesheets that cross it (in order of date, start, id). Timesheets with none are absent.
 */
export function overtimeByTimesheet(timesheets: readonly Dated[], counted: ReadonlyMap<string, CountedMinutes>, limit: number = OVERTIME_WEEKLY_THRESHOLD_MINUTES): Map<string, number> {
  const weeks = new Map<string, Dated[]>();
  for (const t of timesheets) {
    const key = `${t.userId}|${mondayOf(t.date)}`;
    const list = weeks.get(key);
    if (list) list.push(t);
    else weeks.set(key, [t]);
  }
  const out = new Map<string, number>();
  for (const list of weeks.values()) {
    list.sort(byTime);
    let cumulated = 0;
    for (const t of list) {
      const paid = counted.get(t.id)?.paid ?? 0;
      const over = Math.max(0, Math.min(paid, cumulated + paid - limit));
      cumulated += paid;
      if (over > 0) out.set(t.id, over);
    }
  }
  return out;
}

/** The key of a person on a mission. */
export const personMissionKey = (userId: string, missionId: string): string => `${userId}|${missionId}`;

/**
 * Late starts: per mission given and per person who clocked in on it, whether the first IN (by instant) is later
 * than the mission's start by more than the tolerance (attendanceAnomalies). Answers the keys (personMissionKey) of
 * the late ones.
 */
export function lateStartKeys(missions: ReadonlyMap<string, { startAt: string; endAt: string }>, fieldEvents: readonly PunchEvent[], tolerance: number = ATTENDANCE_GRACE_MINUTES): Set<string> {
  const firstIn = new Map<string, { missionId: string; at: number }>();
  for (const e of fieldEvents) {
    const p = punchOf(e);
    if (!p || p.punchType !== 'IN' || !p.missionId || !missions.has(p.missionId)) continue;
    const at = Date.parse(p.at);
    if (Number.isNaN(at)) continue;
    const key = personMissionKey(p.userId, p.missionId);
    const known = firstIn.get(key);
    if (!known || at < known.at) firstIn.set(key, { missionId: p.missionId, at });
  }
  const late = new Set<string>();
  for (const [key, { missionId, at }] of firstIn) {
    const m = missions.get(missionId)!;
    const anomalies = attendanceAnomalies({ startAt: new Date(at).toISOString(), endAt: null }, { start: Date.parse(m.startAt), end: Date.parse(m.endAt) }, tolerance);
    if (anomalies.includes('LATE_START')) late.add(key);
  }
  return late;
}
