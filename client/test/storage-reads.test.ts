import 'fake-indexeddb/auto';
import { assignments, mulberry32, toRxJsonSchema, type SyncDoc } from '@coulisses/shared';
import { createRxDatabase, type MangoQuery, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRangeReads } from '../src/sync/storage-reads';

/**
 * Range reads in one IndexedDB request answer every query exactly as RxDB's own Dexie storage does (the cursor):
 * the same documents in the same order, for random ranges, filters, sorts, skips and limits over random documents,
 * deleted ones among them.
 */
const random = mulberry32(20261206);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const STARTS = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 2, 20 + i, (i * 7) % 24)).toISOString());
const MISSIONS = Array.from({ length: 25 }, (_, i) => `m${String(i).padStart(2, '0')}`);
const STATUSES = ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const;

function doc(i: number): SyncDoc {
  const at = pick(STARTS);
  return {
    id: `a${String(i).padStart(4, '0')}`, updatedAt: at, missionId: pick(MISSIONS), userId: `u${Math.floor(random() * 30)}`, status: pick(STATUSES),
    statusChangedAt: pick(STARTS), statusChangedBy: 'MANAGER', missionStartAt: at,
  } as SyncDoc;
}

function query(): MangoQuery<SyncDoc> {
  const selector: Record<string, unknown> = {};
  const kind = Math.floor(random() * 5);
  const [a, b] = [pick(STARTS), pick(STARTS)].sort();
  if (kind === 0) selector.missionStartAt = { $gte: a, $lt: b };
  if (kind === 1) selector.missionId = pick(MISSIONS);
  if (kind === 2) selector.missionId = { $in: [pick(MISSIONS), pick(MISSIONS), pick(MISSIONS)] };
  if (kind === 3) Object.assign(selector, { missionStartAt: { $gt: a }, status: { $in: ['INVITED', 'ACCEPTED'] } });
  if (random() < 0.3) selector.userId = { $ne: `u${Math.floor(random() * 30)}` };
  const q: MangoQuery<SyncDoc> = { selector };
  const sort = Math.floor(random() * 4);
  if (sort === 1) q.sort = [{ missionStartAt: 'asc' }];
  if (sort === 2) q.sort = [{ statusChangedAt: 'desc' }];
  if (sort === 3) q.sort = [{ missionId: 'asc' }, { userId: 'desc' }];
  if (random() < 0.3) q.skip = Math.floor(random() * 20);
  if (random() < 0.4) q.limit = 1 + Math.floor(random() * 30);
  return q;
}

async function open(name: string, storage: RxStorage<unknown, unknown>): Promise<[RxDatabase, RxCollection<SyncDoc>]> {
  const db = await createRxDatabase({ name, storage, multiInstance: false, allowSlowCount: true });
  await db.addCollections({ assignments: { schema: { ...toRxJsonSchema(assignments), version: 0 } as unknown as RxJsonSchema<SyncDoc> } });
  return [db, db.collections['assignments'] as RxCollection<SyncDoc>];
}

describe('range reads answer like the cursor', () => {
  const dbs: RxDatabase[] = [];
  let plain: RxCollection<SyncDoc>;
  let fast: RxCollection<SyncDoc>;
  beforeAll(async () => {
    const suffix = Date.now();
    const [d1, c1] = await open(`plain${suffix}`, getRxStorageDexie() as never);
    const [d2, c2] = await open(`fast${suffix}`, withRangeReads(getRxStorageDexie() as never));
    dbs.push(d1, d2);
    [plain, fast] = [c1, c2];
    const docs = Array.from({ length: 600 }, (_, i) => doc(i));
    for (const c of [plain, fast]) {
      await c.bulkInsert(docs as never);
      // Some deleted: never returned by either.
      await c.bulkRemove(docs.filter((_, i) => i % 11 === 0).map((d) => d.id));
    }
  }, 60_000);
  afterAll(async () => {
    for (const d of dbs) await d.remove();
  });

  it('300 random queries: the same documents in the same order', async () => {
    for (let i = 0; i < 300; i++) {
      const q = query();
      const want = (await plain.find(q).exec()).map((d) => d.toJSON());
      const got = (await fast.find(q).exec()).map((d) => d.toJSON());
      expect(got, JSON.stringify(q)).toEqual(want);
    }
  }, 60_000);

  it('counts and single reads agree too', async () => {
    for (let i = 0; i < 50; i++) {
      const q = query();
      const { selector } = q;
      expect(await fast.count({ selector }).exec()).toBe(await plain.count({ selector }).exec());
      expect((await fast.findOne({ selector, sort: q.sort }).exec())?.toJSON()).toEqual((await plain.findOne({ selector, sort: q.sort }).exec())?.toJSON());
    }
  }, 60_000);
});
