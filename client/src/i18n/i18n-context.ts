import { createContext } from 'react';
import type { Locale, Params, PlainKey, PluralKey } from '@coulisses/shared';

/**
 * The translate function: typed keys (a key missing from the French catalogues is a type error), and a plural
 * key needs a numeric count (its form is picked with Intl.PluralRules). See docs/decisions/i18n.md.
 */
export interface Translate {
  (key: PluralKey, params: Params & { count: number }): string;
  (key: PlainKey, params?: Params): string;
}

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
