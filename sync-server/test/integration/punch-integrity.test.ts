import { createHash } from 'node:crypto';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import type { ChainReport } from '@coulisses/shared/timeclock/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, person, TestDevice } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push, type PushDetails } from '../helpers/sync-http';

const backends = await availableBackends();
const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
type DeviceReport = ChainReport & { kioskName: string | null; lastReceivedAt: string | null };

/** A push with extra headers (X-Device-Time), asking for per-row details. */
async function pushWith(client: TestClient, docs: SyncDoc[], headers: Record<string, string>): Promise<PushDetails> {
  const res = await client.post('/api/v1/sync/field_events/push?details=1', docs.map((d) => ({ newDocumentState: d })), headers);
  expect(res.status).toBe(200);
  return (await res.json()) as PushDetails;
}

async function chains(client: TestClient, deviceId?: string): Promise<DeviceReport[]> {
  const res = await client.get(`/api/v1/timeclock/chains${deviceId ? `?deviceId=${encodeURIComponent(deviceId)}` : ''}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { devices: DeviceReport[] }).devices;
}

function putPhoto(client: TestClient, eventId: string, bytes: Uint8Array, type = 'image/jpeg'): Promise<Response> {
  return fetch(`${client.baseUrl}/api/v1/timeclock/punches/${eventId}/photo`, {
    method: 'PUT',
    headers: { cookie: client.cookieHeader(), origin: client.baseUrl.replace('127.0.0.1', 'localhost'), 'content-type': type },
    body: bytes,
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const venueDoc = (geofence: Record<string, number>) =>
  ({ id: uuidv7(), updatedAt: iso(), kind: 'venue', name: 'Salle Pleyel', archived: false, data: { geofence }, _deleted: false }) as SyncDoc;
/** Paris (the venue) and Lyon (far outside its 200 m fence). */
const INSIDE = { lat: 48.8566, lng: 2.3522, accuracyM: 15 };
const OUTSIDE = { lat: 45.764, lng: 4.8357, accuracyM: 15 };

describe.each(backends)('punch integrity on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let techUser: SyncDoc;
  let otherUser: SyncDoc;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    const techAccount = await accountIdOf(tech);
    techUser = person({ accountId: techAccount, firstName: 'Theo' });
    otherUser = person({ firstName: 'Olga' });
    await create(manager, 'users', [techUser, otherUser]);
    orgId = ((await (await manager.get('/api/v1/org')).json()) as { org: { id: string } }).org.id;
    expect(((await (await admin.get('/api/v1/org')).json()) as { org: { id: string } }).org.id).toBe(orgId);
    // The machine running the tests may be slow and shared: starting and seeding a server takes a while there.
  });
  afterAll(async () => server?.close());

  const setSettings = async (settings: Record<string, unknown>) => {
    const res = await admin.patch('/api/v1/org', { settings });
    expect(res.status).toBe(200);
  };

  it('reports a chain of 5 punches OK, then GAP when a row is deleted in the database, ALTERED when one is edited', async () => {
    const device = new TestDevice();
    const types = ['IN', 'BREAK_START', 'BREAK_END', 'OUT', 'IN'] as const;
    const punches = types.map((t, i) => device.punch(techUser.id, t, { at: iso(-(5 - i) * 60_000) }));
    await create(tech, 'field_events', punches);
    let [report] = await chains(manager, device.deviceId);
    expect(report).toMatchObject({ deviceId: device.deviceId, count: 5, firstSeq: 1, lastSeq: 5, status: 'OK', missingSeqs: [], kioskName: null });
    expect(report!.lastReceivedAt).toBeTruthy();
    expect((await chains(manager)).some((d) => d.deviceId === device.deviceId && d.status === 'OK')).toBe(true);

    // Someone with database access removes the third punch: the chain shows the hole.
    await server.deps.db.sql`delete from field_events where org_id = ${orgId} and id = ${punches[2]!.id}`;
    [report] = await chains(manager, device.deviceId);
    expect(report).toMatchObject({ status: 'GAP', missingSeqs: [3], count: 4 });

    // Another device's punch is edited in place: its content no longer matches its hash.
    const other = new TestDevice();
    const two = [other.punch(techUser.id, 'IN', { at: iso(-120_000) }), other.punch(techUser.id, 'OUT', { at: iso(-60_000) })];
    await create(tech, 'field_events', two);
    await server.deps.db.sql`
      update field_events set doc = jsonb_set(doc, '{at}', to_jsonb(${iso(-3_600_000)}::text)) where org_id = ${orgId} and id = ${two[0]!.id}`;
    [report] = await chains(manager, other.deviceId);
    expect(report).toMatchObject({ status: 'ALTERED', alteredIds: [two[0]!.id] });
  });

  it('refuses a pushed punch whose hash does not match its content (INVALID_PUNCH)', async () => {
    const device = new TestDevice();
    const forged = device.punch(techUser.id, 'IN');
    const badHash = { ...forged, id: uuidv7(), payload: { ...(forged.payload as object), hash: 'a'.repeat(64) } } as SyncDoc;
    const edited = { ...forged, at: iso(-7_200_000) } as SyncDoc;
    const res = await push(tech, 'field_events', [{ newDocumentState: badHash }, { newDocumentState: edited }]);
    expect(res.rejected).toEqual([expect.objectContaining({ id: badHash.id, code: 'INVALID_PUNCH' }), expect.objectContaining({ id: forged.id, code: 'INVALID_PUNCH' })]);
    const stored = await serverDocs(manager, 'field_events');
    expect(stored.has(badHash.id) || stored.has(forged.id)).toBe(false);
  });

  it('flags a device clock 10 minutes behind (CLOCK_SKEW), a future punch (FUTURE) and a repeated tap (REPEAT)', async () => {
    const device = new TestDevice();
    const behind = device.punch(techUser.id, 'IN', { at: iso(-600_000) });
    const res = await pushWith(tech, [behind], { 'x-device-time': iso(-600_000) });
    expect(res.rejected).toEqual([]);
    const repeat = device.punch(techUser.id, 'IN', { at: new Date(Date.parse(String(behind.at)) + 3000).toISOString() });
    expect((await pushWith(tech, [repeat], { 'x-device-time': iso(-600_000) })).rejected).toEqual([]);
    const future = new TestDevice().punch(techUser.id, 'OUT', { at: iso(3_600_000) });
    const sane = new TestDevice().punch(otherUser.id, 'IN');
    expect((await pushWith(manager, [future, sane], { 'x-device-time': iso() })).rejected).toEqual([]);

    const stored = await serverDocs(manager, 'field_events');
    const first = stored.get(behind.id)!;
    expect(first.flags).toEqual(['CLOCK_SKEW']);
    expect(Math.abs(Number(first.clockSkewMs) - 600_000)).toBeLessThan(5_000);
    expect(stored.get(repeat.id)!.flags).toEqual(['CLOCK_SKEW', 'REPEAT']);
    expect(stored.get(future.id)!.flags).toEqual(['FUTURE']);
    expect(stored.get(sane.id)).toMatchObject({ flags: [], receivedAt: expect.any(String) });
    expect(Math.abs(Number(stored.get(sane.id)!.clockSkewMs))).toBeLessThan(5_000);
    // Without the header the skew is unknown.
    const noHeader = new TestDevice().punch(otherUser.id, 'OUT');
    await create(manager, 'field_events', [noHeader]);
    expect((await serverDocs(manager, 'field_events')).get(noHeader.id)).toMatchObject({ flags: [], clockSkewMs: null });
  });

  it('geofence FLAG keeps an outside punch with OUTSIDE_GEOFENCE; REFUSE refuses it; OFF does not check', async () => {
    const venue = venueDoc({ lat: 48.8566, lng: 2.3522, radiusM: 200 });
    await create(manager, 'reference', [venue]);
    const atVenue = mission({ venueId: venue.id, status: 'PUBLISHED' });
    await create(manager, 'missions', [atVenue]);
    const device = new TestDevice();
    await setSettings({ geofenceMode: 'FLAG' });
    const out1 = device.punch(otherUser.id, 'IN', { at: iso(-300_000) }, { venueId: venue.id, position: OUTSIDE });
    const in1 = device.punch(otherUser.id, 'OUT', { at: iso(-240_000) }, { venueId: venue.id, position: INSIDE });
    const viaMission = device.punch(otherUser.id, 'IN', { at: iso(-180_000), missionId: atVenue.id }, { position: OUTSIDE });
    expect((await push(manager, 'field_events', [out1, in1, viaMission].map((d) => ({ newDocumentState: d })))).rejected).toEqual([]);
    let stored = await serverDocs(manager, 'field_events');
    expect(stored.get(out1.id)!.flags).toEqual(['OUTSIDE_GEOFENCE']);
    expect(stored.get(in1.id)!.flags).toEqual([]);
    expect(stored.get(viaMission.id)!.flags).toEqual(['OUTSIDE_GEOFENCE']);

    await setSettings({ geofenceMode: 'REFUSE' });
    const out2 = device.punch(otherUser.id, 'OUT', { at: iso(-120_000) }, { venueId: venue.id, position: OUTSIDE });
    const in2 = new TestDevice().punch(otherUser.id, 'OUT', { at: iso(-120_000) }, { venueId: venue.id, position: INSIDE });
    const res = await push(manager, 'field_events', [out2, in2].map((d) => ({ newDocumentState: d })));
    expect(res.rejected).toEqual([expect.objectContaining({ id: out2.id, code: 'OUTSIDE_GEOFENCE' })]);
    stored = await serverDocs(manager, 'field_events');
    expect(stored.has(out2.id)).toBe(false);
    expect(stored.has(in2.id)).toBe(true);

    await setSettings({ geofenceMode: 'OFF' });
    const out3 = new TestDevice().punch(otherUser.id, 'IN', { at: iso(-60_000) }, { venueId: venue.id, position: OUTSIDE });
    await create(manager, 'field_events', [out3]);
    expect((await serverDocs(manager, 'field_events')).get(out3.id)!.flags).toEqual([]);
    await setSettings({ geofenceMode: 'FLAG' });
  });

  it('punch photos: 409 before the punch, 422 for other bytes, 204 (idempotent), read by planners and the person only', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 200 }, (_, i) => i % 256), 0xff, 0xd9]);
    const device = new TestDevice();
    const mine = device.punch(techUser.id, 'IN', { at: iso(-30_000) }, { photoHash: sha256(jpeg) });
    expect((await putPhoto(tech, mine.id, jpeg)).status).toBe(409);
    await create(tech, 'field_events', [mine]);
    const wrong = await putPhoto(tech, mine.id, new Uint8Array([0xff, 0xd8, 1, 2, 3]));
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('PHOTO_MISMATCH');
    expect((await putPhoto(tech, mine.id, jpeg, 'image/png')).status).toBe(415);
    expect((await putPhoto(tech, mine.id, new Uint8Array(256 * 1024 + 1))).status).toBe(413);
    expect((await putPhoto(tech, mine.id, jpeg)).status).toBe(204);
    expect((await putPhoto(tech, mine.id, jpeg)).status).toBe(204);

    const byManager = await manager.get(`/api/v1/timeclock/punches/${mine.id}/photo`);
    expect(byManager.status).toBe(200);
    expect(byManager.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await byManager.arrayBuffer())).toEqual(jpeg);
    expect((await tech.get(`/api/v1/timeclock/punches/${mine.id}/photo`)).status).toBe(200);

    // A punch of another person: a TECH who is not that person can neither attach nor read its photo.
    const theirs = new TestDevice().punch(otherUser.id, 'IN', {}, { photoHash: sha256(jpeg) });
    await create(manager, 'field_events', [theirs]);
    expect((await putPhoto(tech, theirs.id, jpeg)).status).toBe(403);
    expect((await putPhoto(manager, theirs.id, jpeg)).status).toBe(204);
    expect((await tech.get(`/api/v1/timeclock/punches/${theirs.id}/photo`)).status).toBe(403);
    expect((await manager.get(`/api/v1/timeclock/punches/${theirs.id}/photo`)).status).toBe(200);
    // A punch without a photo hash takes no photo.
    const plain = new TestDevice().punch(otherUser.id, 'OUT');
    await create(manager, 'field_events', [plain]);
    expect((await putPhoto(manager, plain.id, jpeg)).status).toBe(422);
  });

  it('a kiosk attaches the photo of its own punches only; the chains report names the kiosk', async () => {
    const venue = venueDoc({ lat: 48.8566, lng: 2.3522, radiusM: 200 });
    await create(manager, 'reference', [venue]);
    const enrolled = await manager.post('/api/v1/timeclock/kiosks', { venueId: venue.id, name: 'Borne entree artistes' });
    expect(enrolled.status).toBe(201);
    const { kiosk, token } = (await enrolled.json()) as { kiosk: { id: string }; token: string };
    const auth = { authorization: `Kiosk ${token}` };
    // On the venue's roster now: a kiosk punches only for them.
    const onSite = mission({ venueId: venue.id, status: 'PUBLISHED', startAt: iso(-3_600_000), endAt: iso(3_600_000) });
    await create(manager, 'missions', [onSite]);
    await create(manager, 'assignments', [assignment(onSite.id, otherUser.id)]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 7, 7, 7, 0xff, 0xd9]);
    const device = new TestDevice(`kiosk-${kiosk.id}`);
    const punch = device.punch(otherUser.id, 'IN', { at: iso(-20_000) }, { source: 'KIOSK', method: 'PIN', venueId: venue.id, photoHash: sha256(jpeg) });
    const pushed = await fetch(`${server.url}/api/v1/kiosk/sync/field_events/push?details=1`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'x-device-time': iso() }, body: JSON.stringify([{ newDocumentState: punch }]),
    });
    expect(pushed.status).toBe(200);
    expect(((await pushed.json()) as PushDetails).rejected).toEqual([]);
    const put = (id: string) => fetch(`${server.url}/api/v1/timeclock/punches/${id}/photo`, { method: 'PUT', headers: { ...auth, 'content-type': 'image/jpeg' }, body: jpeg });
    expect((await put(punch.id)).status).toBe(204);
    const phonePunch = new TestDevice().punch(otherUser.id, 'OUT', {}, { photoHash: sha256(jpeg) });
    await create(manager, 'field_events', [phonePunch]);
    expect((await put(phonePunch.id)).status).toBe(403);
    expect((await manager.get(`/api/v1/timeclock/punches/${punch.id}/photo`)).status).toBe(200);
    const [report] = await chains(manager, device.deviceId);
    expect(report).toMatchObject({ status: 'OK', kioskName: 'Borne entree artistes', count: 1 });
  });

  it('the chains report is for planners of the organisation only', async () => {
    expect((await tech.get('/api/v1/timeclock/chains')).status).toBe(403);
    const managerB = await signedIn(server.url, 'regie@nuits-blanches.demo');
    const deviceB = new TestDevice();
    const bUser = person({ firstName: 'Bea' });
    await create(managerB, 'users', [bUser]);
    await create(managerB, 'field_events', [deviceB.punch(bUser.id, 'IN')]);
    const seenByB = await chains(managerB);
    expect(seenByB.map((d) => d.deviceId)).toContain(deviceB.deviceId);
    const seenByA = await chains(manager);
    expect(seenByA.length).toBeGreaterThan(0);
    expect(seenByA.some((d) => d.deviceId === deviceB.deviceId)).toBe(false);
    expect(seenByB.some((d) => seenByA.some((a) => a.deviceId === d.deviceId))).toBe(false);
    expect(await chains(manager, deviceB.deviceId)).toEqual([]);
    // Nor its photos.
    const theirs = [...(await serverDocs(manager, 'field_events')).values()].find((e) => e.kind === 'PUNCH')!;
    expect((await managerB.get(`/api/v1/timeclock/punches/${theirs.id}/photo`)).status).toBe(404);
  });
});
