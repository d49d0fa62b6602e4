import type { Locale } from '@coulisses/shared';
import type { Interval } from '@coulisses/shared/planning/moves';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** Creating an Intl formatter costs far more than using one: one per locale, zone and options, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(locale), options);
    formatters.set(key, f);
  }
  return f;
}

/** HH:MM of an instant in the organisation's zone. */
export function timeIn(locale: Locale, ms: number, tz: string): string {
  return formatter(locale, { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Weekday, day and month of an instant in the zone ("mer. 18 nov."). */
export function dayIn(locale: Locale, ms: number, tz: string): string {
  return formatter(locale, { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
}

/** A local calendar date (YYYY-MM-DD) in words; `style` long adds the weekday and year. */
export function dateLabel(locale: Locale, date: string, style: 'short' | 'long' | 'weekday' | 'day' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
    : style === 'weekday' ? { weekday: 'short', day: 'numeric' }
    : style === 'day' ? { day: 'numeric' }
    : { day: 'numeric', month: 'short' };
  return formatter(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The short weekday name of a local date ("lun."). */
export function weekdayName(locale: Locale, date: string): string {
  return formatter(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The title of a range of local dates ("novembre 2026", "16 - 22 nov. 2026"). */
export function rangeTitle(locale: Locale, first: string, last: string, month: boolean, anchor: string): string {
  const utc = (d: string) => new Date(`${d}T00:00:00Z`);
  if (month) return formatter(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(anchor));
  const fmt = formatter(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return first === last ? dateLabel(locale, first, 'long') : fmt.formatRange(utc(first), utc(last));
}

/** Start and end of an interval for sentences: day and time of each end in the zone. */
export function whenParts(locale: Locale, iv: Interval, tz: string): { day: string; start: string; end: string; endDay: string } {
  return { day: dayIn(locale, iv.start, tz), start: timeIn(locale, iv.start, tz), end: timeIn(locale, iv.end, tz), endDay: dayIn(locale, iv.end, tz) };
}
