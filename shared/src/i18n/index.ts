import fr from './fr.json';
import frCalendar from './fr.calendar.json';
import frPlanning from './fr.planning.json';
import frTimeclock from './fr.timeclock.json';
import frKiosk from './fr.kiosk.json';
import frIntegrity from './fr.integrity.json';
import frDesign from './fr.design.json';
import frEnums from './fr.enums.json';
import frFormat from './fr.format.json';
import frA11y from './fr.a11y.json';
import frKpi from './fr.kpi.json';
import frKpiboard from './fr.kpiboard.json';
import frKpiimport from './fr.kpiimport.json';
import frAnalytics from './fr.analytics.json';
import frEquipment from './fr.equipment.json';
import frExports from './fr.exports.json';
import frNotifications from './fr.notifications.json';
import frIcsfeeds from './fr.icsfeeds.json';
import frWebhooks from './fr.webhooks.json';

import { EN_CATALOG } from './en-slot';
import { merge, type Catalog } from './merge';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export type { Catalog } from './merge';

/**
 * Typed keys. Every dotted leaf of the French catalogues (the reference language), from the JSON files themselves
 * (resolveJsonModule): a key missing from them is a type error at every t('...') of the client. Plural forms are
 * sibling keys with a CLDR suffix (`plan.missionCount_one`, `plan.missionCount_other`, see docs/decisions/i18n.md):
 * the key used in code is the base (`plan.missionCount`), and it takes a numeric `count`.
 */
type Leaves<T, P extends string = ''> = T extends string
  ? P
  : { [K in keyof T & string]: Leaves<T[K], P extends '' ? K : `${P}.${K}`> }[keyof T & string];
type RawKey =
  | Leaves<typeof fr>
  | Leaves<typeof frPlanning>
  | Leaves<typeof frCalendar>
  | Leaves<typeof frTimeclock>
  | Leaves<typeof frKiosk>
  | Leaves<typeof frIntegrity>
  | Leaves<typeof frDesign>
  | Leaves<typeof frEnums>
  | Leaves<typeof frFormat>
  | Leaves<typeof frA11y>
  | Leaves<typeof frKpi>
  | Leaves<typeof frKpiboard>
  | Leaves<typeof frKpiimport>
  | Leaves<typeof frAnalytics>
  | Leaves<typeof frEquipment>
  | Leaves<typeof frExports>
  | Leaves<typeof frNotifications>
  | Leaves<typeof frIcsfeeds>
  | Leaves<typeof frWebhooks>;

/** The CLDR plural categories; a language uses some of them (French: one, many, other; English: one, other). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
/** A key whose text depends on params.count (the catalogues hold its `_one`, `_other`... forms). */
export type PluralKey = RawKey extends infer K ? (K extends `${infer B}_${PluralCategory}` ? B : never) : never;
/** A key with one text. */
export type PlainKey = Exclude<RawKey, `${string}_${PluralCategory}`>;
/** Every key the client may pass to t(). */
export type TKey = PlainKey | PluralKey;

/** The base of a plural form's key ('a.b_one' -> 'a.b'), or null for a plain key. */
export function pluralBase(key: string): { base: string; category: PluralCategory } | null {
  const m = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? { base: m[1]!, category: m[2] as PluralCategory } : null;
}

/**
 * The catalogues by locale. English comes from `en-slot.ts`: the catalogue itself on the server and in tests; in the
 * client's build an empty slot, filled on use by `installCatalog` (the French one, the default, ships with the app).
 */
export const CATALOGS: Record<Locale, Catalog> = {
  fr: merge(fr, frPlanning, frCalendar, frTimeclock, frKiosk, frIntegrity, frDesign, frEnums, frFormat, frA11y, frKpi, frKpiboard, frKpiimport, frAnalytics, frEquipment, frExports, frNotifications, frIcsfeeds, frWebhooks),
  en: EN_CATALOG,
};

/** Whether a locale's catalogue is loaded (the client loads English on use). */
export function catalogLoaded(locale: Locale): boolean {
  return Object.keys(CATALOGS[locale]).length > 0;
}

/** Puts a catalogue loaded on use in its slot. */
export function installCatalog(locale: Locale, catalog: Catalog): void {
  CATALOGS[locale] = catalog;
}

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

/** The BCP 47 tag of a locale for Intl (dates, numbers, plural rules). */
export function intlTag(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const countFormats = new Map<Locale, Intl.NumberFormat>();

/** The plural category of a count in a language (Intl.PluralRules): 1 -> one, 0 -> one in French, other in English. */
export function pluralCategory(locale: Locale, count: number): PluralCategory {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlTag(locale))));
  return rules.select(count) as PluralCategory;
}

/**
 * The text of a key in one catalogue: the plain key, else its plural form for params.count (the `_other` form
 * when that language has no text for the category, or when there is no numeric count).
 */
function pick(locale: Locale, key: string, params: Params | undefined): string | undefined {
  const catalog = CATALOGS[locale];
  const plain = lookup(catalog, key);
  if (plain !== undefined) return plain;
  const count = params?.count;
  const form = typeof count === 'number' ? lookup(catalog, `${key}_${pluralCategory(locale, count)}`) : undefined;
  return form ?? lookup(catalog, `${key}_other`);
}

/**
 * Translates `key`, falling back to French, then to the key itself; `{name}` is replaced by params.name. A plural
 * key picks its form from params.count with Intl.PluralRules, and a numeric count is written with the language's
 * digit grouping (1 234 / 1,234).
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = pick(locale, key, params) ?? pick(DEFAULT_LOCALE, key, params) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    const value = params[name];
    if (name === 'count' && typeof value === 'number') {
      let format = countFormats.get(locale);
      if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(intlTag(locale))));
      return format.format(value);
    }
    return String(value);
  });
}

/**
 * A key built at run time (a server's error code, a rule name): the typed key when the French catalogue has it as
 * a plain key, else null (show the server's own message, or a fallback).
 */
export function knownKey(key: string): PlainKey | null {
  return lookup(CATALOGS[DEFAULT_LOCALE], key) !== undefined ? (key as PlainKey) : null;
}

/** Whether the catalogue has a text for the key (a plain key, or the `_other` form of a plural key). */
export function hasKey(locale: Locale, key: string): boolean {
  return lookup(CATALOGS[locale], key) !== undefined || lookup(CATALOGS[locale], `${key}_other`) !== undefined;
}

/** Every leaf key of a catalogue, dotted. */
export function catalogKeys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : catalogKeys(v, `${prefix}${k}.`),
  );
}
