import { describe, expect, it } from 'vitest';
import { CATALOGS, catalogKeys, hasKey, knownKey, pickLocale, pluralBase, pluralCategory, translate } from '../src/i18n/index';
import { ERROR_STATUS } from '../src/errors/codes';

describe('pickLocale', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['de-DE', 'fr'],
    ['en;q=0.4,fr;q=0.8', 'fr'],
    ['en;q=0, fr;q=0', 'fr'],
    ['*', 'fr'],
  ])('%s -> %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('translate', () => {
  it('fills parameters and falls back to the key', () => {
    expect(translate('en', 'errors.INTERNAL', { requestId: 'r-1' })).toBe('Internal server error. Reference: r-1.');
    expect(translate('fr', 'errors.INTERNAL', { requestId: 'r-1' })).toContain('r-1');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('has a French and an English message for every error code', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(translate('fr', `errors.${code}`)).not.toBe(`errors.${code}`);
      expect(translate('en', `errors.${code}`)).not.toBe(`errors.${code}`);
    }
  });

  it('keeps the same keys in both catalogues (plural forms compared by their base)', () => {
    const bases = (keys: string[]) => [...new Set(keys.map((k) => pluralBase(k)?.base ?? k))].sort();
    expect(bases(catalogKeys(CATALOGS.en))).toEqual(bases(catalogKeys(CATALOGS.fr)));
  });
});

describe('plural keys (Intl.PluralRules)', () => {
  it('picks the form of the language for params.count', () => {
    // French: 0 and 1 are "one"; English: only 1 is.
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(translate('fr', 'planMissions.count', { count: 0 })).toBe('0 mission');
    expect(translate('fr', 'planMissions.count', { count: 1 })).toBe('1 mission');
    expect(translate('fr', 'planMissions.count', { count: 2 })).toBe('2 missions');
    expect(translate('en', 'planMissions.count', { count: 0 })).toBe('0 missions');
    expect(translate('en', 'planMissions.count', { count: 1 })).toBe('1 mission');
    expect(translate('fr', 'planMissions.published', { count: 3 })).toBe('3 missions publi\u00e9es.');
    expect(translate('fr', 'timeclock.punch.pending', { count: 1 })).toMatch(/^1 pointage en attente/);
  });

  it('writes the count with the digit grouping of the language', () => {
    expect(translate('en', 'planMissions.count', { count: 1234 })).toBe('1,234 missions');
    expect(translate('fr', 'planMissions.count', { count: 1234 }).replace(/\s/g, ' ')).toBe('1 234 missions');
  });

  it('falls back to the other form (French "many", no count)', () => {
    expect(translate('fr', 'planMissions.count', { count: 1_000_000 }).replace(/\s/g, ' ')).toBe('1 000 000 missions');
    expect(translate('fr', 'planMissions.count')).toBe('{count} missions');
  });

  it('knows plural keys by their base', () => {
    expect(hasKey('fr', 'planMissions.count')).toBe(true);
    expect(hasKey('fr', 'planMissions.count_one')).toBe(true);
    expect(hasKey('fr', 'planMissions.nope')).toBe(false);
    expect(pluralBase('a.b_other')).toEqual({ base: 'a.b', category: 'other' });
    expect(pluralBase('kiosk.action_IN')).toBeNull();
  });

  it('narrows a key built at run time to a known one', () => {
    expect(knownKey('errors.OVERLAP')).toBe('errors.OVERLAP');
    expect(knownKey('errors.NO_SUCH_CODE')).toBeNull();
  });
});
