import { attendanceAnomalies } from './attendance';
import { timesheetIdFor } from './timesheet-id';
import type { Punch, TimeRules, WorkedTime } from './types';
import { workedFromSorted, type TimedPunch } from './worked-time';
import { zoneDays } from './zone-days';

/** What the rules need of a mission (its planned times, and what the payroll groups by). */
export interface MissionRef {
  id: string;
  startAt: string;
  endAt: string;
  projectId?: string | null;
  type?: string | null;
}

/** A timesheet computed from punches, before anyone confirmed or validated it. */
export interface TimesheetDraft {
  /** timesheetKeyOf: "<userId>|M|<missionId>" or "<userId>|D|<YYYY-MM-DD>". */
  key: string;
  userId: string;
  missionId: string | null;
  /** Local date (YYYY-MM-DD, organisation zone) of the mission's start, else of the first IN, else of the first punch. */
  date: string;
  /** From the mission when it is known. */
  projectId: string | null;
  type: string | null;
  /** Every punch of the timesheet, ignored repeats included, in the order the rules read them. */
  punchIds: string[];
  worked: WorkedTime;
  /** Mission end - start in whole minutes; null without a known mission. */
  plannedMinutes: number | null;
  /** roundedMinutes - plannedMinutes; null without a known mission. */
  deltaMinutes: number | null;
}

/** Actual (rounded) minus planned minutes: positive when the person worked longer; null without a plan. */
export function plannedDelta(roundedMinutes: number, plannedMinutes: number | null): number | null {
  return plannedMinutes === null ? null : roundedMinutes - plannedMinutes;
}

export interface BuildInput {
  punches: readonly Punch[];
  missions: readonly MissionRef[];
  rules: TimeRules;
}

/**
 * The timesheet a punch belongs to. With a mission: the person on that mission, whatever the day. Without: the
 * person on the local date of the punch in the zone, or on `day` when the caller knows better (buildTimesheets
 * passes the date of the open IN, so an OUT after midnight stays on the day its shift started).
 */
export function timesheetKeyOf(punch: Pick<Punch, 'userId' | 'missionId' | 'at'>, zone: string, day?: string): string {
  if (punch.missionId) return `${punch.userId}|M|${punch.missionId}`;
  return `${punch.userId}|D|${day ?? zoneDays(zone).dateOf(Date.parse(punch.at))}`;
}

/** The deterministic id of a draft's timesheet in an organisation (timesheetIdFor on its mission or date). */
export function timesheetIdOfDraft(orgId: string, draft: Pick<TimesheetDraft, 'userId' | 'missionId' | 'date'>): string {
  return timesheetIdFor(orgId, draft.userId, draft.missionId ?? draft.date);
}

interface Group {
  userId: string;
  missionId: string | null;
  day: string | null;
  entries: TimedPunch[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups punches into timesheets and runs the time rules on each. Punches are read per person by instant then
 * id. Mission punches group by (person, mission). The others group by (person, local date of the IN): an OUT
 * or a break after midnight joins the open IN's day; a punch with no open IN goes to its own local date; a
 * repeated tap (flagged REPEAT, or same type as the person's previous kept punch within repeatTapSeconds)
 * joins the timesheet of the tap it repeats. Drafts come out sorted by person, date and key.
 * Fast: each punch's instant is parsed once and local dates come from a per-UTC-day memo (zone-days.ts), so
 * Intl is asked a few times per day of data, not per punch.
 */
export function buildTimesheets(input: BuildInput): TimesheetDraft[] {
  const { rules } = input;
  const days = zoneDays(rules.zone);
  const repeatMs = Math.max(0, rules.repeatTapSeconds) * 1000;

  const byUser = new Map<string, TimedPunch[]>();
  for (const punch of input.punches) {
    const ms = Date.parse(punch.at);
    if (Number.isNaN(ms)) continue;
    const list = byUser.get(punch.userId);
    if (list) list.push({ punch, ms });
    else byUser.set(punch.userId, [{ punch, ms }]);
  }

  const missions = new Map<string, MissionRef>();
  for (const m of input.missions) missions.set(m.id, m);

  const groups: Group[] = [];
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.ms - b.ms || compare(a.punch.id, b.punch.id));
    // Per person, groups by mission id and by day (the strings are shared, no key is built per punch).
    const byMission = new Map<string, Group>();
    const byDay = new Map<string, Group>();
    let open: string | null = null;
    // The person's previous kept punch without mission (its type, instant and day); lastDay null: none yet.
    let lastType = '';
    let lastMs = 0;
    let lastDay: string | null = null;
    for (const entry of list) {
      const { punch, ms } = entry;
      if (punch.missionId) {
        const g = byMission.get(punch.missionId);
        if (g) g.entries.push(entry);
        else byMission.set(punch.missionId, { userId, missionId: punch.missionId, day: null, entries: [entry] });
        continue;
      }
      const repeat = punch.flags?.includes('REPEAT') || (lastDay !== null && lastType === punch.punchType && ms - lastMs <= repeatMs);
      let day: string;
      if (repeat) day = lastDay ?? open ?? days.dateOf(ms);
      else if (punch.punchType === 'IN') day = open = days.dateOf(ms);
      else {
        day = open ?? days.dateOf(ms);
        if (punch.punchType === 'OUT') open = null;
      }
      if (!repeat) {
        lastType = punch.punchType;
        lastMs = ms;
        lastDay = day;
      }
      const g = byDay.get(day);
      if (g) g.entries.push(entry);
      else byDay.set(day, { userId, missionId: null, day, entries: [entry] });
    }
    groups.push(...byMission.values(), ...byDay.values());
  }

  const out: TimesheetDraft[] = [];
  for (const g of groups) {
    const computed = workedFromSorted(g.entries, rules);
    const mission = g.missionId ? missions.get(g.missionId) : undefined;
    const missionStart = mission ? Date.parse(mission.startAt) : NaN;
    const missionEnd = mission ? Date.parse(mission.endAt) : NaN;
    const attendance = attendanceAnomalies(computed, mission ? { start: missionStart, end: missionEnd } : null);
    const worked = attendance.length > 0 ? { ...computed, anomalies: [...computed.anomalies, ...attendance] } : computed;
    const planned = Number.isNaN(missionStart) || Number.isNaN(missionEnd) ? null : Math.floor((missionEnd - missionStart) / 60_000);
    let date = g.day;
    if (date === null) {
      const firstIn = g.entries.find((e) => e.punch.punchType === 'IN') ?? g.entries[0]!;
      date = days.dateOf(Number.isNaN(missionStart) ? firstIn.ms : missionStart);
    }
    out.push({
      key: g.missionId ? `${g.userId}|M|${g.missionId}` : `${g.userId}|D|${g.day}`,
      userId: g.userId,
      missionId: g.missionId,
      date,
      projectId: mission?.projectId ?? null,
      type: mission?.type ?? null,
      punchIds: g.entries.map((e) => e.punch.id),
      worked,
      plannedMinutes: planned,
      deltaMinutes: plannedDelta(worked.roundedMinutes, planned),
    });
  }
  return out.sort((a, b) => compare(a.userId, b.userId) || compare(a.date, b.date) || compare(a.key, b.key));
}
