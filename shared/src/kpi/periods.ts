import { addDays, mondayOf } from '../time/zone';

/** How often a KPI is measured: one value per period. */
export const KPI_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const;
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number];

/**
 * KPI periods as local calendar dates (YYYY-MM-DD in the organisation's zone, no clock, no zone here): a day,
 * an ISO week (Monday to Sunday), a calendar month, a quarter (Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec) or a
 * calendar year. A period is named by its first day; its end is its last day (inclusive).
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** The first day of month `month` (1-12, may overflow either way) of `year`. */
function firstOfMonth(year: number, month: number): string {
  const t = new Date(Date.UTC(year, month - 1, 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-01`;
}

/** Months in one period of a month-based frequency. */
const MONTHS: Partial<Record<KpiFrequency, number>> = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 };

/** The first day of the period of `frequency` that contains `date`. */
export function periodStartOf(date: string, frequency: KpiFrequency): string {
  const [y, m] = parts(date);
  switch (frequency) {
    case 'DAILY':
      return date;
    case 'WEEKLY':
      return mondayOf(date);
    case 'MONTHLY':
      return firstOfMonth(y, m);
    case 'QUARTERLY':
      return firstOfMonth(y, Math.floor((m - 1) / 3) * 3 + 1);
    case 'YEARLY':
      return firstOfMonth(y, 1);
  }
}

/** The start of the period `n` periods after (negative: before) the period containing `date`. */
export function shiftPeriod(date: string, frequency: KpiFrequency, n: number): string {
  const start = periodStartOf(date, frequency);
  if (frequency === 'DAILY') return addDays(start, n);
  if (frequency === 'WEEKLY') return addDays(start, 7 * n);
  const [y, m] = parts(start);
  return firstOfMonth(y, m + n * MONTHS[frequency]!);
}

export function nextPeriod(date: string, frequency: KpiFrequency): string {
  return shiftPeriod(date, frequency, 1);
}

export function previousPeriod(date: string, frequency: KpiFrequency): string {
  return shiftPeriod(date, frequency, -1);
}

/** The last day (inclusive) of the period containing `date`. */
export function periodEndOf(date: string, frequency: KpiFrequency): string {
  return addDays(nextPeriod(date, frequency), -1);
}

/** The period containing `date`: its first and last day. */
export function periodOf(date: string, frequency: KpiFrequency): { start: string; end: string } {
  return { start: periodStartOf(date, frequency), end: periodEndOf(date, frequency) };
}

/** The starts of the `n` periods ending with the one containing `date`, oldest first. */
export function lastPeriods(date: string, frequency: KpiFrequency, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(shiftPeriod(date, frequency, -i));
  return out;
}

/**
 * ISO 8601 week of a date: weeks run Monday to Sunday and week 1 is the one holding the year's first Thursday,
 * so the week-year is the year of the week's Thursday (2026-12-28 .. 2027-01-03 is week 53 of 2026).
 */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const [year] = parts(thursday);
  const jan1 = Date.UTC(year, 0, 1);
  const [, tm, td] = parts(thursday);
  const dayOfYear = Math.round((Date.UTC(year, tm - 1, td) - jan1) / 86_400_000);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/**
 * The year a period counts in for year-to-date: the ISO week-year for weeks (week 1 of 2026 starts on
 * 2025-12-29 and counts in 2026), the calendar year of the first day otherwise.
 */
export function periodYear(date: string, frequency: KpiFrequency): number {
  if (frequency === 'WEEKLY') return isoWeek(date).year;
  return parts(periodStartOf(date, frequency))[0];
}

/** A stable, language-neutral key of the period: 2026-12-04, 2026-W53, 2026-12, 2026-Q4, 2026. */
export function periodKey(date: string, frequency: KpiFrequency): string {
  const start = periodStartOf(date, frequency);
  const [y, m] = parts(start);
  switch (frequency) {
    case 'DAILY':
      return start;
    case 'WEEKLY': {
      const w = isoWeek(start);
      return `${pad(w.year, 4)}-W${pad(w.week)}`;
    }
    case 'MONTHLY':
      return start.slice(0, 7);
    case 'QUARTERLY':
      return `${pad(y, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'YEARLY':
      return pad(y, 4);
  }
}

/** True when `date` is the first day of a period of `frequency`. */
export function isPeriodStart(date: string, frequency: KpiFrequency): boolean {
  return periodStartOf(date, frequency) === date;
}
