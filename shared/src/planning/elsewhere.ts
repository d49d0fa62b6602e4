import { HOUR } from '../time/zone';
import { mondayOfDate, splitByLocalDayMemo } from './date-memo';

/**
 * Work of a person for another organisation of this product (the same account linked to a person there), as
 * this organisation may know it: hours per civil week, nothing else (no mission, no time of day, no name).
 * L8261-1: the maximum durations of work apply to the total of a person's employers.
 */
export interface ElsewhereHours {
  /** The person of this organisation (linked to the same account as the person elsewhere). */
  userId: string;
  /** Monday (local date, this organisation's zone) of the civil week. */
  monday: string;
  hours: number;
}

/** A span of work elsewhere, as the server reads it before it keeps only weekly hours (UTC ms). */
export interface ElsewhereSpan {
  userId: string;
  start: number;
  end: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Weekly hours of work elsewhere per person and civil week (Monday 00:00 to Monday 00:00 in `tz`, real time:
 * a week holding the spring change lasts 167 hours). Spans of one person that overlap count once (the other
 * organisation's own double bookings are not this organisation's business); a span across Sunday midnight
 * counts in both weeks. Sorted by person then week.
 */
export function elsewhereWeeklyHours(spans: readonly ElsewhereSpan[], tz: string): ElsewhereHours[] {
  const byUser = new Map<string, ElsewhereSpan[]>();
  for (const s of spans) {
    if (!(s.end > s.start)) continue;
    const list = byUser.get(s.userId) ?? [];
    list.push(s);
    byUser.set(s.userId, list);
  }
  const out: ElsewhereHours[] = [];
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.start - b.start);
    const merged: { start: number; end: number }[] = [];
    for (const s of list) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ start: s.start, end: s.end });
    }
    const weeks = new Map<string, number>();
    for (const s of merged) for (const part of splitByLocalDayMemo(s.start, s.end, tz)) weeks.set(mondayOfDate(part.date), (weeks.get(mondayOfDate(part.date)) ?? 0) + part.ms);
    for (const [monday, ms] of weeks) out.push({ userId, monday, hours: round2(ms / HOUR) });
  }
  return out.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.monday < b.monday ? -1 : a.monday > b.monday ? 1 : 0));
}
