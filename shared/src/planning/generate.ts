import { addDays, localDate, wallClock, zonedTimeToUtc } from '../time/zone';

/** A local wall-clock range, HH:MM to HH:MM; an end not after the start ends the next day. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface RoleNeed {
  role: string;
  count: number;
  skills: string[];
}

/** The fields of a mission the generators produce (the caller adds id and updatedAt). */
export interface MissionDraft {
  projectId: string | null;
  title: string;
  venueId: string | null;
  startAt: string;
  endAt: string;
  type: 'MONTAGE' | 'REPETITION' | 'SPECTACLE' | 'DEMONTAGE' | 'OTHER';
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  needs: RoleNeed[];
  teamId: string | null;
  notes?: string;
}

const parseTime = (hhmm: string): [number, number] => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`bad time ${hhmm}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) throw new Error(`bad time ${hhmm}`);
  return [h, min];
};

/** The UTC instants of a local range on a local date, in a zone (DST aware; overnight ranges end the next day). */
export function rangeOn(date: string, range: TimeRange, tz: string): { startAt: string; endAt: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [fh, fm] = parseTime(range.from);
  const [th, tm] = parseTime(range.to);
  const start = zonedTimeToUtc({ year: y, month: m, day: d, hour: fh, minute: fm }, tz);
  const overnight = th * 60 + tm <= fh * 60 + fm;
  const endDate = overnight ? addDays(date, 1) : date;
  const [ey, em, ed] = endDate.split('-').map(Number) as [number, number, number];
  const end = zonedTimeToUtc({ year: ey, month: em, day: ed, hour: th, minute: tm }, tz);
  return { startAt: new Date(start).toISOString(), endAt: new Date(end).toISOString() };
}

export interface WizardInput {
  projectId: string | null;
  title: string;
  venueId: string | null;
  type: MissionDraft['type'];
  dates: string[];
  ranges: TimeRange[];
  roles: RoleNeed[];
  /** One mission per role (each with its own need), or one mission per slot needing every role. */
  onePerRole: boolean;
  tz: string;
}

/** The batch wizard: days x time ranges (x roles), in the organisation's zone, as drafts. */
export function expandWizard(input: WizardInput): MissionDraft[] {
  const out: MissionDraft[] = [];
  for (const date of [...input.dates].sort()) {
    for (const range of input.ranges) {
      const { startAt, endAt } = rangeOn(date, range, input.tz);
      const base = { projectId: input.projectId, venueId: input.venueId, type: input.type, status: 'DRAFT' as const, teamId: null, startAt, endAt };
      if (input.onePerRole && input.roles.length > 0) {
        for (const need of input.roles) out.push({ ...base, title: `${input.title} - ${need.role}`, needs: [need] });
      } else {
        out.push({ ...base, title: input.title, needs: input.roles });
      }
    }
  }
  return out;
}

/** The same mission `weeks` weeks later at the same local wall-clock times (DST aware). */
export function shiftByWeeks<T extends { startAt: string; endAt: string }>(mission: T, weeks: number, tz: string): T {
  const move = (iso: string) => {
    const ms = Date.parse(iso);
    const w = wallClock(ms, tz);
    const date = addDays(localDate(ms, tz), 7 * weeks);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return new Date(zonedTimeToUtc({ year: y, month: m, day: d, hour: w.hour, minute: w.minute }, tz)).toISOString();
  };
  return { ...mission, startAt: move(mission.startAt), endAt: move(mission.endAt) };
}

/** Weekly recurrence: the mission and its next n-1 weekly occurrences. */
export function weeklyRecurrence<T extends { startAt: string; endAt: string }>(mission: T, occurrences: number, tz: string): T[] {
  return Array.from({ length: Math.max(0, occurrences) }, (_, i) => (i === 0 ? mission : shiftByWeeks(mission, i, tz)));
}

/** Missions whose local start date falls in the week starting `monday` (YYYY-MM-DD), moved to the next week. */
export function duplicateWeek<T extends { startAt: string; endAt: string }>(missions: readonly T[], monday: string, tz: string): T[] {
  const sunday = addDays(monday, 6);
  return missions
    .filter((m) => {
      const date = localDate(Date.parse(m.startAt), tz);
      return date >= monday && date <= sunday;
    })
    .map((m) => shiftByWeeks(m, 1, tz));
}
