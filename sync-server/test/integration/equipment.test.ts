import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { incidentsOf } from '@coulisses/shared/equipment/incidents';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { mission, now, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

function ref(kind: string, name: string, data: Record<string, unknown>, fields: Partial<SyncDoc> = {}): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind, name, archived: false, data, _deleted: false, ...fields } as SyncDoc;
}
const item = (name: string, quantity: number) => ref('equipment_item', name, { category: 'SOUND', quantity, venueId: null });
const reservation = (missionId: string, target: { itemId?: string; kitId?: string }, quantity: number) =>
  ref('equipment_reservation', 'Reservation', { missionId, itemId: target.itemId ?? null, kitId: target.kitId ?? null, quantity });
function incident(userId: string | null, payload: Record<string, unknown>, fields: Partial<SyncDoc> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kind: 'INCIDENT', userId, missionId: null, subjectId: null, at: now(), deviceId: 'phone-1', payload,
    receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null, _deleted: false, ...fields,
  } as SyncDoc;
}
const report = (equipmentItemId: string | null) => ({ category: 'BREAKDOWN', severity: 'HIGH', description: 'Console muette', equipmentItemId, venueId: null, hasPhoto: false });

/**
 * Equipment (issue 13): items, kits and reservations are reference documents; a reservation names a live mission
 * and a live item or kit of the organisation; double bookings are stored and reported by GET /equipment/conflicts;
 * incidents are INCIDENT field events from crew phones and kiosks, closed by planners.
 */
describe.each(backends)('equipment on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let techPerson: SyncDoc;
  const console2 = item('Console X32', 2);
  const foreignItem = item('Console etrangere', 5);
  // 10:00-18:00 and 14:00-23:00 Paris on 12 Jan 2027 (UTC+1): they share 13:00Z-17:00Z.
  const day = mission({ title: 'Montage', status: 'PUBLISHED', startAt: '2027-01-12T09:00:00.000Z', endAt: '2027-01-12T17:00:00.000Z' });
  const evening = mission({ title: 'Concert', status: 'PUBLISHED', startAt: '2027-01-12T13:00:00.000Z', endAt: '2027-01-12T22:00:00.000Z' });

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    techPerson = person({ accountId: await accountIdOf(tech), firstName: 'Theo' });
    await create(manager, 'users', [techPerson]);
    await create(manager, 'reference', [console2]);
    await create(regie, 'reference', [foreignItem]);
    await create(manager, 'missions', [day, evening]);
  });
  afterAll(async () => server?.close());

  it('a reservation names a live mission and a live item or kit of the organisation', async () => {
    const foreignMission = mission();
    await create(regie, 'missions', [foreignMission]);
    const kit = ref('equipment_kit', 'Kit accroche', { items: [{ itemId: console2.id, quantity: 1 }], venueId: null });
    const badKit = ref('equipment_kit', 'Kit etranger', { items: [{ itemId: foreignItem.id, quantity: 1 }], venueId: null });
    const res = await push(manager, 'reference', [
      { newDocumentState: kit },
      { newDocumentState: badKit },
      { newDocumentState: reservation(foreignMission.id, { itemId: console2.id }, 1) },
      { newDocumentState: reservation(day.id, { itemId: foreignItem.id }, 1) },
      { newDocumentState: reservation(day.id, { kitId: uuidv7() }, 1) },
      // Bad input: both an item and a kit, a quantity of 0.
      { newDocumentState: ref('equipment_reservation', 'R', { missionId: day.id, itemId: console2.id, kitId: kit.id, quantity: 1 }) },
      { newDocumentState: reservation(day.id, { itemId: console2.id }, 0) },
    ]);
    expect(res.rejected.map((r) => r.code)).toEqual(['EQUIPMENT_NOT_FOUND', 'EQUIPMENT_MISSION_NOT_FOUND', 'EQUIPMENT_NOT_FOUND', 'EQUIPMENT_NOT_FOUND', 'VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect((await serverDocs(manager, 'reference')).has(kit.id)).toBe(true);
  });

  it('double bookings are stored and reported to planners only, with the window and the missions', async () => {
    const a = reservation(day.id, { itemId: console2.id }, 2);
    const b = reservation(evening.id, { itemId: console2.id }, 1);
    await create(manager, 'reference', [a, b]);
    const res = await manager.get('/api/v1/equipment/conflicts?from=2027-01-01T00:00:00.000Z&to=2027-02-01T00:00:00.000Z');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conflicts: unknown[] };
    // 2 + 1 consoles of 2 while both run (13:00Z-17:00Z).
    expect(body.conflicts).toEqual([
      expect.objectContaining({ itemId: console2.id, itemName: 'Console X32', missionIds: [day.id, evening.id].sort(), reserved: 3, available: 2, from: '2027-01-12T13:00:00.000Z', to: '2027-01-12T17:00:00.000Z' }),
    ]);
    // Another organisation sees none of them; crew may not ask.
    const other = (await (await regie.get('/api/v1/equipment/conflicts?from=2027-01-01T00:00:00.000Z&to=2027-02-01T00:00:00.000Z')).json()) as { conflicts: unknown[] };
    expect(other.conflicts).toEqual([]);
    expect((await tech.get('/api/v1/equipment/conflicts')).status).toBe(403);
    expect((await new TestClient(server.url).get('/api/v1/equipment/conflicts')).status).toBe(401);
    // Bad ranges are 400 with a stable code, never 500.
    for (const q of ['from=yesterday', 'from=2027-02-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z', 'from=2020-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z', 'x=1']) {
      const bad = await manager.get(`/api/v1/equipment/conflicts?${q}`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    // Cancelling the evening mission ends the conflict.
    const stored = (await serverDocs(manager, 'missions')).get(evening.id)!;
    expect((await push(manager, 'missions', [{ assumedMasterState: stored, newDocumentState: { ...stored, status: 'CANCELLED', updatedAt: now() } }])).rejected).toEqual([]);
    const after = (await (await manager.get('/api/v1/equipment/conflicts?from=2027-01-01T00:00:00.000Z&to=2027-02-01T00:00:00.000Z')).json()) as { conflicts: unknown[] };
    expect(after.conflicts).toEqual([]);
  });

  it('crew read items and kits, not reservations, and may not write the catalogue', async () => {
    const seen = await serverDocs(tech, 'reference');
    expect(seen.has(console2.id)).toBe(true);
    expect([...seen.values()].some((d) => d.kind === 'equipment_reservation')).toBe(false);
    const res = await push(tech, 'reference', [{ newDocumentState: item('Pirate', 1) }]);
    expect(res.rejected.map((r) => r.code)).toEqual(['FORBIDDEN']);
  });

  it('crew report incidents on their own person; a close is a planner\'s and names a report', async () => {
    const mine = incident(techPerson.id, report(console2.id));
    const noItem = incident(techPerson.id, report(null));
    const res = await push(tech, 'field_events', [
      { newDocumentState: mine },
      { newDocumentState: noItem },
      { newDocumentState: incident(techPerson.id, report(foreignItem.id)) },
      { newDocumentState: incident(techPerson.id, { ...report(null), severity: 'APOCALYPTIC' }) },
      { newDocumentState: incident(techPerson.id, { hello: 'world' }) },
      { newDocumentState: incident(techPerson.id, { closes: mine.id, note: 'repare' }) },
    ]);
    expect(res.rejected.map((r) => r.code)).toEqual(['EQUIPMENT_NOT_FOUND', 'INVALID_INCIDENT', 'INVALID_INCIDENT', 'FORBIDDEN']);
    const closeUnknown = await push(manager, 'field_events', [{ newDocumentState: incident(null, { closes: uuidv7() }) }]);
    expect(closeUnknown.rejected.map((r) => r.code)).toEqual(['INCIDENT_NOT_FOUND']);
    // Another organisation's manager cannot close it either: the report is unknown there.
    const foreignClose = await push(regie, 'field_events', [{ newDocumentState: incident(null, { closes: mine.id }) }]);
    expect(foreignClose.rejected.map((r) => r.code)).toEqual(['INCIDENT_NOT_FOUND']);
    await create(admin, 'field_events', [incident(null, { closes: mine.id, note: 'Carte son changee' }, { deviceId: null })]);
    const events = [...(await serverDocs(manager, 'field_events')).values()] as never[];
    const incidents = incidentsOf(events);
    expect(incidents.find((i) => i.id === mine.id)).toMatchObject({ status: 'CLOSED', closeNote: 'Carte son changee', closedByAccountId: await accountIdOf(admin), equipmentItemId: console2.id });
    expect(incidents.find((i) => i.id === noItem.id)).toMatchObject({ status: 'OPEN' });
  });

  it('an incident photo goes through the punch photo route: only the bytes of its hash, read by planners and the reporter', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
    const event = incident(techPerson.id, { ...report(console2.id), hasPhoto: true, photoHash: sha256Hex(bytes) });
    await create(tech, 'field_events', [event]);
    const put = (client: TestClient, body: Uint8Array) =>
      fetch(`${server.url}/api/v1/timeclock/punches/${event.id}/photo`, { method: 'PUT', headers: { cookie: client.cookieHeader(), 'content-type': 'image/jpeg', origin: server.url }, body });
    expect((await put(tech, new Uint8Array([...bytes, 0]))).status).toBe(422);
    expect((await put(regie, bytes)).status).toBe(409);
    expect((await put(tech, bytes)).status).toBe(204);
    const got = await manager.get(`/api/v1/timeclock/punches/${event.id}/photo`);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    expect((await tech.get(`/api/v1/timeclock/punches/${event.id}/photo`)).status).toBe(200);
    // A malformed hash is refused with the report.
    const bad = await push(tech, 'field_events', [{ newDocumentState: incident(techPerson.id, { ...report(null), hasPhoto: true, photoHash: 'abc' }) }]);
    expect(bad.rejected.map((r) => r.code)).toEqual(['INVALID_INCIDENT']);
  });

  it('a kiosk reports an incident signed with its own device id; the PIN lock incident still passes', async () => {
    const v = ref('venue', 'Salle kiosque', {});
    await create(manager, 'reference', [v]);
    const enrol = await manager.post('/api/v1/timeclock/kiosks', { venueId: v.id, name: 'Borne' });
    const { kiosk, token } = (await enrol.json()) as { kiosk: { id: string }; token: string };
    const deviceId = `kiosk-${kiosk.id}`;
    const kioskPush = (rows: SyncDoc[]) => new TestClient(server.url).post('/api/v1/kiosk/sync/field_events/push?details=1', rows.map((r) => ({ newDocumentState: r })), { authorization: `Kiosk ${token}` });
    const ok = incident(null, { ...report(console2.id), venueId: v.id }, { deviceId });
    const res = await kioskPush([ok, incident(null, report(console2.id), { deviceId: 'another-device' }), incident(null, { closes: ok.id }, { deviceId })]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rejected: { code: string }[] };
    expect(body.rejected.map((r) => r.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const stored = (await serverDocs(manager, 'field_events')).get(ok.id);
    expect(stored).toMatchObject({ authorAccountId: `kiosk:${kiosk.id}`, deviceId });
  });
});
