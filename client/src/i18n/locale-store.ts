import { DEFAULT_LOCALE, isLocale, type Locale } from '@coulisses/shared';
import { readItem, writeItem, type KeyValueStore } from '../lib/storage';

export const LOCALE_STORAGE_KEY = 'cc.locale';

/** The locale saved by the user, else French (the app is French first, whatever the browser says). */
export function readLocale(storage: KeyValueStore | null): Locale {
  const saved = readItem(storage, LOCALE_STORAGE_KEY);
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

export function saveLocale(storage: KeyValueStore | null, locale: Locale): void {
  writeItem(storage, LOCALE_STORAGE_KEY, locale);
}
