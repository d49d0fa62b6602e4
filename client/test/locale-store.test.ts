import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY, readLocale, saveLocale } from '../src/i18n/locale-store';
import { getCurrentLocale, setCurrentLocale } from '../src/i18n/current-locale';
import { memoryStorage } from './memory-storage';

describe('locale storage', () => {
  it('defaults to French when nothing (or junk) is stored, or without storage', () => {
    expect(readLocale(memoryStorage())).toBe('fr');
    expect(readLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'de' }))).toBe('fr');
    expect(readLocale(null)).toBe('fr');
  });

  it('keeps the choice under cc.locale', () => {
    const storage = memoryStorage();
    saveLocale(storage, 'en');
    expect(storage.getItem('cc.locale')).toBe('en');
    expect(readLocale(storage)).toBe('en');
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(readLocale(broken)).toBe('fr');
    expect(() => saveLocale(broken, 'en')).not.toThrow();
  });

  it('shares the current locale with the API client', () => {
    setCurrentLocale('en');
    expect(getCurrentLocale()).toBe('en');
    setCurrentLocale('fr');
  });
});
