import { createContext } from 'react';
import type { Locale, Params } from '@coulisses/shared';

export type Translate = (key: string, params?: Params) => string;

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
