import { HOUR } from '../time/zone';
import { addDaysMemo as addDays, mondayOfDate as mondayOf } from './date-memo';
import { zoneDays } from '../timeclock/zone-days';
import type { PlanningConflict, Shift } from './conflicts';
import type { ConventionProfile } from './profiles';
import { shiftsOf, type WorkBlock, type WorkingPeriod } from './working-periods';

const round2 = (n: number) => Math.round(n * 100) / 100;

interface Week {
  monday: string;
  start: number;
  end: number;
  shifts: Shift[];
}

/** The civil weeks (Monday 00:00 to Monday 00:00, local, real instants) that hold work of these blocks, in order. */
function workedWeeks(blocks: readonly WorkBlock[], tz: string): Week[] {
  const days = zoneDays(tz);
  const weeks = new Map<string, Week>();
  for (const b of blocks) {
    let monday = mondayOf(days.dateOf(b.start));
    const lastMonday = mondayOf(days.dateOf(b.end - 1));
    for (;;) {
      let w = weeks.get(monday);
      if (!w) {
        w = { monday, start: days.at(monday, 0), end: days.at(addDays(monday, 7), 0), shifts: [] };
        weeks.set(monday, w);
      }
      for (const s of b.shifts) if (s.end > w.start && s.start < w.end && !w.shifts.includes(s)) w.shifts.push(s);
      if (monday >= lastMonday) break;
      monday = addDays(monday, 7);
    }
  }
  return [...weeks.values()].sort((a, b) => (a.monday < b.monday ? -1 : 1));
}

/**
 * Weekly rest (L3132-2: 24 consecutive hours plus the 11 hours of daily rest, `weeklyRestHours` = 35): every
 * civil week (Monday 00:00 to Sunday 24:00, local; L3121-35) holding work must meet a rest between two blocks of
 * work of at least 35 consecutive real hours that starts or ends inside it. A rest across Sunday night counts for
 * both weeks it touches (night workers resting from Sunday 05:00 to Monday 22:00 have their weekly rest); the
 * 6 working days rule (workingDays) bounds the run of days between two weekly rests. Before the person's first
 * and after their last known work, the rest is open. A week without such a rest is a WEEKLY_REST error; `hours`
 * is the longest rest touching the week, `from`/`to` that rest when both ends are known.
 */
export function weeklyRest(blocks: readonly WorkBlock[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  if (blocks.length === 0) return [];
  const needed = profile.weeklyRestHours * HOUR;
  const rests: { start: number; end: number }[] = [{ start: -Infinity, end: blocks[0]!.start }];
  for (let i = 1; i < blocks.length; i++) rests.push({ start: blocks[i - 1]!.end, end: blocks[i]!.start });
  rests.push({ start: blocks[blocks.length - 1]!.end, end: Infinity });
  const out: PlanningConflict[] = [];
  for (const w of workedWeeks(blocks, tz)) {
    let best = 0;
    let bestRest: { start: number; end: number } | null = null;
    for (const r of rests) {
      if (r.end <= w.start || r.start >= w.end) continue;
      const length = r.end - r.start;
      if (length > best) {
        best = length;
        bestRest = r;
      }
    }
    if (best >= needed) continue;
    const shifts = w.shifts.sort((a, b) => a.start - b.start);
    const span = bestRest && Number.isFinite(bestRest.start) && Number.isFinite(bestRest.end) ? { from: bestRest.start, to: bestRest.end } : {};
    out.push({
      kind: 'WEEKLY_REST', severity: 'error', userId: shifts[0]!.userId,
      assignmentIds: shifts.map((s) => s.assignmentId), missionIds: shifts.map((s) => s.missionId),
      period: w.monday, hours: round2(best / HOUR), limitHours: profile.weeklyRestHours, ...span,
    });
  }
  return out;
}

/**
 * At most `maxWorkingDaysPerWeek` (6) working days in a civil week (L3132-1). A working day is a local date on
 * which a working period starts (a show then a load-out after midnight is one day, the day it starts; two
 * periods on one date are one day). Above the limit: a WORKING_DAYS error with `days` and `limitDays`.
 */
export function workingDays(periods: readonly WorkingPeriod[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  const days = zoneDays(tz);
  const weeks = new Map<string, { dates: Set<string>; periods: WorkingPeriod[] }>();
  for (const p of periods) {
    const date = days.dateOf(p.start);
    const monday = mondayOf(date);
    let w = weeks.get(monday);
    if (!w) {
      w = { dates: new Set(), periods: [] };
      weeks.set(monday, w);
    }
    w.dates.add(date);
    w.periods.push(p);
  }
  const out: PlanningConflict[] = [];
  for (const [monday, w] of weeks) {
    if (w.dates.size <= profile.maxWorkingDaysPerWeek) continue;
    const shifts = w.periods.flatMap(shiftsOf);
    out.push({
      kind: 'WORKING_DAYS', severity: 'error', userId: shifts[0]!.userId,
      assignmentIds: shifts.map((s) => s.assignmentId), missionIds: shifts.map((s) => s.missionId),
      period: monday, days: w.dates.size, limitDays: profile.maxWorkingDaysPerWeek,
    });
  }
  return out.sort((a, b) => (a.period! < b.period! ? -1 : 1));
}
