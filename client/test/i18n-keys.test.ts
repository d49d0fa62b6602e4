import { describe, expect, it } from 'vitest';
import { CATALOGS, ENTITIES, LOCALES, ROLES, SECTIONS, catalogKeys, hasKey } from '@coulisses/shared';

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
  it('have the same keys in French and English', () => {
    expect(catalogKeys(CATALOGS.en).sort()).toEqual(catalogKeys(CATALOGS.fr).sort());
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
