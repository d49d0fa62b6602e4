import { addDays, mondayOf } from '../time/zone';
import { zoneDays } from '../timeclock/zone-days';

/**
 * Memos of the pure date arithmetic the planning rules repeat for every shift and week (mondayOf, addDays):
 * same answers, a map lookup instead of parsing and formatting a date each time. Bounded.
 */
const LIMIT = 20_000;
const mondays = new Map<string, string>();
const shifted = new Map<string, string>();

/** mondayOf, memoised. */
export function mondayOfDate(date: string): string {
  let m = mondays.get(date);
  if (m === undefined) {
    if (mondays.size >= LIMIT) mondays.clear();
    m = mondayOf(date);
    mondays.set(date, m);
  }
  return m;
}

/** addDays, memoised. */
export function addDaysMemo(date: string, n: number): string {
  const key = `${date}|${n}`;
  let d = shifted.get(key);
  if (d === undefined) {
    if (shifted.size >= LIMIT) shifted.clear();
    d = addDays(date, n);
    shifted.set(key, d);
  }
  return d;
}

/**
 * splitByLocalDay (time/zone.ts) through the zone memo of the time rules (zoneDays: the same local dates and
 * midnights, a few Intl calls per day of data instead of several per shift): the part of [start, end) on each
 * local calendar day.
 */
export function splitByLocalDayMemo(start: number, end: number, tz: string): { date: string; ms: number }[] {
  const days = zoneDays(tz);
  const out: { date: string; ms: number }[] = [];
  let cursor = start;
  while (cursor < end) {
    const date = days.dateOf(cursor);
    const next = Math.min(end, days.at(days.next(date), 0));
    if (!(next > cursor)) break;
    out.push({ date, ms: next - cursor });
    cursor = next;
  }
  return out;
}
