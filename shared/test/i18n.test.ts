import { describe, expect, it } from 'vitest';
import { CATALOGS, catalogKeys, pickLocale, translate } from '../src/i18n/index';
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

  it('keeps the same keys in both catalogues', () => {
    expect(catalogKeys(CATALOGS.en).sort()).toEqual(catalogKeys(CATALOGS.fr).sort());
  });
});
