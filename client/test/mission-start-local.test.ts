import 'fake-indexeddb/auto';
import { NO_MISSION_START, type SyncDoc } from '@coulisses/shared';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newAssignment } from '../src/data/planning/assignment-writes';
import { openSyncDatabase, type SyncDatabase } from '../src/sync/database';
import { Outbox, memoryStore } from '../src/sync/outbox';

const mission = (id: string, startAt: string, endAt: string): SyncDoc =>
  ({ id, updatedAt: '2026-12-01T10:00:00.000Z', projectId: null, title: 'Montage', venueId: null, startAt, endAt, type: 'MONTAGE', status: 'DRAFT', needs: [], teamId: null }) as SyncDoc;

/**
 * The device keeps each assignment's copy of its mission's start (the index the planner's weeks read by) while it
 * is offline: a new assignment takes its local mission's start, a moved mission moves its assignments along.
 */
describe('assignments carry their mission start on the device', () => {
  let db: SyncDatabase | undefined;
  let outbox: Outbox;
  afterEach(async () => {
    await db?.remove();
    db = undefined;
  });

  async function open(): Promise<SyncDatabase> {
    outbox = new Outbox(memoryStore(), 'ms');
    db = await openSyncDatabase({ name: `ms${Date.now()}${Math.floor(Math.random() * 1e6)}`, storage: getRxStorageDexie() as never, local: { role: 'MANAGER', refused: new Set() }, outbox, multiInstance: false, only: ['missions', 'assignments'] });
    return db;
  }

  const inRange = async (d: SyncDatabase, from: string, to: string) =>
    (await d.collections.assignments!.find({ selector: { missionStartAt: { $gte: from, $lt: to } } }).exec()).map((x) => x.id).sort();

  it('a new assignment takes its mission start; one on an unknown mission is before any mission', async () => {
    const d = await open();
    // The night of the change to summer time in Paris: the copy is the mission's UTC instant, unchanged.
    await d.collections.missions!.insert(mission('m1', '2026-03-29T00:30:00.000Z', '2026-03-29T04:00:00.000Z') as never);
    const a = newAssignment('m1', 'u1', null, new Date('2026-03-20T10:00:00.000Z'));
    const b = newAssignment('m-unknown', 'u1', null, new Date('2026-03-20T10:00:00.000Z'));
    await d.collections.assignments!.bulkInsert([a, b] as never);
    expect((await d.collections.assignments!.findOne(a.id).exec())?.get('missionStartAt')).toBe('2026-03-29T00:30:00.000Z');
    expect((await d.collections.assignments!.findOne(b.id).exec())?.get('missionStartAt')).toBe(NO_MISSION_START);
    expect(outbox.pendingIds('assignments').sort()).toEqual([a.id, b.id].sort());
  });

  it('a mission moved on the device moves its assignments to the new week, and they are pushed', async () => {
    const d = await open();
    await d.collections.missions!.insert(mission('m1', '2026-10-20T18:00:00.000Z', '2026-10-20T23:00:00.000Z') as never);
    await d.collections.missions!.insert(mission('m2', '2026-10-21T18:00:00.000Z', '2026-10-21T23:00:00.000Z') as never);
    const a = newAssignment('m1', 'u1', null);
    const b = newAssignment('m1', 'u2', null);
    const c = newAssignment('m2', 'u1', null);
    await d.collections.assignments!.bulkInsert([a, b, c] as never);
    expect(await inRange(d, '2026-10-19T00:00:00.000Z', '2026-10-26T00:00:00.000Z')).toEqual([a.id, b.id, c.id].sort());
    // Moved across the change to winter time, into the next week.
    await (await d.collections.missions!.findOne('m1').exec())!.incrementalPatch({ startAt: '2026-10-26T07:00:00.000Z', endAt: '2026-10-26T12:00:00.000Z' });
    // RxDB runs the hook after the write settles (its incremental writes do not wait for post hooks).
    await vi.waitFor(async () => expect(await inRange(d, '2026-10-19T00:00:00.000Z', '2026-10-26T00:00:00.000Z')).toEqual([c.id]));
    expect(await inRange(d, '2026-10-26T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toEqual([a.id, b.id].sort());
    await vi.waitFor(() => expect(outbox.pendingIds('assignments').sort()).toEqual([a.id, b.id, c.id].sort()));
    // A change that keeps the start (the title) leaves the assignments as they are.
    await (await d.collections.missions!.findOne('m2').exec())!.incrementalPatch({ title: 'Raccord' });
    expect((await d.collections.assignments!.findOne(c.id).exec())?.get('missionStartAt')).toBe('2026-10-21T18:00:00.000Z');
  });
});
