import { incidentsOf } from '../equipment/incidents';
import { monthlyPayroll, type PayrollUser } from '../payroll/monthly';
import { payrollTimesheetsOf, type TimesheetLike } from '../payroll/inputs';
import type { RateProfile } from '../payroll/rates';
import { ATTENDANCE_GRACE_MINUTES } from '../timeclock/attendance';
import type { PunchEvent } from '../timeclock/punch';
import type { RoundingScopeRule } from '../timeclock/rounding';
import type { TimeRules } from '../timeclock/types';
import { addDays, localDate, mondayOf } from '../time/zone';
import { countedMinutesOf, lateStartKeys, overtimeByTimesheet, personMissionKey } from './row-rules';

/**
 * The analytics warehouse rows of one organisation and month (YYYY-MM in its zone), from plain documents. Pure: the
 * server's refresh (sync-server/src/analytics/refresh.ts) reads the documents, calls this, stores the rows and
 * turns them into slices (slice-build.ts). Readings (docs/data-model.md "Analytics warehouse and slices"):
 * - hours: one row per person and mission starting in the month (an ACCEPTED assignment on a PUBLISHED mission:
 *   planned = the mission's real duration; or timesheets on the mission, whatever its status), and one row per
 *   timesheet without mission (or whose mission is gone) dated in the month. actual, night: the person's timesheets
 *   on the mission, overlapping time counted once; overtime: the weekly overtime those timesheets carry; late: the
 *   first clock in later than the start by more than the tolerance (published missions).
 * - missions: one row per mission starting in the month and role need; role null gathers the assignments of no
 *   listed role (and stands for a mission without needs). CANCELLED assignments count nowhere.
 * - incidents: one row per INCIDENT report made in the month, open until a close event names it; its venue is the
 *   report's, else its mission's, else where its equipment item is kept.
 * - pay: per person, the month's gross (monthlyPayroll, every timesheet status, as the automatic KPIs read it) and
 *   the paid minutes of their hours rows; each hours row's cost is the person's gross spread over their rows in
 *   proportion to paid minutes (largest remainder, so the rows add up to the gross exactly; by row count when the
 *   person has no paid minutes).
 */

export interface WhMission {
  id: string;
  projectId?: string | null;
  venueId?: string | null;
  teamId?: string | null;
  startAt: string;
  endAt: string;
  type: string;
  status: string;
  needs?: readonly { role: string; count: number }[];
}

export interface WhAssignment {
  missionId: string;
  userId: string;
  status: string;
  role?: string | null;
}

export interface WhFieldEvent extends PunchEvent {
  payload: Record<string, unknown>;
}

export interface WarehouseInput {
  month: string;
  rules: TimeRules & RoundingScopeRule;
  /** Missions starting in the month (any status), and the missions the timesheets and incidents name. */
  missions: readonly WhMission[];
  /** Assignments of the missions starting in the month. */
  assignments: readonly WhAssignment[];
  /** Timesheets of the civil weeks around the month (a day more each side) and those of the month's missions. */
  timesheets: readonly TimesheetLike[];
  /** IN punches of the month's missions. */
  punches: readonly PunchEvent[];
  /** INCIDENT events: reports made in the month and the closes naming them. */
  incidents: readonly WhFieldEvent[];
  /** Equipment items the reports name (where each is kept: the venue of a report that names none and no mission's). */
  items?: readonly { id: string; venueId?: string | null }[];
  users: readonly PayrollUser[];
  profiles: readonly RateProfile[];
  lateToleranceMinutes?: number;
}

export interface HoursRow {
  key: string;
  userId: string;
  missionId: string | null;
  projectId: string | null;
  venueId: string | null;
  role: string | null;
  day: number;
  /** UTC epoch minutes, -1 unknown. */
  start: number;
  end: number;
  planned: number;
  actual: number;
  overtime: number;
  night: number;
  late: number;
  costCents: number;
}

export interface MissionRow {
  missionId: string;
  projectId: string | null;
  venueId: string | null;
  teamId: string | null;
  role: string | null;
  type: string;
  status: string;
  day: number;
  start: number;
  end: number;
  needed: number;
  accepted: number;
  invited: number;
  declined: number;
}

export interface IncidentRow {
  incidentId: string;
  day: number;
  at: number;
  venueId: string | null;
  projectId: string | null;
  missionId: string | null;
  itemId: string | null;
  category: string;
  severity: string;
  open: number;
}

export interface PayRecord {
  userId: string;
  grossCents: number;
  paidMinutes: number;
}

export interface WarehouseMonth {
  month: string;
  hours: HoursRow[];
  missions: MissionRow[];
  incidents: IncidentRow[];
  pay: PayRecord[];
}

const epochMinutes = (iso: string | null | undefined): number => {
  if (!iso) return -1;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? -1 : Math.floor(ms / 60_000);
};
const dayOf = (date: string): number => Number(date.slice(8, 10));
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The local month (YYYY-MM) of an instant. */
export const monthOfInstant = (iso: string, zone: string): string => localDate(Date.parse(iso), zone).slice(0, 7);

/** The first and last local dates whose timesheets the month's rows read (its civil weeks and a day each side). */
export function timesheetWindowOfMonth(month: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = addDays(`${addDays(first, 32).slice(0, 7)}-01`, -1);
  return { from: addDays(mondayOf(first), -1), to: addDays(addDays(mondayOf(last), 6), 1) };
}

/** The months (YYYY-MM) of the civil week of a local date: the months a timesheet's overtime can change. */
export function monthsOfWeek(date: string): string[] {
  const monday = mondayOf(date);
  return [...new Set([monday.slice(0, 7), addDays(monday, 6).slice(0, 7)])];
}

/** Spreads `total` over weights (largest remainder, ties to the earlier index); equal shares when no weight. */
export function spread(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const s = sum > 0 ? sum : weights.length;
  const shares = w.map((x) => Math.floor((total * x) / s));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = w.map((x, i) => ({ i, r: (total * x) % s })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) shares[order[k]!.i]! += 1;
  return shares;
}

export function computeWarehouseMonth(input: WarehouseInput): WarehouseMonth {
  const { month, rules } = input;
  const zone = rules.zone;
  const missionById = new Map(input.missions.map((m) => [m.id, m]));
  const monthMissions = input.missions.filter((m) => monthOfInstant(m.startAt, zone) === month);
  const inMonth = new Set(monthMissions.map((m) => m.id));

  // Hours.
  const counted = countedMinutesOf(input.timesheets, rules);
  const overtime = overtimeByTimesheet(input.timesheets, counted);
  const published = new Map(monthMissions.filter((m) => m.status === 'PUBLISHED').map((m) => [m.id, m]));
  const late = lateStartKeys(published, input.punches, input.lateToleranceMinutes ?? ATTENDANCE_GRACE_MINUTES);
  const roleOf = new Map<string, string>();
  const acceptedKeys = new Set<string>();
  for (const a of input.assignments) {
    if (!inMonth.has(a.missionId) || a.status === 'CANCELLED') continue;
    const key = personMissionKey(a.userId, a.missionId);
    if (a.role && (a.status === 'ACCEPTED' || !roleOf.has(key))) roleOf.set(key, a.role);
    if (a.status === 'ACCEPTED') acceptedKeys.add(key);
  }
  const rows = new Map<string, HoursRow>();
  const missionRow = (userId: string, m: WhMission): HoursRow => {
    const key = personMissionKey(userId, m.id);
    let row = rows.get(key);
    if (!row) {
      const start = Date.parse(m.startAt);
      const planned = m.status === 'PUBLISHED' && acceptedKeys.has(key) ? Math.max(0, Math.round((Date.parse(m.endAt) - start) / 60_000)) : 0;
      row = {
        key, userId, missionId: m.id, projectId: m.projectId ?? null, venueId: m.venueId ?? null, role: roleOf.get(key) ?? null,
        day: dayOf(localDate(start, zone)), start: epochMinutes(m.startAt), end: epochMinutes(m.endAt),
        planned, actual: 0, overtime: 0, night: 0, late: late.has(key) ? 1 : 0, costCents: 0,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const key of acceptedKeys) {
    const [userId, missionId] = key.split('|') as [string, string];
    const m = published.get(missionId);
    if (m) missionRow(userId, m);
  }
  for (const t of input.timesheets) {
    const m = t.missionId ? missionById.get(t.missionId) : undefined;
    let row: HoursRow;
    if (m) {
      if (!inMonth.has(m.id)) continue;
      row = missionRow(t.userId, m);
    } else {
      if (!t.date.startsWith(`${month}-`)) continue;
      row = {
        key: `t|${t.id}`, userId: t.userId, missionId: null, projectId: null, venueId: null, role: null, day: dayOf(t.date),
        start: epochMinutes(t.startAt), end: epochMinutes(t.endAt), planned: 0, actual: 0, overtime: 0, night: 0, late: 0, costCents: 0,
      };
      rows.set(row.key, row);
    }
    const c = counted.get(t.id)!;
    row.actual += c.paid;
    row.night += c.night;
    row.overtime += overtime.get(t.id) ?? 0;
  }
  const hours = [...rows.values()].sort((a, b) => a.start - b.start || cmp(a.key, b.key));

  // Pay: the month's gross per person, spread over their rows.
  const prefix = `${month}-`;
  const sheets = payrollTimesheetsOf(input.timesheets, input.missions, input.assignments);
  const payroll = monthlyPayroll({
    month,
    zone,
    rules,
    timesheets: sheets,
    users: input.users,
    profiles: input.profiles,
    statuses: [...new Set(sheets.filter((t) => t.date.startsWith(prefix)).map((t) => t.status))],
  });
  const byUser = new Map<string, HoursRow[]>();
  for (const r of hours) {
    const list = byUser.get(r.userId);
    if (list) list.push(r);
    else byUser.set(r.userId, [r]);
  }
  const pay: PayRecord[] = [];
  for (const p of payroll.people) {
    const own = byUser.get(p.userId) ?? [];
    const paidMinutes = own.reduce((s, r) => s + r.actual, 0);
    if (p.grossCents === 0 && paidMinutes === 0) continue;
    pay.push({ userId: p.userId, grossCents: p.grossCents, paidMinutes });
    spread(p.grossCents, own.map((r) => r.actual)).forEach((c, i) => (own[i]!.costCents = c));
  }
  pay.sort((a, b) => cmp(a.userId, b.userId));

  // Missions and role needs.
  const missions: MissionRow[] = [];
  const assignmentsOf = new Map<string, WhAssignment[]>();
  for (const a of input.assignments) {
    if (!inMonth.has(a.missionId) || a.status === 'CANCELLED') continue;
    const list = assignmentsOf.get(a.missionId);
    if (list) list.push(a);
    else assignmentsOf.set(a.missionId, [a]);
  }
  for (const m of monthMissions) {
    const needed = new Map<string, number>();
    for (const n of m.needs ?? []) needed.set(n.role, (needed.get(n.role) ?? 0) + Math.max(0, n.count));
    const counts = new Map<string | null, { accepted: Set<string>; invited: Set<string>; declined: Set<string> }>();
    const countsOf = (role: string | null) => {
      let c = counts.get(role);
      if (!c) counts.set(role, (c = { accepted: new Set(), invited: new Set(), declined: new Set() }));
      return c;
    };
    for (const a of assignmentsOf.get(m.id) ?? []) {
      const c = countsOf(a.role && needed.has(a.role) ? a.role : null);
      if (a.status === 'ACCEPTED') c.accepted.add(a.userId);
      else if (a.status === 'INVITED') c.invited.add(a.userId);
      else if (a.status === 'DECLINED') c.declined.add(a.userId);
    }
    const roles: (string | null)[] = [...needed.keys()].sort(cmp);
    if (needed.size === 0 || counts.has(null)) roles.push(null);
    const start = Date.parse(m.startAt);
    for (const role of roles) {
      const c = countsOf(role);
      missions.push({
        missionId: m.id, projectId: m.projectId ?? null, venueId: m.venueId ?? null, teamId: m.teamId ?? null, role, type: m.type, status: m.status,
        day: dayOf(localDate(start, zone)), start: epochMinutes(m.startAt), end: epochMinutes(m.endAt),
        needed: role === null ? 0 : needed.get(role)!, accepted: c.accepted.size, invited: c.invited.size, declined: c.declined.size,
      });
    }
  }
  missions.sort((a, b) => a.start - b.start || cmp(a.missionId, b.missionId) || cmp(a.role ?? '', b.role ?? ''));

  // Equipment incidents reported in the month.
  const itemVenue = new Map((input.items ?? []).map((i) => [i.id, i.venueId ?? null]));
  const incidents: IncidentRow[] = incidentsOf(input.incidents)
    .filter((i) => monthOfInstant(i.at, zone) === month)
    .map((i) => {
      const m = i.missionId ? missionById.get(i.missionId) : undefined;
      return {
        incidentId: i.id, day: dayOf(localDate(Date.parse(i.at), zone)), at: epochMinutes(i.at), venueId: i.venueId ?? m?.venueId ?? (i.equipmentItemId ? (itemVenue.get(i.equipmentItemId) ?? null) : null),
        projectId: m?.projectId ?? null, missionId: i.missionId, itemId: i.equipmentItemId, category: i.category, severity: i.severity, open: i.status === 'OPEN' ? 1 : 0,
      };
    })
    .sort((a, b) => a.at - b.at || cmp(a.incidentId, b.incidentId));

  return { month, hours, missions, incidents, pay };
}
