import type { Locale } from '@coulisses/shared';

/** A CSS colour token of the current theme (light or dark), read when a chart draws. */
export function cssToken(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}


const dayMonth = new Map<Locale, Intl.DateTimeFormat>();

/** A local date as day and month only ("7 d\u00e9c." / "Dec 7"), for chart axes. */
export function shortDate(locale: Locale, ymd: string): string {
  let fmt = dayMonth.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayMonth.set(locale, fmt);
  }
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return fmt.format(Date.UTC(y, m - 1, d));
}
