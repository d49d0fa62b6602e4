import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogLoaded, translate, type Locale, type Params } from '@coulisses/shared';
import { browserStorage } from '../lib/storage';
import { I18nContext, type I18nValue, type Translate } from './i18n-context';
import { ensureCatalog } from './load-catalog';
import { readLocale, saveLocale } from './locale-store';
import { setCurrentLocale } from './current-locale';

function initialLocale(): Locale {
  const locale = readLocale(browserStorage());
  setCurrentLocale(locale);
  return locale;
}

/** A catalogue that failed to load (offline before the service worker had it): translate() falls back to French. */
const settle = (locale: Locale) => ensureCatalog(locale).catch(() => undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // English loads on use: a saved English waits for its catalogue before the first render (no French flash).
  const [ready, setReady] = useState(() => catalogLoaded(locale));

  useEffect(() => {
    if (!ready) void settle(locale).then(() => setReady(true));
  }, [ready, locale]);

  const setLocale = useCallback((next: Locale) => {
    void settle(next).then(() => {
      setCurrentLocale(next);
      saveLocale(browserStorage(), next);
      setLocaleState(next);
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: ((key: string, params?: Params) => translate(locale, key, params)) as Translate }),
    [locale, setLocale],
  );

  if (!ready) return null;
  return <I18nContext value={value}>{children}</I18nContext>;
}
