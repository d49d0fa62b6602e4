import 'fake-indexeddb/auto';
import { CATALOGS, ENTITIES, LOCALES, catalogKeys, reference, hasKey, translate, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { NAMED_COLLECTIONS, REF_FIELDS, docDisplayName, nameRefs, valueRefs, type DocLookup } from '../src/pages/conflicts/doc-names';
import { fieldLabel, fieldLabelKey, fieldShape, formatFieldValue, type FormatContext } from '../src/pages/conflicts/field-format';
import { reappliedDoc } from '../src/pages/conflicts/reapply';
import { openSyncDatabase, type SyncDatabase } from '../src/sync/database';
import { MAX_DISCARDED, Outbox, memoryStore, type DiscardedEdit } from '../src/sync/outbox';

const entities = ENTITIES as readonly EntityDef[];
const fieldsOf = (e: EntityDef) => Object.keys((e.schema as unknown as { shape: Record<string, unknown> }).shape);

const edit = (over: Partial<DiscardedEdit> = {}): DiscardedEdit => ({
  collection: 'missions',
  id: 'm1',
  conflictId: 'c1',
  rule: 'field-merge',
  fields: [{ field: 'title', kept: 'Admin', discarded: 'Mine' }],
  at: '2026-11-21T10:00:00.000Z',
  ...over,
});

describe('outbox: discarded values', () => {
  it('records a notice per document, joins a later one, and forgets it when dismissed', async () => {
    const outbox = new Outbox(memoryStore(), 'db');
    outbox.recordDiscarded([edit(), edit({ id: 'm2' }), edit({ id: 'm3', fields: [] })]);
    expect(outbox.discarded().map((d) => d.id)).toEqual(['m1', 'm2']);
    outbox.recordDiscarded([edit({ conflictId: 'c2', fields: [{ field: 'title', kept: 'Admin 2', discarded: 'Mine 2' }, { field: 'notes', kept: null, discarded: 'N' }] })]);
    const m1 = outbox.discarded().find((d) => d.id === 'm1')!;
    expect(m1.conflictId).toBe('c2');
    expect(m1.fields).toEqual([
      { field: 'title', kept: 'Admin 2', discarded: 'Mine 2' },
      { field: 'notes', kept: null, discarded: 'N' },
    ]);
    outbox.dismissDiscarded('missions', 'm1');
    expect(outbox.discarded().map((d) => d.id)).toEqual(['m2']);
  });

  it('is shared by the tabs of one database through the store, and a local write does not hide it', () => {
    const store = memoryStore();
    const leader = new Outbox(store, 'db');
    const follower = new Outbox(store, 'db');
    let heard = 0;
    leader.subscribe(() => heard++);
    leader.recordDiscarded([edit()]);
    leader.flush();
    expect(heard).toBe(1);
    expect(follower.discarded()).toHaveLength(1);
    follower.add('missions', 'm1', '2026-11-21T11:00:00.000Z');
    follower.flush();
    expect(leader.discarded()).toHaveLength(1);
    expect(leader.pendingCount()).toBe(1);
  });

  it('keeps the newest notices only, and reads a ledger of an older version', () => {
    const store = memoryStore();
    store.set('cc.outbox.db', JSON.stringify({ pending: {}, rejected: [] }));
    const outbox = new Outbox(store, 'db');
    expect(outbox.discarded()).toEqual([]);
    outbox.recordDiscarded(Array.from({ length: MAX_DISCARDED + 5 }, (_, i) => edit({ id: `m${i}` })));
    expect(outbox.discarded()).toHaveLength(MAX_DISCARDED);
    expect(outbox.discarded()[0]!.id).toBe('m5');
  });

  it('counts unsent writes and forgets everything when the store leaves the device', () => {
    const store = memoryStore();
    const outbox = new Outbox(store, 'db');
    outbox.add('missions', 'm1', '2026-11-21T10:00:00.000Z');
    outbox.reject([{ collection: 'projects', id: 'p1', code: 'FORBIDDEN', message: 'x', doc: { id: 'p1' } as SyncDoc, at: 'x' }]);
    outbox.recordDiscarded([edit()]);
    outbox.flush();
    expect(outbox.unsentCount()).toBe(2);
    outbox.forget();
    expect(store.get('cc.outbox.db')).toBeNull();
    expect(outbox.unsentCount()).toBe(0);
    expect(outbox.discarded()).toEqual([]);
  });
});

describe('field labels', () => {
  it('name every field of every registry entity in French and in English', () => {
    const missing = LOCALES.flatMap((locale) =>
      entities.flatMap((e) => fieldsOf(e).filter((f) => !hasKey(locale, fieldLabelKey(e.name, f))).map((f) => `${locale}: ${e.name}.${f}`)),
    );
    expect(missing).toEqual([]);
  });

  it('label no field the registry does not have', () => {
    const known = new Set(entities.flatMap((e) => fieldsOf(e).map((f) => `fields.${e.name}.${f}`)));
    expect(catalogKeys(CATALOGS.fr).filter((k) => k.startsWith('fields.') && !known.has(k))).toEqual([]);
  });

  it('show an unknown field as "another field", never its raw name', () => {
    expect(fieldLabel('fr', 'missions', 'title')).toBe('Titre');
    expect(fieldLabel('en', 'missions', 'title')).toBe('Title');
    expect(fieldLabel('fr', 'missions', 'futureField')).toBe(translate('fr', 'conflicts.otherField'));
  });

  it('read the kind of a field from the schema', () => {
    expect(fieldShape('missions', 'startAt')).toEqual({ kind: 'instant', optional: false, nullable: false });
    expect(fieldShape('missions', 'notes')).toEqual({ kind: 'text', optional: true, nullable: false });
    expect(fieldShape('missions', 'projectId')).toEqual({ kind: 'text', optional: false, nullable: true });
    expect(fieldShape('projects', 'startDate')).toMatchObject({ kind: 'date', nullable: true });
    expect(fieldShape('users', 'active').kind).toBe('boolean');
    expect(fieldShape('missions', 'needs').kind).toBe('list');
    expect(fieldShape('missions', 'status').kind).toBe('enum');
  });
});

const docs: Record<string, SyncDoc> = {
  'users/u1': { id: 'u1', updatedAt: 'x', firstName: 'Anna', lastName: 'Martin' },
  'missions/m1': { id: 'm1', updatedAt: 'x', title: 'Montage J1' },
  'reference/k1': { id: 'k1', updatedAt: 'x', name: 'Taux de remplissage' },
  'reference/v1': { id: 'v1', updatedAt: 'x', name: 'Grande salle' },
  'projects/p1': { id: 'p1', updatedAt: 'x', name: 'Festival' },
};
const lookup: DocLookup = (c, id) => docs[`${c}/${id}`];

describe('document names', () => {
  it('have one function per registry collection', () => {
    expect([...NAMED_COLLECTIONS].sort()).toEqual(entities.map((e) => e.name).sort());
    expect(Object.keys(REF_FIELDS).sort()).toEqual(entities.map((e) => e.name).sort());
  });

  it('name a document in words from the local documents', () => {
    expect(docDisplayName('missions', { title: 'Montage J1' }, 'fr')).toBe('Montage J1');
    expect(docDisplayName('projects', { name: 'Festival' }, 'fr')).toBe('Festival');
    expect(docDisplayName('users', { firstName: 'Anna', lastName: 'Martin' }, 'fr')).toBe('Anna Martin');
    expect(docDisplayName('reference', { name: 'Grande salle' }, 'fr')).toBe('Grande salle');
    expect(docDisplayName('action_plans', { title: 'Relancer' }, 'fr')).toBe('Relancer');
    expect(docDisplayName('assignments', { userId: 'u1', missionId: 'm1' }, 'fr', lookup)).toBe('Anna Martin - Montage J1');
    expect(docDisplayName('timesheets', { userId: 'u1', date: '2026-11-21' }, 'en', lookup)).toBe('Anna Martin - 21 Nov 2026');
    expect(docDisplayName('kpi_values', { kpiId: 'k1', periodStart: '2026-11-16' }, 'en', lookup)).toBe('Taux de remplissage - 16 Nov 2026');
    expect(nameRefs('assignments', { userId: 'u1', missionId: 'm1' })).toEqual([
      { collection: 'users', id: 'u1' },
      { collection: 'missions', id: 'm1' },
    ]);
  });

  it('answer null rather than an id when nothing names the document', () => {
    expect(docDisplayName('missions', undefined, 'fr')).toBeNull();
    expect(docDisplayName('missions', { id: '0190abcd-0000-7000-8000-000000000001', title: '' }, 'fr')).toBeNull();
    expect(docDisplayName('assignments', { userId: 'gone', missionId: 'gone' }, 'fr', lookup)).toBeNull();
  });
});

describe('values in words', () => {
  const ctx = (locale: 'fr' | 'en'): FormatContext => ({ locale, timeZone: 'Europe/Paris', lookup, accounts: new Map([['a1', 'Marc Durand']]) });
  const fmt = (c: string, f: string, v: unknown, locale: 'fr' | 'en' = 'en') => formatFieldValue(c, f, v, ctx(locale))?.replace(/\u202f|\u00a0/g, ' ');

  it("shows instants in the organisation's zone, dates, booleans and numbers the language's way", () => {
    expect(fmt('missions', 'startAt', '2026-11-21T08:00:00.000Z')).toBe('21 Nov 2026, 09:00');
    expect(fmt('missions', 'startAt', '2026-11-21T08:00:00.000Z', 'fr')).toBe('21 nov. 2026, 09:00');
    expect(fmt('projects', 'startDate', '2026-11-21')).toBe('21 Nov 2026');
    expect(fmt('users', 'active', true, 'fr')).toBe('Oui');
    expect(fmt('users', 'active', false)).toBe('No');
    expect(fmt('timesheets', 'breakMinutes', 30, 'fr')).toBe('30 min');
  });

  it('names enum values, referenced documents and accounts, and joins lists', () => {
    expect(fmt('missions', 'status', 'PUBLISHED', 'fr')).toBe(translate('fr', 'plan.missionStatuses.PUBLISHED'));
    expect(fmt('missions', 'projectId', 'p1')).toBe('Festival');
    expect(fmt('projects', 'venueIds', ['v1', 'missing'])).toBe(`Grande salle, ${translate('en', 'conflicts.unknownDoc')}`);
    expect(fmt('kpi_values', 'enteredByAccountId', 'a1')).toBe('Marc Durand');
    expect(fmt('users', 'tags', ['son', 'lumi\u00e8re'])).toBe('son, lumi\u00e8re');
    expect(fmt('missions', 'needs', [{ role: 'R\u00e9gie', count: 2, skills: [] }], 'fr')).toBe('R\u00e9gie \u00d7 2');
    expect(fmt('reference', 'kind', 'venue', 'fr')).toBe('Lieu');
    expect(reference.schema.shape.kind.options.every((k) => hasKey('en', `conflicts.referenceKinds.${k}`))).toBe(true);
    expect(valueRefs('projects', 'venueIds', ['v1', ''])).toEqual([{ collection: 'reference', id: 'v1' }]);
  });

  it('says empty and deleted values in words', () => {
    for (const v of [null, undefined, '', []]) expect(formatFieldValue('missions', 'notes', v, ctx('fr'))).toBeNull();
    expect(fmt('missions', 'title', '(deleted)', 'fr')).toBe('(supprim\u00e9)');
  });
});

describe('apply mine again', () => {
  const current = { id: 'm1', updatedAt: '2026-11-21T10:00:00.000Z', projectId: null, title: 'Admin', venueId: null, startAt: '2026-11-22T08:00:00.000Z', endAt: '2026-11-22T17:00:00.000Z', type: 'MONTAGE', status: 'DRAFT', needs: [], notes: 'Admin notes', teamId: null };
  const now = new Date('2026-11-21T12:00:00.000Z');

  it("writes the author's values over the current document, stamped now", () => {
    const res = reappliedDoc('missions', { ...current, _deleted: false }, [{ field: 'title', kept: 'Admin', discarded: 'Mine' }, { field: 'notes', kept: 'Admin notes', discarded: 'My notes' }], now);
    expect(res).toEqual({ ok: true, doc: { ...current, title: 'Mine', notes: 'My notes', updatedAt: now.toISOString() } });
  });

  it('removes an optional field and nulls a nullable one when the author had emptied it', () => {
    const res = reappliedDoc('missions', { ...current, projectId: 'p1' }, [{ field: 'notes', kept: 'Admin notes', discarded: null }, { field: 'projectId', kept: 'p1', discarded: null }], now);
    expect(res.ok && res.doc).toEqual({ ...current, notes: undefined, projectId: null, updatedAt: now.toISOString() });
    expect(res.ok && 'notes' in res.doc).toBe(false);
  });

  it('refuses when the document is gone or the result would not pass the schema', () => {
    expect(reappliedDoc('missions', undefined, [], now)).toEqual({ ok: false, reason: 'GONE' });
    expect(reappliedDoc('missions', { ...current, _deleted: true }, [], now)).toEqual({ ok: false, reason: 'GONE' });
    expect(reappliedDoc('missions', current, [{ field: 'title', kept: 'Admin', discarded: null }], now)).toEqual({ ok: false, reason: 'INVALID' });
  });

  describe('through the local store', () => {
    let db: SyncDatabase | undefined;
    afterAll(async () => {
      await db?.close();
    });

    it('is a new local write the outbox queues for the sync', async () => {
      const outbox = new Outbox(memoryStore(), 'reapply');
      db = await openSyncDatabase({ name: `reapply${Date.now()}`, storage: getRxStorageDexie() as never, local: { role: 'MANAGER', refused: new Set() }, outbox, multiInstance: false, only: ['missions'] });
      await db.collections.missions!.insert(current as never);
      outbox.ack('missions', [{ id: 'm1', updatedAt: current.updatedAt }]);
      outbox.recordDiscarded([edit({ fields: [{ field: 'title', kept: 'Admin', discarded: 'Mine' }] })]);
      expect(outbox.pendingCount()).toBe(0);

      const doc = await db.collections.missions!.findOne('m1').exec();
      await doc!.incrementalModify((data) => {
        const res = reappliedDoc('missions', data as SyncDoc, outbox.discarded()[0]!.fields, now);
        if (!res.ok) throw new Error(res.reason);
        return res.doc as SyncDoc;
      });
      outbox.dismissDiscarded('missions', 'm1');

      const stored = (await db.collections.missions!.findOne('m1').exec())!.toJSON() as SyncDoc;
      expect(stored).toMatchObject({ title: 'Mine', notes: 'Admin notes', updatedAt: now.toISOString() });
      expect(outbox.pendingIds('missions')).toEqual(['m1']);
      expect(outbox.discarded()).toEqual([]);
    });
  });
});
