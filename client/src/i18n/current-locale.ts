import { DEFAULT_LOCALE, type Locale } from '@coulisses/shared';

/**
 * The locale chosen in the UI, readable outside React: the API client and the auth client send it
 * as Accept-Language. The I18nProvider keeps it up to date.
 */
let current: Locale = DEFAULT_LOCALE;

export function getCurrentLocale(): Locale {
  return current;
}

export function setCurrentLocale(locale: Locale): void {
  current = locale;
}
