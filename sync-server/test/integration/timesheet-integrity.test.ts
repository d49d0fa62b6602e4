import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { openAdjustments, type AdjustmentRequestLike } from '@coulisses/shared/timeclock/adjustments';
import { timesheetIdFor } from '@coulisses/shared/timeclock/timesheet-id';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { TestDevice, assignment, mission, now, person } from '../helpers/docs';
import { newMember } from '../helpers/replica';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 });

/** A timesheet typed by a manager (MANUAL): the server computes its minutes from the range and the break. */
function manual(userId: string, startAt: string, endAt: string, breakMinutes: number, fields: Partial<SyncDoc> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), userId, missionId: null, date: startAt.slice(0, 10), type: 'SPECTACLE', startAt, endAt, breakMinutes,
    status: 'VALIDATED', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0,
    nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false, ...fields,
  } as SyncDoc;
}

function rateProfile(name: string, data: Record<string, unknown>): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'rate_profile', name, archived: false, data, _deleted: false } as SyncDoc;
}

function venue(name: string): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'venue', name, archived: false, data: {}, _deleted: false } as SyncDoc;
}

interface Payroll {
  people: { userId: string; daysWorked: number; hours: number; grossCents: number; overlapMinutes: number }[];
  overlaps: { userId: string; timesheetIds: [string, string]; minutes: number; from: string; to: string }[];
}

interface Conflict {
  kind: string;
  userId: string;
  period?: string;
  hours?: number;
  elsewhereHours?: number;
  assignmentIds: string[];
  missionIds: string[];
}

describe.each(backends)('time and pay you can rely on, on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let orgId: string;

  const sheets = async () => serverDocs(manager, 'timesheets');
  const requestsOf = async (client: TestClient, subjectId: string) =>
    [...(await serverDocs(client, 'field_events')).values()].filter((e) => !e._deleted && e.kind === 'ADJUSTMENT_REQUEST' && e.subjectId === subjectId);

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    orgId = ((await (await manager.get('/api/v1/me')).json()) as { activeOrg: { id: string } }).activeOrg.id;
  });
  afterAll(async () => server?.close());

  describe('1. overlapping time of one person is paid once', () => {
    // The day, 12 June 2031 (Paris, UTC+2): 14:00-23:30 and five 16:00-23:00, each with a 30 min break, at
    // 18.50 EUR/h. Counted each: 9 + 5 x 6.5 = 41.50 h, 767.75 EUR. Counted once: 9 h, 166.50 EUR.
    it('the payroll month and paie_mensuelle.csv count the day once and list the 15 pairs; every timesheet carries OVERLAP', async () => {
      const worker = person({ firstName: 'Ovide', lastName: 'Chevauche', employmentType: 'INTERMITTENT' });
      await create(manager, 'users', [worker]);
      await create(manager, 'reference', [rateProfile('Horaire Ovide', { mode: 'HOURLY', amountCents: 1850, appliesTo: { kind: 'USER', id: worker.id } })]);
      const long = manual(worker.id, '2031-06-12T12:00:00.000Z', '2031-06-12T21:30:00.000Z', 30);
      const short = [1, 2, 3, 4, 5].map(() => manual(worker.id, '2031-06-12T14:00:00.000Z', '2031-06-12T21:00:00.000Z', 30));
      await create(manager, 'timesheets', [long]);
      await create(manager, 'timesheets', short);

      const stored = await sheets();
      for (const t of [long, ...short]) expect(stored.get(t.id)?.anomalies).toContain('OVERLAP');
      expect(stored.get(long.id)).toMatchObject({ paidMinutes: 540, roundedMinutes: 540 });

      const res = await manager.get('/api/v1/payroll/2031-06');
      const body = (await res.json()) as Payroll;
      const row = body.people.find((p) => p.userId === worker.id)!;
      expect(row).toMatchObject({ daysWorked: 1, hours: 9, grossCents: 16650, overlapMinutes: 5 * 390 });
      const mine = body.overlaps.filter((o) => o.userId === worker.id);
      expect(mine).toHaveLength(15);
      expect(mine.filter((o) => o.timesheetIds[0] === long.id).map((o) => o.minutes)).toEqual([420, 420, 420, 420, 420]);

      const csv = await manager.get('/api/v1/payroll/2031-06/paie_mensuelle.csv');
      expect(csv.headers.get('x-payroll-overlaps')).toBe(String(body.overlaps.length));
      expect((await csv.text()).split('\r\n')).toContain('Chevauche Ovide;INTERMITTENT;2031-06;1;9,00;0;9,00;0,00;166,50;0,00;0,00;0,00;166,50');

      // The short ones deleted: the long one no longer overlaps, its flag goes.
      await push(manager, 'timesheets', short.map((t) => ({ assumedMasterState: stored.get(t.id)!, newDocumentState: { ...stored.get(t.id)!, updatedAt: now(), _deleted: true } })));
      expect((await sheets()).get(long.id)?.anomalies).not.toContain('OVERLAP');
      expect(((await (await manager.get('/api/v1/payroll/2031-06')).json()) as Payroll).people.find((p) => p.userId === worker.id)).toMatchObject({ hours: 9, overlapMinutes: 0 });
    });

    it('touching timesheets do not overlap; moving one onto the other flags both, moving it back clears both', async () => {
      const worker = person({ firstName: 'Tess', lastName: 'Touche' });
      await create(manager, 'users', [worker]);
      const a = manual(worker.id, '2031-06-20T12:00:00.000Z', '2031-06-20T16:00:00.000Z', 0, { status: 'DRAFT' });
      const b = manual(worker.id, '2031-06-20T16:00:00.000Z', '2031-06-20T20:00:00.000Z', 0, { status: 'DRAFT' });
      await create(manager, 'timesheets', [a, b]);
      let stored = await sheets();
      expect(stored.get(a.id)?.anomalies).toEqual([]);
      expect(stored.get(b.id)?.anomalies).toEqual([]);
      const moved = { ...stored.get(b.id)!, startAt: '2031-06-20T15:00:00.000Z', adjustReason: 'Arrivee plus tot', updatedAt: now() };
      expect((await push(manager, 'timesheets', [{ assumedMasterState: stored.get(b.id)!, newDocumentState: moved }])).rejected).toEqual([]);
      stored = await sheets();
      expect(stored.get(a.id)?.anomalies).toEqual(['OVERLAP']);
      expect(stored.get(b.id)?.anomalies).toEqual(['OVERLAP']);
      const back = { ...stored.get(b.id)!, startAt: '2031-06-20T16:00:00.000Z', updatedAt: now() };
      expect((await push(manager, 'timesheets', [{ assumedMasterState: stored.get(b.id)!, newDocumentState: back }])).rejected).toEqual([]);
      stored = await sheets();
      expect(stored.get(a.id)?.anomalies).toEqual([]);
      expect(stored.get(b.id)?.anomalies).toEqual([]);
    });

    it('two missions punched across midnight that share an hour: both timesheets carry OVERLAP, the payroll pays the hour once', async () => {
      const worker = person({ firstName: 'Nina', lastName: 'Nuit' });
      await create(manager, 'users', [worker]);
      // Paid by the hour whatever the organisation's other rate profiles (a USER profile comes first).
      await create(manager, 'reference', [rateProfile('Horaire Nina', { mode: 'HOURLY', amountCents: 1800, appliesTo: { kind: 'USER', id: worker.id } })]);
      // 22:00-02:00 and 01:00-05:00 local (UTC+2 in June): one hour shared after midnight.
      const m1 = mission({ status: 'PUBLISHED', startAt: '2031-06-14T20:00:00.000Z', endAt: '2031-06-15T00:00:00.000Z' });
      const m2 = mission({ status: 'PUBLISHED', startAt: '2031-06-14T23:00:00.000Z', endAt: '2031-06-15T03:00:00.000Z' });
      await create(manager, 'missions', [m1, m2]);
      const phone = new TestDevice();
      await create(manager, 'field_events', [
        phone.punch(worker.id, 'IN', { missionId: m1.id, at: '2031-06-14T20:00:00.000Z' }),
        phone.punch(worker.id, 'IN', { missionId: m2.id, at: '2031-06-14T23:00:00.000Z' }),
        phone.punch(worker.id, 'OUT', { missionId: m1.id, at: '2031-06-15T00:00:00.000Z' }),
        phone.punch(worker.id, 'OUT', { missionId: m2.id, at: '2031-06-15T03:00:00.000Z' }),
      ]);
      const id1 = timesheetIdFor(orgId, worker.id, m1.id);
      const id2 = timesheetIdFor(orgId, worker.id, m2.id);
      let stored = await sheets();
      expect(stored.get(id1)).toMatchObject({ date: '2031-06-14', workedMinutes: 240, anomalies: ['OVERLAP'] });
      expect(stored.get(id2)).toMatchObject({ date: '2031-06-15', workedMinutes: 240, anomalies: ['OVERLAP'] });
      for (const id of [id1, id2]) {
        const t = stored.get(id)!;
        expect((await push(manager, 'timesheets', [{ assumedMasterState: t, newDocumentState: { ...t, status: 'VALIDATED', updatedAt: now() } }])).rejected).toEqual([]);
      }
      stored = await sheets();
      expect(stored.get(id1)).toMatchObject({ status: 'VALIDATED', anomalies: ['OVERLAP'] });
      const body = (await (await manager.get('/api/v1/payroll/2031-06')).json()) as Payroll;
      // 4 h + 4 h punched, 7 h paid.
      expect(body.people.find((p) => p.userId === worker.id)).toMatchObject({ hours: 7, overlapMinutes: 60, daysWorked: 2 });
      expect(body.overlaps.filter((o) => o.userId === worker.id)).toEqual([
        { userId: worker.id, timesheetIds: [id1, id2], dates: ['2031-06-14', '2031-06-15'], from: '2031-06-14T23:00:00.000Z', to: '2031-06-15T00:00:00.000Z', minutes: 60 },
      ]);
    });
  });

  describe('2. a punch after validation never changes the validated timesheet silently', () => {
    let techUser: SyncDoc;
    beforeAll(async () => {
      const me = (await (await tech.get('/api/v1/me')).json()) as { account: { id: string } };
      techUser = person({ accountId: me.account.id, firstName: 'Theo', lastName: 'Tardif' });
      await create(manager, 'users', [techUser]);
    });

    it('late punches open adjustment requests the planner and the crew see; validating again takes every punch, with anomalies from the pairs', async () => {
      // Mission 09:00-18:00 local on 3 February 2031 (UTC+1). Validated with a clock in only (MISSING_OUT).
      const m = mission({ status: 'PUBLISHED', type: 'MONTAGE', startAt: '2031-02-03T08:00:00.000Z', endAt: '2031-02-03T17:00:00.000Z' });
      await create(manager, 'missions', [m]);
      await create(manager, 'assignments', [assignment(m.id, techUser.id)]);
      const phone = new TestDevice();
      const first = phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2031-02-03T08:00:00.000Z' });
      await create(tech, 'field_events', [first]);
      const id = timesheetIdFor(orgId, techUser.id, m.id);
      const draft = (await sheets()).get(id)!;
      expect(draft.anomalies).toContain('MISSING_OUT');
      expect((await push(manager, 'timesheets', [{ assumedMasterState: draft, newDocumentState: { ...draft, status: 'VALIDATED', updatedAt: now() } }])).rejected).toEqual([]);
      const validated = (await sheets()).get(id)!;

      // Later: the clock out, a split second part from another phone (IN 13:00, OUT 18:00 after a 12:00 OUT).
      const late = [
        phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2031-02-03T11:00:00.000Z' }),
        new TestDevice().punch(techUser.id, 'IN', { missionId: m.id, at: '2031-02-03T12:00:00.000Z' }),
      ];
      await create(tech, 'field_events', late);
      const other = new TestDevice();
      await create(tech, 'field_events', [other.punch(techUser.id, 'OUT', { missionId: m.id, at: '2031-02-03T17:00:00.000Z' })]);

      const unchanged = (await sheets()).get(id)!;
      expect(unchanged).toMatchObject({ status: 'VALIDATED', startAt: validated.startAt, endAt: null, workedMinutes: 0, validatedAt: validated.validatedAt });
      expect(unchanged.punchIds).toEqual(validated.punchIds);
      expect(unchanged.anomalies).toEqual(validated.anomalies);

      const requests = await requestsOf(manager, id);
      expect(requests).toHaveLength(3);
      for (const r of requests) expect(r).toMatchObject({ userId: techUser.id, missionId: m.id, authorAccountId: null, payload: { entity: 'timesheets', reason: 'PUNCH_AFTER_VALIDATION' } });
      const open = openAdjustments(unchanged as never, requests as unknown as AdjustmentRequestLike[]);
      expect(open).toHaveLength(3);
      // The newest request proposes what every punch gives: 09:00-12:00 and 13:00-18:00, 8 h, no anomaly.
      const newest = open.at(-1)!.payload.changes as Record<string, { from: unknown; to: unknown }>;
      expect(newest.endAt).toEqual({ from: null, to: '2031-02-03T17:00:00.000Z' });
      expect(newest.workedMinutes).toEqual({ from: 0, to: 480 });
      expect(newest.anomalies).toEqual({ from: validated.anomalies, to: [] });
      // The crew member reads them too (their own events).
      expect(await requestsOf(tech, id)).toHaveLength(3);

      // The planner validates again: every punch counts, the anomalies come from the pairs, nothing is open.
      expect((await push(manager, 'timesheets', [{ assumedMasterState: unchanged, newDocumentState: { ...unchanged, updatedAt: now() } }])).rejected).toEqual([]);
      const again = (await sheets()).get(id)!;
      expect(again).toMatchObject({ status: 'VALIDATED', source: 'PUNCHES', startAt: '2031-02-03T08:00:00.000Z', endAt: '2031-02-03T17:00:00.000Z', workedMinutes: 480, paidMinutes: 480, anomalies: [] });
      expect(again.punchIds).toHaveLength(4);
      expect(String(again.validatedAt) > String(validated.validatedAt)).toBe(true);
      expect(openAdjustments(again as never, (await requestsOf(manager, id)) as unknown as AdjustmentRequestLike[])).toEqual([]);
    });

    it('a comment by the planner is not a validation; a crew edit of a validated timesheet is diverted and settled by the next validation', async () => {
      const m = mission({ status: 'PUBLISHED', startAt: '2031-02-05T08:00:00.000Z', endAt: '2031-02-05T12:00:00.000Z' });
      await create(manager, 'missions', [m]);
      await create(manager, 'assignments', [assignment(m.id, techUser.id)]);
      const phone = new TestDevice();
      await create(tech, 'field_events', [
        phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2031-02-05T08:00:00.000Z' }),
        phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2031-02-05T12:00:00.000Z' }),
      ]);
      const id = timesheetIdFor(orgId, techUser.id, m.id);
      const draft = (await sheets()).get(id)!;
      await push(manager, 'timesheets', [{ assumedMasterState: draft, newDocumentState: { ...draft, status: 'VALIDATED', updatedAt: now() } }]);
      const validated = (await sheets()).get(id)!;
      const mine = (await serverDocs(tech, 'timesheets')).get(id)!;
      const diverted = await push(tech, 'timesheets', [{ assumedMasterState: mine, newDocumentState: { ...mine, endAt: '2031-02-05T12:30:00.000Z', updatedAt: now() } }]);
      expect(diverted.diverted?.map((d) => d.code)).toEqual(['LOCKED']);
      expect(openAdjustments(validated as never, (await requestsOf(manager, id)) as unknown as AdjustmentRequestLike[])).toHaveLength(1);
      await push(manager, 'timesheets', [{ assumedMasterState: validated, newDocumentState: { ...validated, managerComment: 'Vu', updatedAt: now() } }]);
      const commented = (await sheets()).get(id)!;
      expect(commented.validatedAt).toBe(validated.validatedAt);
      expect(openAdjustments(commented as never, (await requestsOf(manager, id)) as unknown as AdjustmentRequestLike[])).toHaveLength(1);
      await push(manager, 'timesheets', [{ assumedMasterState: commented, newDocumentState: { ...commented, updatedAt: now() } }]);
      const again = (await sheets()).get(id)!;
      expect(openAdjustments(again as never, (await requestsOf(manager, id)) as unknown as AdjustmentRequestLike[])).toEqual([]);
      expect(again).toMatchObject({ workedMinutes: 240, endAt: '2031-02-05T12:00:00.000Z' });
    });
  });

  describe('3. a kiosk punch goes to one of the person\'s missions at its venue that day', () => {
    const kioskPost = (token: string, path: string, body: unknown) => new TestClient(server.url).post(path, body, { authorization: `Kiosk ${token}` });
    const kioskGet = (token: string, path: string) => new TestClient(server.url).get(path, { authorization: `Kiosk ${token}` });

    it('accepts the chosen mission of the person at the venue, refuses another venue, another day or someone else\'s mission', async () => {
      const here = venue(`Salle ${uuidv7().slice(-6)}`);
      const there = venue(`Ailleurs ${uuidv7().slice(-6)}`);
      await create(manager, 'reference', [here, there]);
      const t = Date.now();
      const iso = (h: number) => new Date(t + h * 3_600_000).toISOString();
      const running = mission({ venueId: here.id, status: 'PUBLISHED', title: 'Montage', startAt: iso(-1), endAt: iso(4) });
      const soon = mission({ venueId: here.id, status: 'PUBLISHED', title: 'Balance', startAt: iso(0.5), endAt: iso(3) });
      const elsewhere = mission({ venueId: there.id, status: 'PUBLISHED', startAt: iso(-1), endAt: iso(4) });
      const later = mission({ venueId: here.id, status: 'PUBLISHED', startAt: iso(72), endAt: iso(76) });
      const theirs = mission({ venueId: here.id, status: 'PUBLISHED', startAt: iso(-1), endAt: iso(4) });
      await create(manager, 'missions', [running, soon, elsewhere, later, theirs]);
      const who = person({ firstName: 'Kim', lastName: 'Kiosque' });
      const someone = person({ firstName: 'Sam', lastName: 'Autre' });
      await create(manager, 'users', [who, someone]);
      await create(manager, 'assignments', [running, soon, elsewhere, later].map((m) => assignment(m.id, who.id)));
      await create(manager, 'assignments', [assignment(theirs.id, someone.id)]);
      const enrolled = (await (await manager.post('/api/v1/timeclock/kiosks', { venueId: here.id, name: 'Borne' })).json()) as { kiosk: { id: string }; token: string };
      const roster = (await (await kioskGet(enrolled.token, '/api/v1/kiosk/roster')).json()) as { people: { userId: string; missions: { id: string }[] }[] };
      expect(roster.people.find((p) => p.userId === who.id)!.missions.map((m) => m.id).sort()).toEqual([running.id, soon.id].sort());

      const device = new TestDevice(`kiosk-${enrolled.kiosk.id}`);
      const payload = { source: 'KIOSK', method: 'PIN', venueId: here.id };
      const send = async (missionId: string | null, type: 'IN' | 'OUT' = 'IN') => {
        const row = device.punch(who.id, type, { missionId, at: new Date().toISOString() }, payload);
        const res = await kioskPost(enrolled.token, '/api/v1/kiosk/sync/field_events/push?details=1', [{ newDocumentState: row }]);
        const out = (await res.json()) as { rejected: { id: string; code: string }[]; written: number };
        // A refused punch leaves the device's chain as it was (the kiosk keeps it aside).
        if (out.rejected.length) device.head = null;
        return out;
      };
      for (const wrong of [elsewhere.id, later.id, theirs.id, 'no-such-mission']) {
        expect((await send(wrong)).rejected.map((r) => r.code)).toEqual(['MISSION_NOT_ON_ROSTER']);
      }
      device.head = null;
      expect(await send(soon.id)).toMatchObject({ rejected: [], written: 1 });
      expect(await send(soon.id, 'OUT')).toMatchObject({ rejected: [], written: 1 });
      expect(await send(running.id)).toMatchObject({ rejected: [], written: 1 });
      expect(await send(null, 'OUT')).toMatchObject({ rejected: [], written: 1 });
      const stored = [...(await serverDocs(manager, 'field_events')).values()].filter((e) => e.userId === who.id && e.kind === 'PUNCH');
      expect(stored.map((e) => e.missionId).sort()).toEqual([null, running.id, soon.id, soon.id].sort());
      // The roster gives the mission of the last punch (a clock out goes to the open clock in's mission).
      const after = (await (await kioskGet(enrolled.token, '/api/v1/kiosk/roster')).json()) as { people: { userId: string; lastPunch: { punchType: string; missionId: string | null } }[] };
      expect(after.people.find((p) => p.userId === who.id)!.lastPunch).toMatchObject({ punchType: 'OUT', missionId: null });
    });
  });

  describe('5. a person working for two organisations: the weekly maximum applies to all their work (L8261-1)', () => {
    it('each planner sees "N h elsewhere" in WEEKLY_MAX and nothing else of the other organisation', async () => {
      const admin = await signedIn(server.url, 'admin@coulisses.demo');
      const adminB = await signedIn(server.url, 'admin@coulisses.demo');
      const orgB = ((await (await regie.get('/api/v1/me')).json()) as { activeOrg: { id: string } }).activeOrg.id;
      expect((await adminB.put('/api/v1/me/active-org', { orgId: orgB })).status).toBe(200);
      const email = `double-${backend}@example.org`;
      const crew = await newMember(server.url, admin, email, 'TECH');
      const invited = (await (await adminB.post('/api/v1/org/invitations', { email, role: 'TECH' })).json()) as { invitation: { id: string } };
      expect((await crew.post(`/api/v1/invitations/${invited.invitation.id}/accept`)).status).toBe(200);
      const accountId = ((await (await crew.get('/api/v1/me')).json()) as { account: { id: string } }).account.id;

      const here = person({ accountId, firstName: 'Dora', lastName: 'Double' });
      const there = person({ accountId, firstName: 'Dora', lastName: 'Secret-B' });
      const unlinked = person({ firstName: 'Una', lastName: 'Seule' });
      await create(manager, 'users', [here, unlinked]);
      await create(regie, 'users', [there]);
      // Week of Monday 8 September 2031 (Paris, UTC+2). Here: Monday to Friday 08:00-16:00, 40 h.
      const days = ['08', '09', '10', '11', '12'];
      const ours = days.map((d) => mission({ status: 'PUBLISHED', title: 'Montage A', startAt: `2031-09-${d}T06:00:00.000Z`, endAt: `2031-09-${d}T14:00:00.000Z` }));
      await create(manager, 'missions', ours);
      await create(manager, 'assignments', ours.map((m) => assignment(m.id, here.id)));
      // There: Saturday 13 September 10:00-20:00 (10 h), a cancelled one that does not count, and work of the week after.
      const theirs = mission({ status: 'PUBLISHED', title: 'Festival secret B', startAt: '2031-09-13T08:00:00.000Z', endAt: '2031-09-13T18:00:00.000Z' });
      const cancelled = mission({ status: 'CANCELLED', title: 'Annule B', startAt: '2031-09-14T08:00:00.000Z', endAt: '2031-09-14T18:00:00.000Z' });
      const nextWeek = mission({ status: 'PUBLISHED', title: 'Semaine suivante B', startAt: '2031-09-16T08:00:00.000Z', endAt: '2031-09-16T12:00:00.000Z' });
      await create(regie, 'missions', [theirs, cancelled, nextWeek]);
      const theirAssignments = [theirs, cancelled, nextWeek].map((m) => assignment(m.id, there.id));
      await create(regie, 'assignments', theirAssignments);

      const range = 'from=2031-09-07T22:00:00.000Z&to=2031-09-14T22:00:00.000Z';
      const resA = await manager.get(`/api/v1/planning/conflicts?${range}`);
      expect(resA.status).toBe(200);
      const textA = await resA.text();
      const conflictsA = (JSON.parse(textA) as { conflicts: Conflict[] }).conflicts.filter((c) => c.userId === here.id);
      expect(conflictsA.map((c) => [c.kind, c.period, c.hours, c.elsewhereHours])).toEqual([['WEEKLY_MAX', '2031-09-08', 50, 10]]);
      expect(conflictsA[0]!.assignmentIds).toHaveLength(5);
      for (const secret of [there.id, theirs.id, 'Festival secret B', 'Secret-B', orgB, ...theirAssignments.map((a) => a.id)]) expect(textA).not.toContain(secret);

      const elsewhere = (await (await manager.get(`/api/v1/planning/elsewhere?${range}`)).json()) as { elsewhere: { userId: string; monday: string; hours: number }[] };
      // Hours per week only, up to the end of the range (the week after is not asked for).
      expect(elsewhere.elsewhere).toEqual([{ userId: here.id, monday: '2031-09-08', hours: 10 }]);
      expect((await tech.get(`/api/v1/planning/elsewhere?${range}`)).status).toBe(403);

      // The other organisation's planner: 10 h there and 40 h elsewhere.
      const textB = await (await regie.get(`/api/v1/planning/conflicts?${range}`)).text();
      const conflictsB = (JSON.parse(textB) as { conflicts: Conflict[] }).conflicts.filter((c) => c.userId === there.id);
      expect(conflictsB.map((c) => [c.kind, c.period, c.hours, c.elsewhereHours])).toEqual([['WEEKLY_MAX', '2031-09-08', 50, 40]]);
      for (const secret of [here.id, ...ours.map((m) => m.id), 'Montage A', 'Double']) expect(textB).not.toContain(secret);

      // 8 h there only (the Saturday shortened): 48 h, lawful for both.
      const stored = (await serverDocs(regie, 'missions')).get(theirs.id)!;
      await push(regie, 'missions', [{ assumedMasterState: stored, newDocumentState: { ...stored, endAt: '2031-09-13T16:00:00.000Z', updatedAt: now() } }]);
      const lawful = (await (await manager.get(`/api/v1/planning/conflicts?${range}`)).json()) as { conflicts: Conflict[] };
      expect(lawful.conflicts.filter((c) => c.userId === here.id)).toEqual([]);
    });
  });
});
