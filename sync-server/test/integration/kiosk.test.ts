import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { TestDevice, assignment, mission, now, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();
// The shared test machine is slow: starting a server (migrations, demo seed) can take minutes under load.
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 });

/** What the kiosk computes in the browser: PBKDF2-SHA256 with crypto.subtle, 256 bits, hex. */
async function deriveForTest(pin: string, saltHex: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const salt = Uint8Array.from(saltHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return [...new Uint8Array(bits)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Roster {
  date: string;
  zone: string;
  venue: { id: string; name: string };
  people: { userId: string; firstName: string; pin: { salt: string; hash: string; iterations: number; lockedAt: string | null } | null; qrHash: string | null; missions: { id: string }[]; lastPunch: { punchType: string } | null }[];
}

function venue(name: string): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'venue', name, archived: false, data: {}, _deleted: false } as SyncDoc;
}

/** A mission at the venue running now (started an hour ago). */
function missionNow(venueId: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  const t = Date.now();
  return mission({ venueId, status: 'PUBLISHED', startAt: new Date(t - 3_600_000).toISOString(), endAt: new Date(t + 4 * 3_600_000).toISOString(), ...fields });
}

describe.each(backends)('kiosks and PINs on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;

  const kioskGet = (token: string, path: string) => new TestClient(server.url).get(path, { authorization: `Kiosk ${token}` });
  const kioskPost = (token: string, path: string, body: unknown) => new TestClient(server.url).post(path, body, { authorization: `Kiosk ${token}` });

  async function enrol(client: TestClient, venueId: string, name = 'Borne accueil'): Promise<{ id: string; token: string; enrolUrl: string }> {
    const res = await client.post('/api/v1/timeclock/kiosks', { venueId, name });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { kiosk: { id: string }; token: string; enrolUrl: string };
    return { id: body.kiosk.id, token: body.token, enrolUrl: body.enrolUrl };
  }

  /** A venue, a mission there now, and `n` people assigned to it. */
  async function scene(client: TestClient, n = 2) {
    const v = venue(`Salle ${uuidv7().slice(-6)}`);
    await create(client, 'reference', [v]);
    const m = missionNow(v.id);
    await create(client, 'missions', [m]);
    const people = Array.from({ length: n }, (_, i) => person({ firstName: `Kiosque${i}`, lastName: 'Test' }));
    await create(client, 'users', people);
    await create(client, 'assignments', people.map((p) => assignment(m.id, p.id)));
    return { venue: v, mission: m, people };
  }

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
  });
  afterAll(async () => server?.close());

  it('enrols a kiosk whose roster shows today\'s people at its venue with their PIN verifiers, nothing of another venue or org; audited', async () => {
    const here = await scene(manager, 2);
    const elsewhere = await scene(manager, 1);
    const otherOrg = await scene(regie, 1);
    const cancelled = person({ firstName: 'Annule' });
    await create(manager, 'users', [cancelled]);
    const cm = missionNow(here.venue.id, { status: 'CANCELLED' });
    await create(manager, 'missions', [cm]);
    await create(manager, 'assignments', [assignment(cm.id, cancelled.id)]);
    const tomorrow = person({ firstName: 'Demain' });
    await create(manager, 'users', [tomorrow]);
    const tm = missionNow(here.venue.id, { startAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), endAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString() });
    await create(manager, 'missions', [tm]);
    await create(manager, 'assignments', [assignment(tm.id, tomorrow.id)]);

    expect((await manager.put(`/api/v1/timeclock/pins/${here.people[0]!.id}`, { pin: '4821' })).status).toBe(204);
    const kiosk = await enrol(manager, here.venue.id);
    expect(kiosk.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(kiosk.enrolUrl).toMatch(new RegExp(`/kiosk#enrol=${kiosk.token}$`));
    const stored = await server.deps.db.sql`select token_hash from kiosks where id = ${kiosk.id}`;
    expect(stored[0]!.token_hash).not.toContain(kiosk.token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const me = await kioskGet(kiosk.token, '/api/v1/kiosk/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kiosk: { id: kiosk.id, venueId: here.venue.id, deviceId: `kiosk-${kiosk.id}` }, org: { timezone: 'Europe/Paris' } });

    const res = await kioskGet(kiosk.token, '/api/v1/kiosk/roster');
    expect(res.status).toBe(200);
    const roster = (await res.json()) as Roster;
    expect(roster.zone).toBe('Europe/Paris');
    expect(roster.venue).toMatchObject({ id: here.venue.id, name: here.venue.name });
    expect(roster.people.map((p) => p.userId).sort()).toEqual(here.people.map((p) => p.id).sort());
    const withPin = roster.people.find((p) => p.userId === here.people[0]!.id)!;
    expect(withPin.pin).toMatchObject({ iterations: 20000, lockedAt: null });
    expect(withPin.pin!.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(await deriveForTest('4821', withPin.pin!.salt, withPin.pin!.iterations)).toBe(withPin.pin!.hash);
    expect(withPin.missions.map((m) => m.id)).toEqual([here.mission.id]);
    expect(roster.people.find((p) => p.userId === here.people[1]!.id)!.pin).toBeNull();
    const ids = JSON.stringify(roster);
    for (const absent of [elsewhere.people[0]!.id, otherOrg.people[0]!.id, cancelled.id, tomorrow.id]) expect(ids).not.toContain(absent);

    const list = (await (await manager.get('/api/v1/timeclock/kiosks')).json()) as { kiosks: { id: string; lastSeenAt: string | null; revokedAt: string | null }[] };
    expect(list.kiosks.find((k) => k.id === kiosk.id)).toMatchObject({ revokedAt: null, lastSeenAt: expect.any(String) });
    // Another organisation does not see it, and a TECH may not enrol.
    const other = (await (await regie.get('/api/v1/timeclock/kiosks')).json()) as { kiosks: { id: string }[] };
    expect(other.kiosks.map((k) => k.id)).not.toContain(kiosk.id);
    expect((await tech.post('/api/v1/timeclock/kiosks', { venueId: here.venue.id, name: 'X' })).status).toBe(403);
    const audit = await server.deps.db.sql`select action from audit_log where entity_id = ${kiosk.id}`;
    expect(audit.map((r) => r.action)).toEqual(['kiosk.enrolled']);
  });

  it('a kiosk pushes its own punches through the sync core (author kiosk:<id>); another device id or a COMMENT is refused', async () => {
    const { venue: v, people } = await scene(manager, 2);
    const kiosk = await enrol(manager, v.id);
    const device = new TestDevice(`kiosk-${kiosk.id}`);
    const payload = { source: 'KIOSK', method: 'PIN', venueId: v.id };
    const rows = [device.punch(people[0]!.id, 'IN', {}, payload), device.punch(people[1]!.id, 'IN', {}, payload)];
    const ok = await kioskPost(kiosk.token, '/api/v1/kiosk/sync/field_events/push?details=1', rows.map((r) => ({ newDocumentState: r })));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ rejected: [], written: 2 });
    const stored = await server.deps.db.sql`select doc from field_events where id in ${server.deps.db.sql(rows.map((r) => r.id))}`;
    expect(stored.map((r) => (r.doc as SyncDoc).authorAccountId)).toEqual([`kiosk:${kiosk.id}`, `kiosk:${kiosk.id}`]);
    // The same rows again: nothing new (append-only, idempotent).
    expect(await (await kioskPost(kiosk.token, '/api/v1/kiosk/sync/field_events/push?details=1', rows.map((r) => ({ newDocumentState: r })))).json()).toMatchObject({ rejected: [], written: 0 });

    const foreign = new TestDevice('kiosk-someone-else').punch(people[0]!.id, 'OUT', {}, payload);
    const comment = { id: uuidv7(), updatedAt: now(), kind: 'COMMENT', userId: people[0]!.id, missionId: null, subjectId: null, at: now(), deviceId: `kiosk-${kiosk.id}`, payload: { text: 'hello' }, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null, _deleted: false };
    const refused = (await (await kioskPost(kiosk.token, '/api/v1/kiosk/sync/field_events/push?details=1', [{ newDocumentState: foreign }, { newDocumentState: comment }])).json()) as { rejected: { id: string; code: string }[]; written: number };
    expect(refused.written).toBe(0);
    expect(refused.rejected.map((r) => r.id).sort()).toEqual([foreign.id, comment.id].sort());

    // The roster now knows each person's last punch.
    const roster = (await (await kioskGet(kiosk.token, '/api/v1/kiosk/roster')).json()) as Roster;
    expect(roster.people.find((p) => p.userId === people[0]!.id)!.lastPunch).toMatchObject({ punchType: 'IN' });
  });

  it('a kiosk token gets nothing from /api/v1/sync/*; a revoked kiosk can neither push nor read its roster', async () => {
    const { venue: v, people } = await scene(manager, 1);
    const kiosk = await enrol(manager, v.id);
    for (const path of ['/api/v1/sync/field_events/pull', '/api/v1/sync/users/pull', '/api/v1/sync/counts']) {
      expect((await kioskGet(kiosk.token, path)).status).toBe(401);
    }
    const device = new TestDevice(`kiosk-${kiosk.id}`);
    expect((await kioskPost(kiosk.token, '/api/v1/sync/field_events/push', [{ newDocumentState: device.punch(people[0]!.id) }])).status).toBe(401);
    expect((await kioskGet('A'.repeat(43), '/api/v1/kiosk/roster')).status).toBe(401);
    expect((await new TestClient(server.url).get('/api/v1/kiosk/roster')).status).toBe(401);

    expect((await manager.post(`/api/v1/timeclock/kiosks/${kiosk.id}/revoke`)).status).toBe(200);
    const push = await kioskPost(kiosk.token, '/api/v1/kiosk/sync/field_events/push', [{ newDocumentState: device.punch(people[0]!.id, 'OUT') }]);
    expect(push.status).toBe(401);
    expect(((await push.json()) as { error: { code: string } }).error.code).toBe('KIOSK_REVOKED');
    const roster = await kioskGet(kiosk.token, '/api/v1/kiosk/roster');
    expect(roster.status).toBe(401);
    expect(((await roster.json()) as { error: { code: string } }).error.code).toBe('KIOSK_REVOKED');
    const audit = await server.deps.db.sql`select action from audit_log where entity_id = ${kiosk.id} order by id`;
    expect(audit.map((r) => r.action)).toEqual(['kiosk.enrolled', 'kiosk.revoked']);
    // Another organisation cannot revoke it.
    const again = await enrol(manager, v.id);
    expect((await regie.post(`/api/v1/timeclock/kiosks/${again.id}/revoke`)).status).toBe(404);
  });

  it('PIN set, checked online, locked after 5 failures, unlocked; rate limited; a TECH sets only their own', async () => {
    const { venue: v, people } = await scene(manager, 2);
    const kiosk = await enrol(manager, v.id);
    const who = people[0]!.id;
    expect((await manager.put(`/api/v1/timeclock/pins/${who}`, { pin: '12' })).status).toBe(400);
    expect((await manager.put(`/api/v1/timeclock/pins/${who}`, { pin: '135790' })).status).toBe(204);
    const second = await enrol(manager, v.id, 'Borne loge');
    const check = (pin: string, userId = who, token = kiosk.token) => kioskPost(token, '/api/v1/kiosk/pin-check', { userId, pin });
    expect(await (await check('135790')).json()).toEqual({ ok: true });
    for (let i = 0; i < 4; i++) expect(await (await check('000000')).json()).toMatchObject({ ok: false });
    // A success resets the count: four more failures (on another kiosk) still do not lock, the fifth does.
    expect(await (await check('135790')).json()).toEqual({ ok: true });
    for (let i = 0; i < 4; i++) expect((await check('000000', who, second.token)).status).toBe(200);
    const locked = await check('000000', who, second.token);
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('PIN_LOCKED');
    expect((await check('135790', who, second.token)).status).toBe(423);
    const pins = (await (await manager.get('/api/v1/timeclock/pins')).json()) as { pins: { userId: string; hasPin: boolean; failedCount: number; lockedAt: string | null }[] };
    expect(pins.pins.find((p) => p.userId === who)).toMatchObject({ hasPin: true, failedCount: 5, lockedAt: expect.any(String) });
    expect((await tech.post(`/api/v1/timeclock/pins/${who}/unlock`)).status).toBe(403);
    expect((await manager.post(`/api/v1/timeclock/pins/${who}/unlock`)).status).toBe(204);
    // Six checks on the second kiosk so far this minute: four more pass, the eleventh is refused.
    for (let i = 0; i < 4; i++) expect((await check('135790', who, second.token)).status).toBe(200);
    expect((await check('135790', who, second.token)).status).toBe(429);
    const fresh = people[1]!.id;
    expect((await manager.put(`/api/v1/timeclock/pins/${fresh}`, { pin: '2468' })).status).toBe(204);
    expect(await (await check('2468', fresh, second.token)).json()).toEqual({ ok: true });
    const unlocked = (await (await manager.get('/api/v1/timeclock/pins')).json()) as { pins: { userId: string; failedCount: number; lockedAt: string | null }[] };
    expect(unlocked.pins.find((p) => p.userId === who)).toMatchObject({ failedCount: 0, lockedAt: null });

    // A TECH: their own linked person only, and no list.
    const techMe = (await (await tech.get('/api/v1/me')).json()) as { account: { id: string } };
    const techPerson = person({ firstName: 'Theo', accountId: techMe.account.id });
    await create(manager, 'users', [techPerson]);
    expect((await tech.put(`/api/v1/timeclock/pins/${techPerson.id}`, { pin: '9753' })).status).toBe(204);
    expect((await tech.put(`/api/v1/timeclock/pins/${who}`, { pin: '9753' })).status).toBe(403);
    expect((await tech.get('/api/v1/timeclock/pins')).status).toBe(403);
    const qr = await tech.post(`/api/v1/timeclock/qr/${techPerson.id}`);
    expect(qr.status).toBe(200);
    expect(((await qr.json()) as { code: string }).code).toMatch(/^CC[A-Za-z0-9_-]{16}$/);
    expect((await tech.post(`/api/v1/timeclock/qr/${who}`)).status).toBe(403);
    // Another organisation's planner cannot touch this person.
    expect((await regie.put(`/api/v1/timeclock/pins/${who}`, { pin: '1111' })).status).toBe(404);
  });

  it('a trivial PIN is refused (400) with its code and a message in the caller\'s language; a good one is set', async () => {
    const { people } = await scene(manager, 1);
    const who = people[0]!.id;
    const refused = async (pin: string, code: string) => {
      const res = await manager.put(`/api/v1/timeclock/pins/${who}`, { pin });
      expect(res.status, pin).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, pin).toBe(code);
      return body.error.message;
    };
    expect(await refused('0000', 'PIN_REPEATED_DIGITS')).toContain('0000');
    expect(await refused('1234', 'PIN_SEQUENCE')).toContain('1234');
    await refused('4321', 'PIN_SEQUENCE');
    await refused('0123', 'PIN_SEQUENCE');
    await refused('1212', 'PIN_TOO_COMMON');
    expect(await refused('12a4', 'PIN_FORMAT')).toBe('Le code PIN doit compter 4 \u00e0 8 chiffres.');
    await refused('123456789', 'PIN_FORMAT');
    const english = new TestClient(server.url, 'en');
    expect((await english.signIn('manager@coulisses.demo')).status).toBe(200);
    const en = await english.put(`/api/v1/timeclock/pins/${who}`, { pin: '6969' });
    expect(en.status).toBe(400);
    expect(((await en.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'PIN_TOO_COMMON', message: 'This PIN is one of the most used, easy to guess: choose another one.' });
    // Nothing was stored by the refusals.
    const rows = await server.deps.db.sql`select hash from user_pins where user_id = ${who}`;
    expect(rows).toHaveLength(0);
    expect((await manager.put(`/api/v1/timeclock/pins/${who}`, { pin: '4821' })).status).toBe(204);
  });

  it('the kiosk reads the organisation\'s name and accent colour (settings.accentColor), absent until an admin sets it', async () => {
    const { venue: v } = await scene(manager, 1);
    const kiosk = await enrol(manager, v.id);
    const before = (await (await kioskGet(kiosk.token, '/api/v1/kiosk/me')).json()) as { org: { name: string }; settings: Record<string, unknown> };
    expect(before.org.name).not.toBe('');
    expect(before.settings.accentColor).toBeUndefined();
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    expect((await admin.patch('/api/v1/org', { settings: { accentColor: 'teal' } })).status).toBe(400);
    expect((await admin.patch('/api/v1/org', { settings: { accentColor: '#0E7C86' } })).status).toBe(200);
    const after = (await (await kioskGet(kiosk.token, '/api/v1/kiosk/me')).json()) as { settings: Record<string, unknown> };
    expect(after.settings.accentColor).toBe('#0E7C86');
    const roster = (await (await kioskGet(kiosk.token, '/api/v1/kiosk/roster')).json()) as { settings: Record<string, unknown> };
    expect(roster.settings.accentColor).toBe('#0E7C86');
    // The other settings are kept.
    expect(after.settings.repeatTapSeconds).toBe(before.settings.repeatTapSeconds);
  });

  it('a QR code: the roster carries its SHA-256 only', async () => {
    const { venue: v, people } = await scene(manager, 1);
    const kiosk = await enrol(manager, v.id);
    const { code } = (await (await manager.post(`/api/v1/timeclock/qr/${people[0]!.id}`)).json()) as { code: string };
    const roster = (await (await kioskGet(kiosk.token, '/api/v1/kiosk/roster')).json()) as Roster;
    const p = roster.people[0]!;
    expect(p.pin).toBeNull();
    const { createHash } = await import('node:crypto');
    expect(p.qrHash).toBe(createHash('sha256').update(code).digest('hex'));
    expect(JSON.stringify(roster)).not.toContain(code);
  });

  it('a PIN_LOCKED incident pushed by a kiosk locks the PIN on the server', async () => {
    const { venue: v, people } = await scene(manager, 1);
    const who = people[0]!.id;
    expect((await manager.put(`/api/v1/timeclock/pins/${who}`, { pin: '8642' })).status).toBe(204);
    const kiosk = await enrol(manager, v.id);
    const incident = {
      id: uuidv7(), updatedAt: now(), kind: 'INCIDENT', userId: who, missionId: null, subjectId: null, at: new Date(Date.now() + 1000).toISOString(),
      deviceId: `kiosk-${kiosk.id}`, payload: { type: 'PIN_LOCKED' }, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null, _deleted: false,
    };
    const res = await kioskPost(kiosk.token, '/api/v1/kiosk/sync/field_events/push?details=1', [{ newDocumentState: incident }]);
    expect(await res.json()).toMatchObject({ rejected: [], written: 1 });
    const roster = (await (await kioskGet(kiosk.token, '/api/v1/kiosk/roster')).json()) as Roster;
    expect(roster.people[0]!.pin!.lockedAt).toEqual(expect.any(String));
    expect((await kioskPost(kiosk.token, '/api/v1/kiosk/pin-check', { userId: who, pin: '8642' })).status).toBe(423);
  });
});
