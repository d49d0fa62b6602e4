import { localDate } from '@coulisses/shared';

interface RowLike {
  assignment: { status: string };
  mission: { startAt: string; endAt: string; status: string };
}

/**
 * What the "Today" card shows: the mission running now (`now`), else the next one starting later today in the
 * organisation's zone (`later`), else the next one on another day (`next`, with its local date), else nothing.
 * Only missions I am still on (invited or accepted, not cancelled). A night shift that started yesterday and runs
 * past midnight is `now`; "today" is the organisation's calendar day, whatever the offset change (DST) that day.
 */
export type TodayPick<R> = { kind: 'now' | 'later'; row: R } | { kind: 'next'; row: R; date: string } | { kind: 'none' };

const ACTIVE = new Set(['INVITED', 'ACCEPTED']);

export function pickToday<R extends RowLike>(rows: readonly R[], now: number, tz: string): TodayPick<R> {
  const live = rows
    .filter((r) => ACTIVE.has(r.assignment.status) && r.mission.status !== 'CANCELLED')
    .sort((a, b) => a.mission.startAt.localeCompare(b.mission.startAt));
  const running = live.find((r) => Date.parse(r.mission.startAt) <= now && Date.parse(r.mission.endAt) > now);
  if (running) return { kind: 'now', row: running };
  const upcoming = live.find((r) => Date.parse(r.mission.startAt) > now);
  if (!upcoming) return { kind: 'none' };
  const date = localDate(Date.parse(upcoming.mission.startAt), tz);
  if (date === localDate(now, tz)) return { kind: 'later', row: upcoming };
  return { kind: 'next', row: upcoming, date };
}

/** Whether a mission ends on a later calendar day than it starts, in the organisation's zone (a night shift). */
export function endsNextDay(startAt: string, endAt: string, tz: string): boolean {
  return localDate(Date.parse(endAt), tz) > localDate(Date.parse(startAt), tz);
}
