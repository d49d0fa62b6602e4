import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, withDefaults, type SyncDoc } from '@coulisses/shared';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

describe.each(backends)('planning rules the server enforces on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let techUser: SyncDoc;
  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    const techAccount = await accountIdOf(tech);
    techUser = person({ accountId: techAccount });
    await create(manager, 'users', [techUser]);
  });
  afterAll(async () => server?.close());

  it('exposes the organisation settings in /me and lets an ADMIN change them', async () => {
    const me = (await (await manager.get('/api/v1/me')).json()) as { activeOrg: { settings: Record<string, unknown> } };
    expect(me.activeOrg.settings).toEqual(withDefaults({ convention: 'LIVE_PERFORMANCE', agreementDaily12h: false, overlapPolicy: 'WARN', availabilityApproval: true }));
    expect(me.activeOrg.settings).toMatchObject({ roundingMinutes: 5, nightProfile: 'LIVE_PERFORMANCE' });
    expect((await manager.patch('/api/v1/org', { settings: { overlapPolicy: 'REFUSE' } })).status).toBe(403);
    const bad = await admin.patch('/api/v1/org', { settings: { overlapPolicy: 'MAYBE' } });
    expect(bad.status).toBe(400);
  });

  it('one active assignment per mission and person', async () => {
    const m = mission();
    await create(manager, 'missions', [m]);
    await create(manager, 'assignments', [assignment(m.id, techUser.id)]);
    const second = await push(manager, 'assignments', [{ newDocumentState: assignment(m.id, techUser.id) }]);
    expect(second.rejected[0]?.code).toBe('DUPLICATE_ASSIGNMENT');
  });

  it('a batch mixing valid, duplicate, invalid, hostile and freed rows is answered row by row', async () => {
    const [m1, m2, m3] = [mission(), mission(), mission()];
    await create(manager, 'missions', [m1, m2, m3]);
    const held = assignment(m3.id, techUser.id);
    await create(manager, 'assignments', [held]);
    const first = assignment(m1.id, techUser.id);
    const twin = assignment(m1.id, techUser.id);
    const invalid = assignment(m2.id, techUser.id, { status: 'MAYBE' });
    const hostile = assignment(m2.id, techUser.id, { note: 'a\u0000b' });
    const cancel = { ...held, status: 'CANCELLED', updatedAt: new Date().toISOString() };
    // The assignment on m3 is cancelled earlier in the same batch: a new one on m3 is then the only active one.
    const again = assignment(m3.id, techUser.id);
    const secondTwin = assignment(m3.id, techUser.id);
    const out = await push(manager, 'assignments', [
      { newDocumentState: first },
      { newDocumentState: twin },
      { newDocumentState: invalid },
      { newDocumentState: hostile },
      { assumedMasterState: held, newDocumentState: cancel },
      { newDocumentState: again },
      { newDocumentState: secondTwin },
    ]);
    expect(out.rejected.map((r) => [r.id, r.code])).toEqual([
      [twin.id, 'DUPLICATE_ASSIGNMENT'],
      [invalid.id, 'VALIDATION_FAILED'],
      [hostile.id, 'VALIDATION_FAILED'],
      [secondTwin.id, 'DUPLICATE_ASSIGNMENT'],
    ]);
    expect(out.written).toBe(3);
    const stored = await serverDocs(manager, 'assignments');
    expect([first, again].map((a) => stored.get(a.id)?.status)).toEqual(['INVITED', 'INVITED']);
    expect(stored.get(held.id)?.status).toBe('CANCELLED');
    expect([twin, invalid, hostile, secondTwin].map((a) => stored.has(a.id))).toEqual([false, false, false, false]);
  });

  it('an overlapping assignment is accepted with WARN and refused with REFUSE', async () => {
    const a = mission({ startAt: '2026-12-05T08:00:00.000Z', endAt: '2026-12-05T12:00:00.000Z' });
    const b = mission({ startAt: '2026-12-05T11:00:00.000Z', endAt: '2026-12-05T15:00:00.000Z' });
    const c = mission({ startAt: '2026-12-05T11:30:00.000Z', endAt: '2026-12-05T13:00:00.000Z' });
    await create(manager, 'missions', [a, b, c]);
    await create(manager, 'assignments', [assignment(a.id, techUser.id)]);
    expect((await push(manager, 'assignments', [{ newDocumentState: assignment(b.id, techUser.id) }])).rejected).toEqual([]);
    expect((await admin.patch('/api/v1/org', { settings: { overlapPolicy: 'REFUSE' } })).status).toBe(200);
    const refused = await push(manager, 'assignments', [{ newDocumentState: assignment(c.id, techUser.id) }]);
    expect(refused.rejected[0]?.code).toBe('OVERLAP');
    await admin.patch('/api/v1/org', { settings: { overlapPolicy: 'WARN' } });
  });

  it('a crew availability waits for approval, and stands at once when the organisation asks none', async () => {
    const window = (fields: Partial<SyncDoc> = {}) => ({ id: uuidv7(), updatedAt: new Date().toISOString(), userId: techUser.id, kind: 'UNAVAILABLE', startAt: '2026-12-10T08:00:00.000Z', endAt: '2026-12-10T18:00:00.000Z', weeklyUntil: null, status: 'PENDING', _deleted: false, ...fields }) as SyncDoc;
    const pending = window();
    expect((await push(tech, 'availabilities', [{ newDocumentState: pending }])).rejected).toEqual([]);
    expect((await serverDocs(manager, 'availabilities')).get(pending.id)?.status).toBe('PENDING');
    const approved = { ...pending, status: 'APPROVED', updatedAt: new Date().toISOString() };
    expect((await push(manager, 'availabilities', [{ assumedMasterState: pending, newDocumentState: approved }])).rejected).toEqual([]);
    // The crew member moves the window: it needs approval again.
    const moved = { ...approved, endAt: '2026-12-10T20:00:00.000Z', updatedAt: new Date().toISOString() };
    expect((await push(tech, 'availabilities', [{ assumedMasterState: approved, newDocumentState: moved }])).rejected).toEqual([]);
    expect((await serverDocs(manager, 'availabilities')).get(pending.id)?.status).toBe('PENDING');
    expect((await push(tech, 'availabilities', [{ newDocumentState: window({ status: 'APPROVED' }) }])).rejected[0]?.code).toBe('APPROVAL_REQUIRED');

    await admin.patch('/api/v1/org', { settings: { availabilityApproval: false } });
    const direct = window({ startAt: '2026-12-11T08:00:00.000Z', endAt: '2026-12-11T18:00:00.000Z' });
    await push(tech, 'availabilities', [{ newDocumentState: direct }]);
    expect((await serverDocs(manager, 'availabilities')).get(direct.id)?.status).toBe('APPROVED');
    await admin.patch('/api/v1/org', { settings: { availabilityApproval: true } });
    const audit = await server.deps.db.sql`select action from audit_log where entity = 'availabilities' and entity_id = ${pending.id} order by id`;
    expect(audit.map((r) => r.action)).toEqual(['availabilities.created', 'availabilities.changed', 'availabilities.changed']);
  });
});

describe.each(backends)('planning conflicts through the API on %s', (backend) => {
  it('lists the same conflicts the shared rules find: an overlap and a short rest', async () => {
    const server = await startTestServer(backend);
    try {
      const manager = await signedIn(server.url, 'manager@coulisses.demo');
      const who = person();
      const day1 = mission({ startAt: '2026-12-14T13:00:00.000Z', endAt: '2026-12-14T22:00:00.000Z' });
      const day2 = mission({ startAt: '2026-12-15T05:00:00.000Z', endAt: '2026-12-15T09:00:00.000Z' });
      const clash = mission({ startAt: '2026-12-15T08:00:00.000Z', endAt: '2026-12-15T10:00:00.000Z' });
      await create(manager, 'users', [who]);
      await create(manager, 'missions', [day1, day2, clash]);
      await create(manager, 'assignments', [assignment(day1.id, who.id), assignment(day2.id, who.id), assignment(clash.id, who.id)]);
      const res = await manager.get('/api/v1/planning/conflicts?from=2026-12-14T00:00:00.000Z&to=2026-12-21T00:00:00.000Z');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { profile: string; conflicts: { kind: string; hours?: number }[] };
      expect(body.profile).toBe('LIVE_PERFORMANCE');
      expect(body.conflicts.map((k) => k.kind).sort()).toEqual(['OVERLAP', 'REST']);
      expect((await manager.get('/api/v1/planning/conflicts?from=bad&to=2026-12-21T00:00:00.000Z')).status).toBe(400);
      const tech = await signedIn(server.url, 'tech@coulisses.demo');
      expect((await tech.get('/api/v1/planning/conflicts?from=2026-12-14T00:00:00.000Z&to=2026-12-21T00:00:00.000Z')).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe.each(backends)('linking a person to an account on %s', (backend) => {
  it('delivers the assignments made before the link, and refuses a second link of the same account', async () => {
    const server = await startTestServer(backend);
    try {
      const manager = await signedIn(server.url, 'manager@coulisses.demo');
      const tech = await signedIn(server.url, 'tech@coulisses.demo');
      const techAccount = await accountIdOf(tech);
      const who = person();
      const m = mission({ title: 'Brouillon avant le lien' });
      await create(manager, 'users', [who]);
      await create(manager, 'missions', [m]);
      await create(manager, 'assignments', [assignment(m.id, who.id)]);
      const res = await tech.get('/api/v1/sync/assignments/pull');
      const checkpoint = ((await res.json()) as { checkpoint: { seq: number } }).checkpoint;
      await push(manager, 'users', [{ assumedMasterState: who, newDocumentState: { ...who, accountId: techAccount, updatedAt: new Date().toISOString() } }]);
      // The link changes what the account may read: its old checkpoint is refused (410 SCOPE_CHANGED) and the
      // collection starts again from zero, with the assignments and missions made before the link.
      const stale = await tech.get(`/api/v1/sync/assignments/pull?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`);
      expect(stale.status).toBe(410);
      expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('SCOPE_CHANGED');
      const after = (await (await tech.get('/api/v1/sync/assignments/pull')).json()) as { documents: SyncDoc[] };
      expect(after.documents.map((d) => d.missionId)).toEqual([m.id]);
      const missions = (await (await tech.get('/api/v1/sync/missions/pull')).json()) as { documents: SyncDoc[] };
      expect(missions.documents.map((d) => d.id)).toContain(m.id);
      const twin = await push(manager, 'users', [{ newDocumentState: person({ accountId: techAccount }) }]);
      expect(twin.rejected[0]?.code).toBe('ACCOUNT_ALREADY_LINKED');
    } finally {
      await server.close();
    }
  });
});
