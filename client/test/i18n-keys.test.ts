import { describe, expect, it } from 'vitest';
import { CATALOGS, ENTITIES, LOCALES, ROLES, SECTIONS, catalogKeys, hasKey, pluralBase, translate } from '@coulisses/shared';
import type { Translate } from '../src/i18n/i18n-context';

const sources = import.meta.glob<string>('../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

/** Every literal key passed to t('...') in the client's source. */
function literalKeys(): string[] {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) {
      if (match[1]) keys.add(match[1]);
    }
  }
  return [...keys];
}

describe('i18n catalogues', () => {
  it('have the same keys in French and English (plural forms by their base)', () => {
    const bases = (keys: string[]) => [...new Set(keys.map((k) => pluralBase(k)?.base ?? k))].sort();
    expect(bases(catalogKeys(CATALOGS.en))).toEqual(bases(catalogKeys(CATALOGS.fr)));
  });

  it('are typed: an unknown key, or a plural key without a count, does not compile', () => {
    const t = ((key: string, params?: Record<string, string | number>) => translate('fr', key, params)) as Translate;
    expect(t('app.name')).toBe('Coulisses Crew');
    expect(t('planMissions.count', { count: 2 })).toBe('2 missions');
    // @ts-expect-error: not a key of the French catalogue
    expect(t('no.such.key')).toBe('no.such.key');
    // @ts-expect-error: a plural key needs a numeric count
    expect(t('planMissions.count')).toBe('{count} missions');
    // @ts-expect-error: plural forms are not keys of their own (the base is)
    expect(t('planMissions.count_one', { count: 1 })).toBe('1 mission');
  });

  it('hold every literal key the client uses', () => {
    const keys = literalKeys();
    expect(keys.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      expect(keys.filter((key) => !hasKey(locale, key))).toEqual([]);
    }
  });

  it('hold the keys the client builds at run time', () => {
    const built = [
      ...SECTIONS.flatMap((s) => [`nav.${s.id}`, `sections.${s.id}`]),
      ...ROLES.map((r) => `roles.${r}`),
      ...LOCALES.map((l) => `lang.${l}`),
      'status.online',
      'status.offline',
      ...['pending', 'accepted', 'revoked', 'rejected', 'expired'].flatMap((s) => [`invite.states.${s}`, `invite.closed.${s}`]),
      ...['idle', 'syncing', 'offline', 'signed-out', 'error', 'stopped', 'update-required'].map((p) => `sync.phase.${p}`),
      ...['GONE', 'INVALID', 'WRITE'].map((r) => `sync.discarded.failed.${r}`),
      ...ENTITIES.map((e) => `conflicts.entityOne.${e.name}`),
      ...['MERGED', 'REJECTED', 'DIVERTED'].map((o) => `conflicts.outcomes.${o}`),
      ...['field-merge', 'state-machine', 'append-only', 'locked', 'unique-by-key', 'write-policy'].map((r) => `conflicts.rules.${r}`),
      ...ENTITIES.map((e) => `conflicts.entities.${e.name}`),
      ...['DRAFT', 'ACTIVE', 'ARCHIVED'].map((s) => `projects.statuses.${s}`),
    ];
    for (const locale of LOCALES) {
      expect(built.filter((key) => !hasKey(locale, key))).toEqual([]);
    }
  });
});
