import fr from './fr.json';
import en from './en.json';
import frCalendar from './fr.calendar.json';
import enCalendar from './en.calendar.json';
import frPlanning from './fr.planning.json';
import enPlanning from './en.planning.json';
import frTimeclock from './fr.timeclock.json';
import enTimeclock from './en.timeclock.json';
import frKiosk from './fr.kiosk.json';
import enKiosk from './en.kiosk.json';
import frIntegrity from './fr.integrity.json';
import enIntegrity from './en.integrity.json';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

type Catalog = { [key: string]: string | Catalog };

/** Catalogues are split by domain (<lang>.json, <lang>.<domain>.json) and merged here; a key may not repeat. */
function merge(...parts: Catalog[]): Catalog {
  const out: Catalog = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const prev = out[k];
      out[k] = prev && typeof prev === 'object' && typeof v === 'object' ? merge(prev, v) : v;
    }
  }
  return out;
}

export const CATALOGS: Record<Locale, Catalog> = {
  fr: merge(fr, frPlanning, frCalendar, frTimeclock, frKiosk, frIntegrity),
  en: merge(en, enPlanning, enCalendar, enTimeclock, enKiosk, enIntegrity),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Chooses fr or en from an Accept-Language header; French when nothing matches. */
export function pickLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    if (isLocale(entry.lang)) return entry.lang;
  }
  return DEFAULT_LOCALE;
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Params = Record<string, string | number>;

/** Translates `key`, falling back to French, then to the key itself; `{name}` is replaced by params.name. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = lookup(CATALOGS[locale], key) ?? lookup(CATALOGS[DEFAULT_LOCALE], key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function hasKey(locale: Locale, key: string): boolean {
  return lookup(CATALOGS[locale], key) !== undefined;
}

/** Every leaf key of a catalogue, dotted. */
export function catalogKeys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : catalogKeys(v, `${prefix}${k}.`),
  );
}
