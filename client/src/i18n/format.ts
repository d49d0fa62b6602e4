import type { Locale } from '@coulisses/shared';

/** A date and time in the user's language, or the raw text when it is not a date. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** The time zone shown when the organisation has none (the product's home). */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

function intlLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

function validZone(timeZone: string | null | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** A UTC instant shown in the organisation's time zone (Europe/Paris when unknown), date and time. */
export function formatInZone(locale: Locale, iso: string, timeZone: string | null | undefined, style: 'datetime' | 'time' = 'datetime'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: validZone(timeZone) }).format(date);
}

/** A calendar date (YYYY-MM-DD, already in the organisation's zone) in the user's language. */
export function formatLocalDate(locale: Locale, ymd: string): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || Number.isNaN(date.getTime())) return ymd;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A count with the language's digit grouping (1 234 in French, 1,234 in English). */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}
