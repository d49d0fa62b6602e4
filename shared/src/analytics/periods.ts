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

/** The comparison period: `previous` ends the day before `from` and has the same number of days; `lastYear` shifts both ends by one year. */
export function comparisonPeriod(period: DashboardPeriod, mode: CompareMode): DashboardPeriod {
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
