import { intlTag, translate, type Locale } from './index';

/**
 * Formatting for display, by the user's language with Intl, every instant in the organisation's zone
 * (docs/decisions/i18n.md). Never toFixed/toLocaleString/new Date().toLocale* for what a person reads.
 */

/** The time zone shown when the organisation has none (the product's home). */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(id) as Intl.NumberFormat | undefined;
  if (!f) cache.set(id, (f = new Intl.NumberFormat(intlTag(locale), options)));
  return f;
}
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(id, (f = new Intl.DateTimeFormat(intlTag(locale), options)));
  return f;
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

export type InstantStyle = 'datetime' | 'time' | 'date' | 'short';

/**
 * A UTC instant shown in the organisation's time zone (Europe/Paris when unknown): date and time (default), the
 * time alone, the date alone, or a short date and time (tables). The raw text when it is not a date.
 */
export function formatInZone(locale: Locale, iso: string, timeZone: string | null | undefined, style: InstantStyle = 'datetime'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { timeStyle: 'short' }
      : style === 'date'
        ? { dateStyle: 'medium' }
        : style === 'short'
          ? { dateStyle: 'short', timeStyle: 'short' }
          : { dateStyle: 'medium', timeStyle: 'short' };
  return dateFormat(locale, { ...options, timeZone: validZone(timeZone) }).format(date);
}

/**
 * An instant where the organisation's zone is unknown (public pages before sign-in): the device's zone, named
 * ("12 janv. 2026, 18:00 UTC+1"), so that it cannot be read as the organisation's time.
 */
export function formatWithZoneName(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(date);
}

/** A calendar date (YYYY-MM-DD, already in the organisation's zone) in the user's language. */
export function formatLocalDate(locale: Locale, ymd: string): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || Number.isNaN(date.getTime())) return ymd;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A count with the language's digit grouping (1 234 in French, 1,234 in English). */
export function formatCount(locale: Locale, n: number): string {
  return numberFormat(locale, {}).format(n);
}

/** A number with at most `maxDigits` decimals (5,5 / 5.5). */
export function formatNumber(locale: Locale, n: number, maxDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: maxDigits }).format(n);
}

/** A number with exactly `digits` decimals, e.g. decimal payroll hours (9,50 / 9.50). */
export function formatDecimal(locale: Locale, n: number, digits = 2): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** An amount in cents, in a currency (EUR by default): "166,50 EUR-sign" in French, "EUR-sign 166.50" in English (Intl). */
export function formatMoney(locale: Locale, cents: number, currency = 'EUR'): string {
  return numberFormat(locale, { style: 'currency', currency }).format(Math.round(cents) / 100);
}

/** A fraction as a percentage: 0.25 is "25 %" in French, "25%" in English. */
export function formatPercent(locale: Locale, fraction: number, maxDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxDigits }).format(fraction);
}

/**
 * A duration in minutes as hours and minutes: "5 h 30" in French, "5h 30m" in English (minutes always on two
 * digits: "2 h 00", "0 h 45", so that columns of times line up); '-' when unknown. Negative durations take a
 * minus sign (see formatDelta). No-break spaces keep a duration on one line. `compact` drops zero minutes ("48 h", "48h"), for limits and measures in text.
 */
export function formatDuration(locale: Locale, minutes: number | null | undefined, compact = false): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '-';
  const total = Math.round(Math.abs(minutes));
  const h = formatCount(locale, Math.floor(total / 60));
  const m = String(total % 60).padStart(2, '0');
  const text = compact && total % 60 === 0 ? (locale === 'fr' ? `${h}${NBSP}h` : `${h}h`) : locale === 'fr' ? `${h}${NBSP}h${NBSP}${m}` : `${h}h${NBSP}${m}m`;
  return minutes < 0 && total > 0 ? `${MINUS}${text}` : text;
}

/** Hours (possibly fractional, e.g. 5.5 from the rules) as a compact duration: "5 h 30", "48 h" / "5h 30m", "48h". */
export function formatHours(locale: Locale, hours: number | null | undefined): string {
  return formatDuration(locale, hours === null || hours === undefined ? hours : hours * 60, true);
}

const MINUS = '\u2212';
/** Durations never break across lines ("4 h" / "00"). */
const NBSP = '\u00a0';

export interface FormattedDelta {
  /** "+1 h 30", "\u22121 h 30" or "0 h 00" (a true minus sign, never read as a range). */
  text: string;
  /** The same in words for screen readers (format.delta.*): "1 h 30 more than planned". */
  spoken: string;
  sign: -1 | 0 | 1;
}

/** A signed difference of durations (actual minus planned), written and spoken. */
export function formatDelta(locale: Locale, minutes: number): FormattedDelta {
  const rounded = Math.round(minutes);
  const abs = formatDuration(locale, Math.abs(rounded));
  if (rounded === 0) return { text: abs, spoken: translate(locale, 'format.delta.none'), sign: 0 };
  return rounded > 0
    ? { text: `+${abs}`, spoken: translate(locale, 'format.delta.more', { duration: abs }), sign: 1 }
    : { text: `${MINUS}${abs}`, spoken: translate(locale, 'format.delta.less', { duration: abs }), sign: -1 };
}

const weekdayCache = new Map<Locale, string[]>();

/** Short weekday names Monday first in the user's language (5 January 2026 is a Monday). */
export function weekdayLabels(locale: Locale): string[] {
  const hit = weekdayCache.get(locale);
  if (hit) return hit;
  const fmt = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const labels = Array.from({ length: 7 }, (_, i) => fmt.format(Date.UTC(2026, 0, 5 + i)));
  weekdayCache.set(locale, labels);
  return labels;
}
