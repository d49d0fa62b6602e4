import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Locale, type Params } from '@coulisses/shared';
import { browserStorage } from '../lib/storage';
import { I18nContext, type I18nValue, type Translate } from './i18n-context';
import { readLocale, saveLocale } from './locale-store';
import { setCurrentLocale } from './current-locale';

function initialLocale(): Locale {
  const locale = readLocale(browserStorage());
  setCurrentLocale(locale);
  return locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setCurrentLocale(next);
    saveLocale(browserStorage(), next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: ((key: string, params?: Params) => translate(locale, key, params)) as Translate }),
    [locale, setLocale],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}
