import { monthlyPayroll, type PayrollUser } from '../payroll/monthly';
import { payrollTimesheetsOf, type TimesheetLike } from '../payroll/inputs';
import type { RateProfile } from '../payroll/rates';
import { ATTENDANCE_GRACE_MINUTES } from '../timeclock/attendance';
import type { PunchEvent } from '../timeclock/punch';
import { OVERTIME_WEEKLY_THRESHOLD_MINUTES, countedMinutesOf, lateStartKeys, overtimeByTimesheet } from '../analytics/row-rules';
import type { RoundingScopeRule } from '../timeclock/rounding';
import type { TimeRules } from '../timeclock/types';
import { addDays, localDate, mondayOf } from '../time/zone';
import type { AutoMetric, AutoScope } from './auto-metrics';

/**
 * The values of automatic KPIs for one period and one scope, from plain documents (the server's rows or the local
 * store's). Pure: no clock, no I/O. The rules reused, not re-implemented: payroll amounts (monthlyPayroll with the
 * rate profiles), overlapping time paid once (countOverlapOnce), late starts (attendanceAnomalies and its grace).
 * Readings and hand-computed cases: docs/decisions/kpi-rules.md, "Automatic KPIs".
 */

export interface AutoMission {
  id: string;
  projectId?: string | null;
  venueId?: string | null;
  startAt: string;
  endAt: string;
  status: string;
  needs?: readonly { count: number }[];
}

export interface AutoAssignment {
  missionId: string;
  userId: string;
  status: string;
  role?: string | null;
}

/** A local period, first and last day inclusive (YYYY-MM-DD in the organisation's zone). */
export interface AutoPeriod {
  start: string;
  end: string;
}

export interface AutoMetricInput {
  period: AutoPeriod;
  scope: AutoScope;
  /** The organisation's time rules (timeRulesOf): zone, rounding, night window and premium, payroll rounding scope. */
  rules: TimeRules & RoundingScopeRule;
  /** Missions starting in the period, and the missions of the timesheets given. */
  missions: readonly AutoMission[];
  /** Assignments of those missions. */
  assignments: readonly AutoAssignment[];
  /**
   * Timesheets of the whole civil weeks around the period (from the Monday of its first day to the Sunday of its
   * last), every project: overtime is counted per person and week, overlapping time once per person.
   */
  timesheets: readonly TimesheetLike[];
  /** Punches of the missions starting in the period (other field events are ignored). */
  fieldEvents: readonly PunchEvent[];
  /** People (their contract selects rate profiles) and the organisation's rate profiles, for the payroll metrics. */
  users?: readonly PayrollUser[];
  profiles?: readonly RateProfile[];
  /** A first clock in later than the mission's start by more than this is a late start (default ATTENDANCE_GRACE_MINUTES, 5). */
  lateToleranceMinutes?: number;
  /** Paid minutes of a person's civil week beyond this are overtime (default OVERTIME_WEEKLY_THRESHOLD_MINUTES, 35 h). */
  overtimeAfterMinutes?: number;
  /**
   * The instant of the computation (UTC ms), for HOURS_VARIANCE_PCT of a period under way: only the missions ended by
   * then, and the timesheets of those missions (or, without mission, ended by then), are compared. Unset: all.
   */
  asOf?: number;
}

export { OVERTIME_WEEKLY_THRESHOLD_MINUTES };

const inPeriod = (date: string, p: AutoPeriod): boolean => date >= p.start && date <= p.end;

function missionInScope(m: AutoMission, scope: AutoScope): boolean {
  if (scope.projectId && (m.projectId ?? null) !== scope.projectId) return false;
  if (scope.venueId && (m.venueId ?? null) !== scope.venueId) return false;
  return true;
}

const hasScope = (scope: AutoScope): boolean => !!scope.projectId || !!scope.venueId;

/** Published missions of the scope whose start falls in the period (local date of the start in the zone). */
function plannedMissions(input: AutoMetricInput): AutoMission[] {
  return input.missions.filter((m) => m.status === 'PUBLISHED' && missionInScope(m, input.scope) && inPeriod(localDate(Date.parse(m.startAt), input.rules.zone), input.period));
}

/** Distinct people with an ACCEPTED assignment, per mission. */
function acceptedByMission(assignments: readonly AutoAssignment[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of assignments) {
    if (a.status !== 'ACCEPTED') continue;
    const set = out.get(a.missionId) ?? new Set<string>();
    set.add(a.userId);
    out.set(a.missionId, set);
  }
  return out;
}

/** Coverage in %: sum over missions of min(accepted, needed) / sum of needed; null when nothing is needed. */
export function coverageRate(input: AutoMetricInput): number | null {
  const accepted = acceptedByMission(input.assignments);
  let needed = 0;
  let filled = 0;
  for (const m of plannedMissions(input)) {
    const need = (m.needs ?? []).reduce((s, n) => s + Math.max(0, n.count), 0);
    needed += need;
    filled += Math.min(need, accepted.get(m.id)?.size ?? 0);
  }
  return needed === 0 ? null : (100 * filled) / needed;
}

/** Planned minutes: each mission's real duration (UTC instants, so a DST night is 5 or 7 hours) times its accepted people. */
export function plannedMinutes(input: AutoMetricInput): number {
  const accepted = acceptedByMission(input.assignments);
  let total = 0;
  for (const m of plannedMissions(input)) {
    const ms = Date.parse(m.endAt) - Date.parse(m.startAt);
    if (ms > 0) total += (ms / 60_000) * (accepted.get(m.id)?.size ?? 0);
  }
  return total;
}

/**
 * Actual versus planned in %: 100 x (actual - planned) / planned. With `asOf`, a period under way compares what is
 * done: the missions ended by then, and the timesheets of those missions (without mission: ended by then), so a
 * week on its Wednesday is not read as 60 % behind. Null when nothing (ended) is planned.
 */
export function hoursVariancePct(input: AutoMetricInput): number | null {
  const asOf = input.asOf;
  if (asOf === undefined) {
    const planned = plannedMinutes(input);
    return planned === 0 ? null : (100 * (actualMinutes(input) - planned)) / planned;
  }
  const ended = (m: AutoMission) => Date.parse(m.endAt) <= asOf;
  const missions = input.missions.filter((m) => m.status !== 'PUBLISHED' || ended(m));
  const done = new Set(input.missions.filter(ended).map((m) => m.id));
  const timesheets = input.timesheets.filter((t) => (t.missionId ? done.has(t.missionId) : !!t.endAt && Date.parse(t.endAt) <= asOf));
  const planned = plannedMinutes({ ...input, missions });
  return planned === 0 ? null : (100 * (actualMinutes({ ...input, missions, timesheets }) - planned)) / planned;
}

/** A timesheet's minutes once overlapping time of its person is counted once. */
interface Counted {
  t: TimesheetLike;
  paid: number;
  night: number;
}

/** Every timesheet given, its paid and night minutes after countOverlapOnce (a covered one counts nothing). */
function countedTimesheets(input: AutoMetricInput): Counted[] {
  const once = countedMinutesOf(input.timesheets, input.rules);
  return input.timesheets.map((t) => ({ t, ...once.get(t.id)! }));
}

/** Whether a timesheet counts for the scope: always for the organisation; else through its mission. */
function sheetInScope(input: AutoMetricInput, missions: ReadonlyMap<string, AutoMission>): (t: Pick<TimesheetLike, 'missionId'>) => boolean {
  if (!hasScope(input.scope)) return () => true;
  return (t) => {
    const m = t.missionId ? missions.get(t.missionId) : undefined;
    return !!m && missionInScope(m, input.scope);
  };
}

const missionMap = (input: AutoMetricInput) => new Map(input.missions.map((m) => [m.id, m]));

/** Paid minutes (worked minus breaks, overlapping time once) of the scope's timesheets dated in the period. */
export function actualMinutes(input: AutoMetricInput): number {
  const inScope = sheetInScope(input, missionMap(input));
  return countedTimesheets(input).reduce((s, c) => (inPeriod(c.t.date, input.period) && inScope(c.t) ? s + c.paid : s), 0);
}

/** Night minutes (the organisation's night window, as the timesheets hold them) of the same timesheets. */
export function nightMinutes(input: AutoMetricInput): number {
  const inScope = sheetInScope(input, missionMap(input));
  return countedTimesheets(input).reduce((s, c) => (inPeriod(c.t.date, input.period) && inScope(c.t) ? s + c.night : s), 0);
}

/**
 * Overtime minutes: per person and civil week (Monday to Sunday of the timesheets' dates, every project), the paid
 * minutes beyond the threshold; they are the week's last minutes, so they belong to the timesheets that cross it
 * (in order of date, start, id; overtimeByTimesheet). The period and scope then take the overtime of their timesheets.
 */
export function overtimeMinutes(input: AutoMetricInput): number {
  const limit = input.overtimeAfterMinutes ?? OVERTIME_WEEKLY_THRESHOLD_MINUTES;
  const inScope = sheetInScope(input, missionMap(input));
  const counted = countedMinutesOf(input.timesheets, input.rules);
  const over = overtimeByTimesheet(input.timesheets, counted, limit);
  let total = 0;
  for (const t of input.timesheets) {
    const o = over.get(t.id) ?? 0;
    if (o > 0 && inPeriod(t.date, input.period) && inScope(t)) total += o;
  }
  return total;
}

/**
 * Late starts: per published mission of the scope starting in the period and per person who clocked in on it,
 * the first IN (by instant) later than the mission's start by more than the tolerance (attendanceAnomalies).
 */
export function lateStarts(input: AutoMetricInput): number {
  const missions = new Map(plannedMissions(input).map((m) => [m.id, m]));
  return lateStartKeys(missions, input.fieldEvents, input.lateToleranceMinutes ?? ATTENDANCE_GRACE_MINUTES).size;
}

/** The months (YYYY-MM) a period touches. */
function monthsOf(p: AutoPeriod): string[] {
  const out: string[] = [];
  let cursor = `${p.start.slice(0, 7)}-01`;
  while (cursor <= p.end) {
    out.push(cursor.slice(0, 7));
    cursor = `${addDays(cursor, 32).slice(0, 7)}-01`;
  }
  return out;
}

/** A grouping key no project id can be: monthlyPayroll's per-project totals then give the scope's amount. */
const IN_SCOPE = '#scope';

/**
 * Payroll mass in euro cents: monthlyPayroll (rates, cachets, flat amounts, night premium, rounding, overlaps paid
 * once) over the timesheets of every status dated in the period, month by month, the scope's share read from its
 * per-project totals. Timesheets of the month outside the period are left out; those of other months stay as the
 * overlap context monthlyPayroll reads them as.
 */
export function payrollMassCents(input: AutoMetricInput): number {
  const inScope = sheetInScope(input, missionMap(input));
  const sheets = payrollTimesheetsOf(input.timesheets, input.missions, input.assignments).map((t) => ({ ...t, projectId: inScope(t) ? IN_SCOPE : null }));
  const statuses = [...new Set(sheets.map((t) => t.status))];
  let cents = 0;
  for (const month of monthsOf(input.period)) {
    const prefix = `${month}-`;
    const result = monthlyPayroll({
      month,
      zone: input.rules.zone,
      rules: input.rules,
      timesheets: sheets.filter((t) => inPeriod(t.date, input.period) || !t.date.startsWith(prefix)),
      users: input.users ?? [],
      profiles: input.profiles ?? [],
      statuses,
    });
    cents += result.projects.find((p) => p.projectId === IN_SCOPE)?.grossCents ?? 0;
  }
  return cents;
}

/**
 * The value of an automatic metric for the period and scope, in its unit (AUTO_METRIC_UNITS), not rounded (the
 * KPI's decimals apply when it is stored), or null when it has no meaning (nothing needed, nothing planned, no hours).
 */
export function computeAutoMetric(metric: AutoMetric, input: AutoMetricInput): number | null {
  switch (metric) {
    case 'COVERAGE_RATE':
      return coverageRate(input);
    case 'PLANNED_HOURS':
      return plannedMinutes(input) / 60;
    case 'ACTUAL_HOURS':
      return actualMinutes(input) / 60;
    case 'HOURS_VARIANCE_PCT':
      return hoursVariancePct(input);
    case 'OVERTIME_HOURS':
      return overtimeMinutes(input) / 60;
    case 'NIGHT_HOURS':
      return nightMinutes(input) / 60;
    case 'LATE_STARTS':
      return lateStarts(input);
    case 'PAYROLL_MASS':
      return payrollMassCents(input) / 100;
    case 'AVERAGE_HOURLY_COST': {
      const minutes = actualMinutes(input);
      return minutes === 0 ? null : payrollMassCents(input) / 100 / (minutes / 60);
    }
  }
}

/** The first and last day of the civil weeks around a period: the timesheets the metrics need (see AutoMetricInput). */
export function timesheetWindowOf(period: AutoPeriod): AutoPeriod {
  return { start: mondayOf(period.start), end: addDays(mondayOf(period.end), 6) };
}
