import { ENTITIES, FACTS, holds, uuidv7, type Condition, type SyncDoc, type Viewer } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableSql } from '../../src/sync/scope-sql';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { TestDevice, assignment, mission, now, person, punch } from '../helpers/docs';
import { seeded } from '../helpers/random';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

function venue(name: string): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'venue', name, archived: false, data: {}, _deleted: false } as SyncDoc;
}

/** Nothing a caller may not read leaves the server, whatever carries it: pull, counts, push answers, the conflict log. */
describe.each(backends)('one read-scope decision on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let admin: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let techUser: SyncDoc;
  let other: SyncDoc;
  let draft: SyncDoc;

  beforeAll(async () => {
    // No job runner: a warehouse refresh writing slices between a count and a pull would make them differ.
    server = await startTestServer(backend, { jobRunner: false });
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    techUser = person({ accountId: await accountIdOf(tech), firstName: 'Theo', notes: 'HR: late twice' });
    other = person({ firstName: 'Olga', notes: 'HR: medical leave' });
    draft = mission({ title: 'Secret tour', notes: 'negotiation with the venue' });
    await create(manager, 'users', [techUser, other]);
    await create(manager, 'missions', [draft]);
  });
  afterAll(async () => server?.close());

  it('a push refused for scope answers the id and the code only, never the stored draft', async () => {
    const forged = { ...mission({ status: 'PUBLISHED', title: 'Mine' }), id: draft.id };
    const res = await push(tech, 'missions', [{ newDocumentState: forged }]);
    expect(res.rejected).toEqual([expect.objectContaining({ id: draft.id, code: 'FORBIDDEN' })]);
    const body = JSON.stringify(res);
    expect(body).not.toContain('Secret tour');
    expect(body).not.toContain('negotiation');
    expect(res.conflicts[0]).toMatchObject({ id: draft.id, title: 'Mine', _deleted: true });
    // The plain RxDB answer too.
    const plain = await tech.post('/api/v1/sync/missions/push', [{ newDocumentState: forged }]);
    expect(await plain.text()).not.toContain('Secret tour');
  });

  it("another person's timesheet id and a phone punch id pushed by a kiosk answer nothing of them", async () => {
    const sheet = { id: uuidv7(), updatedAt: now(), userId: other.id, missionId: null, date: '2026-06-10', type: 'OTHER', startAt: null, endAt: null, breakMinutes: 0, status: 'DRAFT', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0, nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], managerComment: 'warned for lateness', _deleted: false } as SyncDoc;
    await create(manager, 'timesheets', [sheet]);
    const res = await push(tech, 'timesheets', [{ assumedMasterState: { ...sheet, managerComment: undefined } as SyncDoc, newDocumentState: { ...sheet, managerComment: undefined, userId: techUser.id, status: 'CONFIRMED' } as SyncDoc }]);
    expect(res.rejected[0]?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toContain('warned for lateness');

    const v = venue('Salle kiosque');
    await create(manager, 'reference', [v]);
    const enrol = (await (await manager.post('/api/v1/timeclock/kiosks', { venueId: v.id, name: 'Borne' })).json()) as { token: string };
    const phone = punch(techUser.id);
    await create(tech, 'field_events', [phone]);
    const kiosk = new TestClient(server.url);
    const stolen = await kiosk.post('/api/v1/kiosk/sync/field_events/push?details=1', [{ newDocumentState: { ...phone, deviceId: 'kiosk-x' } }], { authorization: `Kiosk ${enrol.token}` });
    const body = (await stolen.json()) as { rejected: { code: string }[]; conflicts: SyncDoc[] };
    expect(body.rejected[0]?.code).toBe('FORBIDDEN');
    expect(body.conflicts[0]).toMatchObject({ id: phone.id, deviceId: 'kiosk-x', _deleted: true });
  });

  it('the conflict log a crew member pulls shows nothing of documents they may not read', async () => {
    const entries = [...(await serverDocs(tech, 'conflicts')).values()];
    expect(entries.length).toBeGreaterThan(0);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Secret tour');
    expect(text).not.toContain('warned for lateness');
    const onDraft = entries.find((e) => e.entityId === draft.id)!;
    expect(onDraft).toMatchObject({ code: 'FORBIDDEN', remote: null });
    // Managers still see the whole entry.
    const full = [...(await serverDocs(manager, 'conflicts')).values()].find((e) => e.id === onDraft.id)!;
    expect((full.remote as SyncDoc).title).toBe('Secret tour');
    // The API route answers the same.
    const api = (await (await tech.get('/api/v1/conflicts')).json()) as { conflicts: SyncDoc[] };
    expect(JSON.stringify(api)).not.toContain('Secret tour');
  });

  it('crew read names and contacts of people, never HR notes; planners do', async () => {
    const forTech = await serverDocs(tech, 'users');
    expect(forTech.get(other.id)).toMatchObject({ firstName: 'Olga' });
    expect(forTech.get(other.id)).not.toHaveProperty('notes');
    expect(forTech.get(techUser.id)).not.toHaveProperty('notes');
    expect((await serverDocs(manager, 'users')).get(other.id)?.notes).toBe('HR: medical leave');
    // A crew member's own contact edit keeps the notes they never saw.
    const mine = forTech.get(techUser.id)!;
    const res = await push(tech, 'users', [{ assumedMasterState: mine, newDocumentState: { ...mine, phone: '+33 6 00 00 00 00', updatedAt: now() } }]);
    expect(res.rejected).toEqual([]);
    expect(JSON.stringify(res)).not.toContain('HR:');
    const after = (await serverDocs(manager, 'users')).get(techUser.id)!;
    expect(after).toMatchObject({ phone: '+33 6 00 00 00 00', notes: 'HR: late twice' });
  });

  it('counts agree with what a pull delivers, for every role', async () => {
    for (const client of [admin, manager, tech]) {
      const { counts } = (await (await client.get('/api/v1/sync/counts')).json()) as { counts: Record<string, number> };
      for (const e of ENTITIES) {
        const live = [...(await serverDocs(client, e.name)).values()].filter((d) => !d._deleted).length;
        expect(counts[e.name], e.name).toBe(live);
      }
    }
  });

  it('a string "false" for _deleted is refused, never coerced into a deletion', async () => {
    const m = mission({ title: 'Still here' });
    await create(manager, 'missions', [m]);
    const res = await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: { ...m, _deleted: 'false' as unknown as boolean } }]);
    expect(res.rejected[0]).toMatchObject({ id: m.id, code: 'VALIDATION_FAILED' });
    expect((await serverDocs(manager, 'missions')).get(m.id)?._deleted).toBe(false);
  });

  it('field events are written under the author the server knows', async () => {
    const comment = { id: uuidv7(), updatedAt: now(), kind: 'COMMENT', userId: other.id, missionId: null, subjectId: null, at: now(), deviceId: null, payload: { text: 'written by Olga?' }, receivedAt: null, authorAccountId: 'someone-else', flags: [], clockSkewMs: null, _deleted: false } as SyncDoc;
    const res = await push(tech, 'field_events', [{ newDocumentState: comment }]);
    expect(res.rejected[0]?.code).toBe('FORBIDDEN');
    const own = { ...comment, id: uuidv7(), userId: techUser.id };
    expect((await push(tech, 'field_events', [{ newDocumentState: own }])).rejected).toEqual([]);
    const stored = (await serverDocs(manager, 'field_events')).get(own.id)!;
    expect(stored.authorAccountId).toBe(await accountIdOf(tech));
  });

  it('a kiosk punches only for people of its organisation on its roster (or flags, per setting)', async () => {
    const v = venue('Salle roster');
    await create(manager, 'reference', [v]);
    const t = Date.now();
    const m = mission({ venueId: v.id, status: 'PUBLISHED', startAt: new Date(t - 3_600_000).toISOString(), endAt: new Date(t + 3_600_000).toISOString() });
    const onRoster = person({ firstName: 'Roster' });
    const offRoster = person({ firstName: 'Ailleurs' });
    await create(manager, 'missions', [m]);
    await create(manager, 'users', [onRoster, offRoster]);
    await create(manager, 'assignments', [assignment(m.id, onRoster.id)]);
    const foreign = person({ firstName: 'Autre org' });
    await create(regie, 'users', [foreign]);
    const { token, kiosk } = (await (await manager.post('/api/v1/timeclock/kiosks', { venueId: v.id, name: 'Borne roster' })).json()) as { token: string; kiosk: { id: string } };
    const device = new TestDevice(`kiosk-${kiosk.id}`);
    const send = async (userId: string) => {
      const res = await new TestClient(server.url).post('/api/v1/kiosk/sync/field_events/push?details=1', [{ newDocumentState: device.punch(userId, 'IN', {}, { source: 'KIOSK', method: 'PIN' }) }], { authorization: `Kiosk ${token}` });
      return (await res.json()) as { rejected: { code: string }[] };
    };
    expect((await send(onRoster.id)).rejected).toEqual([]);
    expect((await send(foreign.id)).rejected[0]?.code).toBe('UNKNOWN_PERSON');
    expect((await send(offRoster.id)).rejected[0]?.code).toBe('NOT_ON_ROSTER');
    expect((await admin.patch('/api/v1/org', { settings: { kioskRosterPolicy: 'FLAG' } })).status).toBe(200);
    expect((await send(offRoster.id)).rejected).toEqual([]);
    const flagged = [...(await serverDocs(manager, 'field_events')).values()].find((e) => e.userId === offRoster.id)!;
    expect(flagged.flags).toContain('OFF_ROSTER');
    expect([...(await serverDocs(regie, 'field_events')).values()].some((e) => e.userId === foreign.id)).toBe(false);
  });

  it('the author of a discarded edit is told which of their values were discarded, and the one kept', async () => {
    const m = mission({ title: 'Montage', notes: 'v1' });
    await create(manager, 'missions', [m]);
    const online = { ...m, title: 'Montage admin', notes: 'admin notes', updatedAt: new Date(Date.now() + 1000).toISOString() };
    expect((await push(admin, 'missions', [{ assumedMasterState: m, newDocumentState: online }])).rejected).toEqual([]);
    const offline = { ...m, title: 'Montage manager', notes: 'manager notes', venueId: null, updatedAt: now() };
    const res = await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: offline }]);
    expect(res.merged).toEqual([
      expect.objectContaining({
        id: m.id,
        rule: expect.any(String),
        conflictId: expect.any(String),
        fields: expect.arrayContaining([
          { field: 'title', kept: 'Montage admin', discarded: 'Montage manager' },
          { field: 'notes', kept: 'admin notes', discarded: 'manager notes' },
        ]),
      }),
    ]);
  });

  it('an app too old for the server is told to update (426), a plain client without version headers is served', async () => {
    const old = await tech.get('/api/v1/sync/missions/pull', { 'x-sync-protocol': '1' });
    expect(old.status).toBe(426);
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe('APP_UPDATE_REQUIRED');
    const schema = await tech.get('/api/v1/sync/field_events/pull', { 'x-schema-version': '0' });
    expect(schema.status).toBe(426);
    expect((await tech.get('/api/v1/sync/missions/pull', { 'x-sync-protocol': '2', 'x-schema-version': '0' })).status).toBe(200);
    expect((await tech.get('/api/v1/sync/missions/pull')).status).toBe(200);
  });

  it('read conditions compiled to SQL decide like the shared rule, on random documents and viewers', async () => {
    const rnd = seeded(4242);
    const { sql } = server.deps.db;
    const orgId = '__scope_compile_test__';
    const missionIds = ['m1', 'm2', 'm3'];
    const userIds = ['u1', 'u2'];
    // The fact's source rows, in a scratch org: u1 active on m1, cancelled on m2.
    await sql`insert into auth_organization (id, name, slug, "createdAt") values (${orgId}, 'scope', ${orgId}, now()) on conflict do nothing`;
    for (const [id, userId, missionId, status] of [['a1', 'u1', 'm1', 'ACCEPTED'], ['a2', 'u1', 'm2', 'CANCELLED'], ['a3', 'u2', 'm3', 'INVITED']] as const) {
      await sql`insert into assignments (org_id, id, seq, deleted, doc) values (${orgId}, ${id}, 1, false, ${sql.json({ id, userId, missionId, status } as never)}) on conflict do nothing`;
    }
    const facts = { assignedMissionIds: new Set(['m1']) };
    const conditions: Condition[] = ENTITIES.flatMap((e) => Object.values(e.read).filter((c): c is Condition => !!c));
    for (let i = 0; i < 300; i++) {
      const cond = rnd.pick(conditions);
      const viewer: Viewer = { role: rnd.pick(['ADMIN', 'MANAGER', 'TECH', 'KIOSK'] as const), accountId: rnd.pick(['acc1', 'acc2']), userId: rnd.pick([...userIds, null]), deviceId: rnd.pick(['dev1', null]) };
      const doc: SyncDoc = {
        id: rnd.pick(missionIds),
        status: rnd.pick(['PUBLISHED', 'DRAFT', 'ACTIVE', null]),
        kind: rnd.pick(['venue', 'kpi', 'COMMENT', 'PUNCH']),
        userId: rnd.pick([...userIds, null]),
        ownerUserId: rnd.pick(userIds),
        actorAccountIds: rnd.pick([['acc1'], ['acc2', 'acc1'], []]),
        deviceId: rnd.pick(['dev1', 'dev2']),
      };
      const viewerFacts = viewer.userId === 'u1' ? facts : viewer.userId === 'u2' ? { assignedMissionIds: new Set(['m3']) } : { assignedMissionIds: new Set<string>() };
      const expected = holds(cond, doc, viewer, viewerFacts);
      const [row] = await sql<{ ok: boolean }[]>`select ${readableSql(sql, cond, viewer, orgId, FACTS)} as ok from (select ${sql.json(doc as never)}::jsonb as doc) t`;
      expect(row?.ok, JSON.stringify({ cond, viewer, doc })).toBe(expected);
    }
  });
});
