import { addDays } from '../time/zone';
import { isLocalDate } from './local-time';

/** Day of week of a calendar date, 1 = Monday ... 7 = Sunday (ISO). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The calendar dates from `from` to `to` (inclusive) falling on the chosen ISO weekdays (all when none is
 * chosen), at most `max` of them. Empty when a bound is missing or malformed, or when `to` is before `from`.
 */
export function datesBetween(from: string, to: string, weekdays: readonly number[] = [], max = 366): string[] {
  if (!isLocalDate(from) || !isLocalDate(to) || to < from) return [];
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = addDays(d, 1)) {
    if (weekdays.length === 0 || weekdays.includes(isoWeekday(d))) out.push(d);
  }
  return out;
}
