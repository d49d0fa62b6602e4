import { projects, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { dexieDatabaseName, docState, migrationStrategies, olderVersions, upgradeDoc } from '../src/sync/upgrade-docs';

/** projects as three releases would ship it: version 1 adds a field, version 2 has no upgrade, version 3 renames. */
const at3 = {
  ...projects,
  version: 3,
  upgrades: {
    1: (doc: SyncDoc) => ({ ...doc, budgetCents: 0 }),
    3: (doc: SyncDoc) => {
      const { budgetCents, ...rest } = doc;
      return { ...rest, budget: budgetCents };
    },
  },
} as unknown as EntityDef;

describe('schema upgrades of unpushed documents', () => {
  it('drops the storage bookkeeping and keeps the deletion flag', () => {
    const stored = { id: 'p1', updatedAt: 't', name: 'A', _deleted: true, _rev: '2-abc', _meta: { lwt: 1 }, _attachments: {} };
    expect(docState(stored)).toEqual({ id: 'p1', updatedAt: 't', name: 'A', _deleted: true });
    expect(docState({ id: 'p2', updatedAt: 't' })).toEqual({ id: 'p2', updatedAt: 't', _deleted: false });
  });

  it('runs every upgrade after the stored version, in order, and none before it', () => {
    const doc = { id: 'p1', updatedAt: 't', name: 'A', _deleted: false };
    expect(upgradeDoc(at3, 0, doc)).toEqual({ id: 'p1', updatedAt: 't', name: 'A', budget: 0, _deleted: false });
    expect(upgradeDoc(at3, 1, { ...doc, budgetCents: 5 })).toEqual({ id: 'p1', updatedAt: 't', name: 'A', budget: 5, _deleted: false });
    expect(upgradeDoc(at3, 3, doc)).toEqual(doc);
  });

  it('keeps a deleted document deleted (upgrades see its fields only)', () => {
    const seen: SyncDoc[] = [];
    const spy = { ...at3, upgrades: { 1: (d: SyncDoc) => (seen.push(d), d) } } as unknown as EntityDef;
    expect(upgradeDoc(spy, 0, { id: 'p1', updatedAt: 't', _deleted: true })._deleted).toBe(true);
    expect(seen).toEqual([{ id: 'p1', updatedAt: 't' }]);
  });

  it('gives RxDB one strategy per version (identity where the registry has none)', () => {
    const strategies = migrationStrategies(at3);
    expect(Object.keys(strategies)).toEqual(['1', '2', '3']);
    expect(strategies[2]!({ id: 'x', updatedAt: 't' })).toEqual({ id: 'x', updatedAt: 't' });
    expect(olderVersions(at3)).toEqual([0, 1, 2]);
    expect(olderVersions(projects as unknown as EntityDef)).toEqual([]);
  });

  it('names the IndexedDB database of a storage instance as RxDB Dexie storage does', () => {
    expect(dexieDatabaseName('cc_org_acc', 2, 'missions')).toBe('rxdb-dexie-cc_org_acc--2--missions');
  });
});
