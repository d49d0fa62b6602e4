import { uuidv7, windowRange, type SnapshotPage, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { assignment, mission, now, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
const DAY = '2026-12-02';
const RANGE = windowRange(DAY);

async function page(client: TestClient, collection: string, q: { checkpoint?: object; after?: string; limit?: number; part?: string; day?: string }): Promise<SnapshotPage> {
  const params = new URLSearchParams({ limit: String(q.limit ?? 2000), part: q.part ?? 'all', day: q.day ?? DAY });
  if (q.after) params.set('after', q.after);
  if (q.checkpoint) params.set('checkpoint', JSON.stringify(q.checkpoint));
  const res = await client.get(`/api/v1/sync/${collection}/snapshot?${params}`);
  if (res.status !== 200) throw new Error(`snapshot ${collection}: ${res.status} ${await res.text()}`);
  return (await res.json()) as SnapshotPage;
}

/** Every page of one snapshot part; `between` runs after each page (concurrent writers). */
async function snapshot(client: TestClient, collection: string, part = 'all', limit = 7, between?: (n: number) => Promise<void>): Promise<{ docs: SyncDoc[]; checkpoint: { seq: number; scope?: string }; pages: number }> {
  const docs: SyncDoc[] = [];
  let first = await page(client, collection, { part, limit });
  const checkpoint = first.checkpoint;
  let pages = 1;
  for (;;) {
    docs.push(...first.documents);
    for (const d of first.documents) expect(d._deleted).toBe(false);
    expect(first.checkpoint).toEqual(checkpoint);
    await between?.(pages);
    if (!first.next) return { docs, checkpoint, pages };
    first = await page(client, collection, { part, limit, after: first.next, checkpoint });
    pages += 1;
  }
}

/** The changes after `seq`, every page. */
async function pullFrom(client: TestClient, collection: string, checkpoint: object): Promise<SyncDoc[]> {
  const out: SyncDoc[] = [];
  let cp = checkpoint;
  for (;;) {
    const res = await client.get(`/api/v1/sync/${collection}/pull?limit=5&checkpoint=${encodeURIComponent(JSON.stringify(cp))}`);
    const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: object };
    out.push(...body.documents);
    if (body.documents.length < 5) return out;
    cp = body.checkpoint;
  }
}

const live = (m: Map<string, SyncDoc>) => new Map([...m].filter(([, d]) => !d._deleted));
const byId = (docs: SyncDoc[]) => new Map(docs.map((d) => [d.id, d]));

describe.each(backends)('first-sync snapshot on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let inWindow: SyncDoc[];
  let outside: SyncDoc[];

  beforeAll(async () => {
    server = await startTestServer(backend, { jobRunner: false });
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    inWindow = Array.from({ length: 12 }, (_, i) => mission({ title: `Window ${i}`, status: 'PUBLISHED', startAt: `2026-12-0${(i % 8) + 1}T08:00:00.000Z`, endAt: '2026-12-10T16:00:00.000Z' }));
    outside = Array.from({ length: 15 }, (_, i) => mission({ title: `History ${i}`, status: 'PUBLISHED', startAt: `2025-0${(i % 9) + 1}-03T08:00:00.000Z`, endAt: '2025-10-01T16:00:00.000Z' }));
    await create(manager, 'missions', [...inWindow, ...outside]);
    const gone = mission({ title: 'Deleted' });
    await create(manager, 'missions', [gone]);
    await push(manager, 'missions', [{ assumedMasterState: gone, newDocumentState: { ...gone, updatedAt: now(), _deleted: true } }]);
  });
  afterAll(async () => server?.close());

  it('pages by id hold every live document a pull holds, once, no tombstone, one checkpoint', async () => {
    const snap = await snapshot(manager, 'missions');
    expect(snap.pages).toBeGreaterThan(3);
    const expected = live(await serverDocs(manager, 'missions'));
    expect(snap.docs.length).toBe(expected.size);
    expect(byId(snap.docs)).toEqual(expected);
    expect(snap.checkpoint.scope).toBeTruthy();
  });

  it('the window part and the rest part are disjoint and make the whole', async () => {
    const win = await snapshot(manager, 'missions', 'window');
    const rest = await snapshot(manager, 'missions', 'rest');
    for (const d of win.docs) expect(String(d.startAt) >= RANGE.from && String(d.startAt) < RANGE.to).toBe(true);
    for (const d of rest.docs) expect(String(d.startAt) >= RANGE.from && String(d.startAt) < RANGE.to).toBe(false);
    const ids = new Set(win.docs.map((d) => d.id));
    for (const d of inWindow) expect(ids.has(d.id)).toBe(true);
    for (const d of rest.docs) expect(ids.has(d.id)).toBe(false);
    const all = live(await serverDocs(manager, 'missions'));
    expect(win.docs.length + rest.docs.length).toBe(all.size);
  });

  it('assignments follow the window of their missions', async () => {
    const crew = person({ firstName: 'Wanda' });
    await create(manager, 'users', [crew]);
    const near = assignment(inWindow[0]!.id, crew.id);
    const old = assignment(outside[0]!.id, crew.id);
    await create(manager, 'assignments', [near, old]);
    const win = await snapshot(manager, 'assignments', 'window');
    const rest = await snapshot(manager, 'assignments', 'rest');
    expect(win.docs.map((d) => d.id)).toContain(near.id);
    expect(win.docs.map((d) => d.id)).not.toContain(old.id);
    expect(rest.docs.map((d) => d.id)).toContain(old.id);
  });

  it("a crew member's snapshot carries exactly what their pull carries, fields included", async () => {
    const techUser = person({ accountId: await accountIdOf(tech), firstName: 'Theo', notes: 'HR: late twice' });
    await create(manager, 'users', [techUser]);
    const mine = mission({ title: 'Mine', status: 'PUBLISHED', notes: 'internal' });
    const secret = mission({ title: 'Secret tour', status: 'DRAFT' });
    await create(manager, 'missions', [mine, secret]);
    await create(manager, 'assignments', [assignment(mine.id, techUser.id)]);
    for (const collection of ['missions', 'assignments', 'users', 'reference', 'timesheets']) {
      const snap = await snapshot(tech, collection, 'all', 3);
      expect(byId(snap.docs)).toEqual(live(await serverDocs(tech, collection)));
    }
    const missions = await snapshot(tech, 'missions', 'window');
    expect(JSON.stringify(missions.docs)).not.toContain('Secret tour');
    const users = await snapshot(tech, 'users', 'all');
    expect(JSON.stringify(users.docs)).not.toContain('HR: late twice');
    // Another organisation sees none of it.
    const theirs = await snapshot(regie, 'missions', 'all', 500);
    expect(theirs.docs.some((d) => d.id === mine.id || d.id === inWindow[0]!.id)).toBe(false);
  });

  it('writes during the paging: the snapshot then the pull from its checkpoint end at the server state, no change skipped', async () => {
    const extra = Array.from({ length: 20 }, (_, i) => mission({ title: `Busy ${i}`, status: 'PUBLISHED' }));
    await create(manager, 'missions', extra);
    const touched: string[] = [];
    const snap = await snapshot(manager, 'missions', 'all', 6, async (n) => {
      // Between pages: edit a row already paged and one not yet paged, delete one, create one.
      const state = live(await serverDocs(manager, 'missions'));
      const docs = [...state.values()].sort((a, b) => a.id.localeCompare(b.id));
      const early = docs[n % docs.length]!;
      const late = docs[docs.length - 1 - n]!;
      const fresh = mission({ title: `Created during page ${n}` });
      await push(manager, 'missions', [
        { assumedMasterState: early, newDocumentState: { ...early, title: `${String(early.title).slice(0, 40)} e${n}`, updatedAt: now() } },
        { assumedMasterState: late, newDocumentState: { ...late, title: `${String(late.title).slice(0, 40)} l${n}`, updatedAt: now() } },
        { newDocumentState: fresh },
      ]);
      if (n === 2) {
        const victim = docs[Math.floor(docs.length / 2)]!;
        await push(manager, 'missions', [{ assumedMasterState: victim, newDocumentState: { ...victim, updatedAt: now(), _deleted: true } }]);
        touched.push(victim.id);
      }
      touched.push(early.id, late.id, fresh.id);
    });
    // The replica: the snapshot inserted, then the pull from the snapshot's checkpoint applied.
    const replica = byId(snap.docs);
    for (const d of await pullFrom(manager, 'missions', snap.checkpoint)) {
      if (d._deleted) replica.delete(d.id);
      else replica.set(d.id, d);
    }
    const truth = live(await serverDocs(manager, 'missions'));
    expect(replica).toEqual(truth);
    for (const id of touched) expect(replica.get(id)).toEqual(truth.get(id));
  });

  it('bad requests get a 4xx with a stable code', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/sync/missions/snapshot?part=everything', 400, 'VALIDATION_FAILED'],
      ['/api/v1/sync/missions/snapshot?day=2026-13-40', 400, 'VALIDATION_FAILED'],
      ['/api/v1/sync/missions/snapshot?limit=0', 400, 'VALIDATION_FAILED'],
      [`/api/v1/sync/missions/snapshot?after=${'x'.repeat(41)}`, 400, 'VALIDATION_FAILED'],
      ['/api/v1/sync/missions/snapshot?checkpoint=nope', 400, 'BAD_CHECKPOINT'],
      [`/api/v1/sync/missions/snapshot?checkpoint=${encodeURIComponent(JSON.stringify({ seq: Number.MAX_SAFE_INTEGER, scope: 'x' }))}`, 410, 'SCOPE_CHANGED'],
      ['/api/v1/sync/nothing/snapshot', 404, 'COLLECTION_UNKNOWN'],
    ];
    for (const [path, status, code] of cases) {
      const res = await manager.get(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const first = await page(manager, 'missions', { limit: 1 });
    const ahead = await manager.get(`/api/v1/sync/missions/snapshot?checkpoint=${encodeURIComponent(JSON.stringify({ ...first.checkpoint, seq: first.checkpoint.seq + 1000 }))}`);
    expect(ahead.status).toBe(400);
    // A checkpoint of the manager's scope is not the crew member's.
    const other = await tech.get(`/api/v1/sync/missions/snapshot?checkpoint=${encodeURIComponent(JSON.stringify(first.checkpoint))}`);
    expect(other.status).toBe(410);
    const anonymous = await new TestClient(server.url).get('/api/v1/sync/missions/snapshot');
    expect(anonymous.status).toBe(401);
    expect(uuidv7()).toBeTruthy();
  });
});
