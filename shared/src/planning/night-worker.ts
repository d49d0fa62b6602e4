import { HOUR } from '../time/zone';
import { addDaysMemo as addDays, mondayOfDate as mondayOf } from './date-memo';
import { nightMsOfFlat } from '../timeclock/night';
import { zoneDays } from '../timeclock/zone-days';
import type { PlanningConflict, Shift } from './conflicts';
import type { ConventionProfile } from './profiles';
import { shiftsOf, type WorkingPeriod } from './working-periods';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Work of the periods per civil week (Monday, local), split at local midnights (real instants). */
function workPerWeek(periods: readonly WorkingPeriod[], tz: string): Map<string, number> {
  const days = zoneDays(tz);
  const out = new Map<string, number>();
  for (const p of periods) {
    for (const b of p.blocks) {
      let cursor = b.start;
      while (cursor < b.end) {
        const date = days.dateOf(cursor);
        const next = Math.min(b.end, days.at(days.next(date), 0));
        const monday = mondayOf(date);
        out.set(monday, (out.get(monday) ?? 0) + (next - cursor));
        cursor = next;
      }
    }
  }
  return out;
}

/**
 * Night worker limits, where the profile has them (`nightWorker`). Status (L3122-5, 1st case): a person is a night
 * worker in a civil week when, on at least `minNightDaysPerWeek` (2) dates of that week, a working period
 * starting that date holds at least `minNightHours` (3) of work inside the night period (the organisation's
 * night window: 21:00-06:00 by default, L3122-2; 00:00-07:00 in live performance, L3122-3). The planning stands
 * for the habitual schedule. In such a week:
 * - L3122-6: a working period with night work holds at most `dailyMaxHours` (8) of work: NIGHT_DAILY_MAX, error;
 * - L3122-7: the average weekly work over the `averageWeeks` (12) weeks ending with it is at most
 *   `weeklyAverageMaxHours` (40): NIGHT_WEEKLY_AVERAGE, a warning like WEEKLY_AVERAGE (idle weeks count 0).
 */
export function nightWorkerLimits(periods: readonly WorkingPeriod[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  const nw = profile.nightWorker;
  if (!nw || periods.length === 0) return [];
  const days = zoneDays(tz);
  const minNight = nw.minNightHours * HOUR;
  // A period with less than 3 h of work can neither make the status nor exceed 8 h: left out.
  const info = periods.filter((p) => p.workMs >= minNight).map((p) => {
    const flat: number[] = [];
    for (const b of p.blocks) flat.push(b.start, b.end);
    const date = days.dateOf(p.start);
    return { p, nightMs: nightMsOfFlat(flat, nw.nightStart, nw.nightEnd, tz), date, monday: mondayOf(date) };
  });
  const nightDates = new Map<string, Set<string>>();
  for (const x of info) {
    if (x.nightMs < minNight) continue;
    const set = nightDates.get(x.monday) ?? new Set<string>();
    set.add(x.date);
    nightDates.set(x.monday, set);
  }
  const nightWeeks = new Set([...nightDates].filter(([, dates]) => dates.size >= nw.minNightDaysPerWeek).map(([monday]) => monday));
  if (nightWeeks.size === 0) return [];

  const out: PlanningConflict[] = [];
  const userId = periods[0]!.blocks[0]!.shifts[0]!.userId;
  const weekShifts = new Map<string, Shift[]>();
  for (const x of info) {
    if (!nightWeeks.has(x.monday)) continue;
    const shifts = shiftsOf(x.p);
    const list = weekShifts.get(x.monday);
    if (list) list.push(...shifts);
    else weekShifts.set(x.monday, [...shifts]);
    if (x.nightMs > 0 && x.p.workMs > nw.dailyMaxHours * HOUR + 1e-6) {
      out.push({
        kind: 'NIGHT_DAILY_MAX', severity: 'error', userId,
        assignmentIds: shifts.map((s) => s.assignmentId), missionIds: shifts.map((s) => s.missionId),
        period: x.date, hours: round2(x.p.workMs / HOUR), limitHours: nw.dailyMaxHours, from: x.p.start, to: x.p.end,
      });
    }
  }
  const perWeek = workPerWeek(periods, tz);
  for (const monday of [...nightWeeks].sort()) {
    let total = 0;
    for (let i = 0; i < nw.averageWeeks; i++) total += perWeek.get(addDays(monday, -7 * i)) ?? 0;
    const avg = total / HOUR / nw.averageWeeks;
    if (avg > nw.weeklyAverageMaxHours + 1e-9) {
      const shifts = weekShifts.get(monday) ?? [];
      out.push({
        kind: 'NIGHT_WEEKLY_AVERAGE', severity: 'warning', userId,
        assignmentIds: shifts.map((s) => s.assignmentId), missionIds: shifts.map((s) => s.missionId),
        period: monday, hours: round2(avg), limitHours: nw.weeklyAverageMaxHours,
      });
    }
  }
  return out;
}
