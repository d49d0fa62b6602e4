import type { CompareMode, DashboardPeriod } from './dashboard-types';

/**
 * Local dates as day numbers (days since 1970-01-01) so the dashboard compares integers, and the comparison periods
 * of the direction dashboard: the previous period of the same length, or the same dates one year earlier.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a local date YYYY-MM-DD (its calendar position; no zone involved). */
export function dayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

/** The local date YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of day `day` (1-31) of month YYYY-MM. */
export function dayOfMonth(month: string, day: number): number {
  return Math.floor(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day) / MS_PER_DAY);
}

/** The period from `from` to `to` inclusive. */
export function periodOf(from: string, to: string): DashboardPeriod {
  return { from, to, days: dayNumber(to) - dayNumber(from) + 1 };
}

/** The same calendar date one year earlier; 29 February becomes 28 February. */
export function sameDateLastYear(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  let md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Whether the period is whole calendar months (from a 1st to a month's last day), and how many. */
function wholeMonths(period: DashboardPeriod): number | null {
  if (period.from.slice(8) !== '01') return null;
  if (dateOfDay(dayNumber(period.to) + 1).slice(8) !== '01') return null;
  const months = (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 + Number(period.to.slice(5, 7)) - Number(period.from.slice(5, 7)) + 1;
  return months;
}

/** The first day of the month `n` months before the month of `date` (YYYY-MM-01). */
function monthsBefore(date: string, n: number): string {
  const i = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The comparison period. `previous`: for whole calendar months, the same number of whole months before (December
 * against November, a quarter against the quarter before, as a director reads them); otherwise the days just
 * before `from`, as many. `lastYear` shifts both ends by one year.
 */
export function comparisonPeriod(period: DashboardPeriod, mode: CompareMode): DashboardPeriod {
  const months = mode === 'previous' ? wholeMonths(period) : null;
  if (months !== null) return periodOf(monthsBefore(period.from, months), dateOfDay(dayNumber(period.from) - 1));
  if (mode === 'previous') {
    const start = dayNumber(period.from) - period.days;
    return { from: dateOfDay(start), to: dateOfDay(start + period.days - 1), days: period.days };
  }
  return periodOf(sameDateLastYear(period.from), sameDateLastYear(period.to));
}

/** The months YYYY-MM a period touches, oldest first. */
export function monthsOf(period: DashboardPeriod): string[] {
  const out: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const end = period.to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}
