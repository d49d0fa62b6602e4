import type { KpiFrequency } from '@coulisses/shared';
import { intlTag, isoWeek, type Locale } from '@coulisses/shared';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTag(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(key, f);
  }
  return f;
}

/** A KPI number with the KPI's decimals, without unit. */
export function formatKpiNumber(locale: Locale, value: number, decimals: number): string {
  return numberFormat(locale, decimals).format(value);
}

/** A KPI value with its decimals and unit: "92,5 %", "1 200 EUR", "12.0 h" (no-break space before the unit). */
export function formatKpiValue(locale: Locale, value: number | null, decimals: number, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  const n = formatKpiNumber(locale, value, decimals);
  if (!unit) return n;
  return unit === '%' && locale === 'en' ? `${n}%` : `${n}\u00a0${unit}`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(opts)}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlTag(locale), { ...opts, timeZone: 'UTC' });
    monthFormats.set(key, f);
  }
  return f;
}

/** A period, named by its first day, as people say it: "5 dec. 2026", "S49 2026", "dec. 2026", "T4 2026", "2026". */
export function formatPeriod(locale: Locale, start: string, frequency: KpiFrequency): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return start;
  switch (frequency) {
    case 'DAILY':
      return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
    case 'WEEKLY': {
      const w = isoWeek(start);
      return `${locale === 'fr' ? 'S' : 'W'}${w.week} ${w.year}`;
    }
    case 'MONTHLY':
      return dateFormat(locale, { month: 'short', year: 'numeric' }).format(d);
    case 'QUARTERLY':
      return `${locale === 'fr' ? 'T' : 'Q'}${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    case 'YEARLY':
      return String(d.getUTCFullYear());
  }
}
