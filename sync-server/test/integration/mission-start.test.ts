import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_MISSION_START, type SyncDoc } from '@coulisses/shared';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, now, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

/** Assignments pulled after a checkpoint (what a device holding the rest receives next). */
type Checkpoint = Record<string, unknown> | null;

/** Every page from the checkpoint to the end, as a replica at that checkpoint pulls them. */
async function pulledSince(client: TestClient, from: Checkpoint): Promise<{ docs: Map<string, SyncDoc>; checkpoint: Checkpoint }> {
  const docs = new Map<string, SyncDoc>();
  let checkpoint = from;
  for (;;) {
    const query = checkpoint ? `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}` : '';
    const res = await client.get(`/api/v1/sync/assignments/pull?limit=1000${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: Checkpoint };
    for (const d of body.documents) docs.set(d.id, d);
    checkpoint = body.checkpoint ?? checkpoint;
    if (body.documents.length < 1000) return { docs, checkpoint };
  }
}

const checkpointOf = async (client: TestClient) => (await pulledSince(client, null)).checkpoint;

/**
 * An assignment carries its mission's start (`missionStartAt`), the index a planner's week reads its assignments
 * by. The server decides it: from the stored mission, whatever a writer sends, and again on every assignment
 * of a mission that moves, whichever of the two a device pushes first.
 */
describe.each(backends)('an assignment carries its mission start on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let techUser: SyncDoc;
  let other: SyncDoc;
  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    techUser = person({ accountId: await accountIdOf(tech) });
    other = person();
    await create(manager, 'users', [techUser, other]);
  });
  afterAll(async () => server?.close());

  it('is set from the stored mission, whatever the writer sent', async () => {
    const m = mission({ startAt: '2026-03-29T00:30:00.000Z', endAt: '2026-03-29T04:00:00.000Z' });
    await create(manager, 'missions', [m]);
    const plain = assignment(m.id, techUser.id);
    const forged = assignment(m.id, other.id, { missionStartAt: '2031-01-01T00:00:00.000Z' });
    await create(manager, 'assignments', [plain, forged]);
    const stored = await serverDocs(manager, 'assignments');
    expect(stored.get(plain.id)?.missionStartAt).toBe(m.startAt);
    expect(stored.get(forged.id)?.missionStartAt).toBe(m.startAt);
  });

  it('follows the mission when it moves, and reaches the crew member as a new change', async () => {
    const m = mission({ status: 'PUBLISHED' });
    await create(manager, 'missions', [m]);
    const a = assignment(m.id, techUser.id);
    await create(manager, 'assignments', [a]);
    const techSeq = await checkpointOf(tech);
    const managerSeq = await checkpointOf(manager);
    const moved = { ...m, startAt: '2026-10-25T00:30:00.000Z', endAt: '2026-10-25T03:30:00.000Z', updatedAt: now() };
    const out = await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: moved }]);
    expect(out.rejected).toEqual([]);
    for (const [client, checkpoint] of [[tech, techSeq], [manager, managerSeq]] as const) {
      const next = await pulledSince(client, checkpoint);
      expect(next.docs.get(a.id)?.missionStartAt).toBe(moved.startAt);
      expect(next.docs.get(a.id)?.status).toBe('INVITED');
    }
  });

  it('a batch of moved missions moves each one\'s assignments to its own start', async () => {
    const ms = Array.from({ length: 30 }, (_, i) => mission({ startAt: `2026-05-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`, endAt: `2026-05-${String(i + 1).padStart(2, '0')}T12:00:00.000Z` }));
    await create(manager, 'missions', ms);
    const as = ms.flatMap((m) => [assignment(m.id, techUser.id), assignment(m.id, other.id)]);
    await create(manager, 'assignments', as);
    const moved = ms.map((m, i) => ({ ...m, startAt: `2026-06-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`, endAt: `2026-06-${String(i + 1).padStart(2, '0')}T13:00:00.000Z`, updatedAt: now() }));
    // Every other mission moves; the others are written again unchanged in start (their title changes).
    const rows = ms.map((m, i) => ({ assumedMasterState: m, newDocumentState: i % 2 === 0 ? moved[i]! : { ...m, title: 'Raccord', updatedAt: now() } }));
    const out = await push(manager, 'missions', rows);
    expect(out.rejected).toEqual([]);
    expect(out.conflicts).toEqual([]);
    const stored = await serverDocs(manager, 'assignments');
    ms.forEach((m, i) => {
      const want = i % 2 === 0 ? moved[i]!.startAt : m.startAt;
      for (const a of as.filter((x) => x.missionId === m.id)) expect(stored.get(a.id)?.missionStartAt).toBe(want);
    });
  });

  it('assignments pushed before their mission get its start when the mission arrives', async () => {
    const m = mission({ startAt: '2026-11-02T22:30:00.000Z', endAt: '2026-11-03T02:00:00.000Z' });
    const early = assignment(m.id, other.id);
    expect((await push(manager, 'assignments', [{ newDocumentState: early }])).rejected).toEqual([]);
    expect((await serverDocs(manager, 'assignments')).get(early.id)?.missionStartAt).toBe(NO_MISSION_START);
    await create(manager, 'missions', [m]);
    expect((await serverDocs(manager, 'assignments')).get(early.id)?.missionStartAt).toBe(m.startAt);
  });

  it('a crew answer holding a stale copy is taken, and the copy stays the server\'s', async () => {
    const m = mission({ status: 'PUBLISHED' });
    await create(manager, 'missions', [m]);
    const a = assignment(m.id, techUser.id);
    await create(manager, 'assignments', [a]);
    const seen = (await serverDocs(tech, 'assignments')).get(a.id)!;
    const moved = { ...m, startAt: '2026-12-24T18:00:00.000Z', endAt: '2026-12-24T23:00:00.000Z', updatedAt: now() };
    await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: moved }]);
    // The crew member answers from the state they pulled before the move (their copy of the start is stale).
    const answer = { ...seen, status: 'ACCEPTED', statusChangedAt: now(), statusChangedBy: 'CREW', updatedAt: now(), missionStartAt: '2020-01-01T00:00:00.000Z' };
    const out = await push(tech, 'assignments', [{ assumedMasterState: seen, newDocumentState: answer }]);
    expect(out.rejected).toEqual([]);
    const stored = (await serverDocs(manager, 'assignments')).get(a.id)!;
    expect(stored.status).toBe('ACCEPTED');
    expect(stored.missionStartAt).toBe(moved.startAt);
  });

  it("another organisation's mission gives nothing away: its start is never copied, and moving it moves nothing here", async () => {
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    const me = (await (await admin.get('/api/v1/me')).json()) as { orgs: { id: string; slug: string }[] };
    const orgB = me.orgs.find((o) => o.slug === 'nuits-blanches')?.id;
    expect(orgB).toBeTruthy();
    expect((await admin.put('/api/v1/me/active-org', { orgId: orgB })).status).toBeLessThan(300);
    const theirs = mission({ startAt: '2026-09-01T18:00:00.000Z', endAt: '2026-09-01T23:00:00.000Z' });
    await create(admin, 'missions', [theirs]);
    // A manager of the first organisation names that mission in an assignment of their own.
    const probe = assignment(theirs.id, other.id);
    expect((await push(manager, 'assignments', [{ newDocumentState: probe }])).rejected).toEqual([]);
    expect((await serverDocs(manager, 'assignments')).get(probe.id)?.missionStartAt).toBe(NO_MISSION_START);
    const moved = { ...theirs, startAt: '2026-09-02T18:00:00.000Z', endAt: '2026-09-02T23:00:00.000Z', updatedAt: now() };
    expect((await push(admin, 'missions', [{ assumedMasterState: theirs, newDocumentState: moved }])).rejected).toEqual([]);
    expect((await serverDocs(manager, 'assignments')).get(probe.id)?.missionStartAt).toBe(NO_MISSION_START);
  });

  it('a deleted mission leaves its assignments where they were; a new one on it is before any mission', async () => {
    const m = mission({ startAt: '2026-07-14T20:00:00.000Z', endAt: '2026-07-14T23:59:00.000Z' });
    await create(manager, 'missions', [m]);
    const a = assignment(m.id, other.id);
    await create(manager, 'assignments', [a]);
    await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: { ...m, _deleted: true, updatedAt: now() } }]);
    const late = assignment(m.id, techUser.id);
    await push(manager, 'assignments', [{ newDocumentState: late }]);
    const stored = await serverDocs(manager, 'assignments');
    expect(stored.get(a.id)?.missionStartAt).toBe(m.startAt);
    expect(stored.get(late.id)?.missionStartAt ?? NO_MISSION_START).toBe(NO_MISSION_START);
  });
});
