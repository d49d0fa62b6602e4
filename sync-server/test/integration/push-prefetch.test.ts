import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { TestDevice, assignment, dashboard, kpiDef, mission, now, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { create, push, type PushDetails } from '../helpers/sync-http';

const backends = await availableBackends();
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 });

/**
 * The per-batch prefetch of the punches' and timesheets' hooks (repeat taps, the timesheet recompute, overlaps,
 * planned minutes) is only an optimisation: one push of a mixed batch must answer every row, and store every
 * document, as the same rows pushed one per push do. Two servers start from the same template (the same
 * organisation, the same ids): one gets the batch, the other the rows one by one.
 */

const DAY = '2026-11-10';
const at = (time: string, day = DAY) => `${day}T${time}.000Z`;
const venue = (geofence: Record<string, number>) =>
  ({ id: uuidv7(), updatedAt: now(), kind: 'venue', name: 'Salle Pleyel', archived: false, data: { geofence }, _deleted: false }) as SyncDoc;
/** Lyon: far outside a 200 m fence around Paris. */
const OUTSIDE = { lat: 45.764, lng: 4.8357, accuracyM: 15 };

function manual(userId: string, startAt: string, endAt: string, fields: Partial<SyncDoc> = {}): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), userId, missionId: null, date: startAt.slice(0, 10), type: 'MONTAGE', startAt, endAt, breakMinutes: 30,
    status: 'DRAFT', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0,
    nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false, ...fields,
  } as SyncDoc;
}

/** What both servers get before the measured pushes: two people, a mission at a fenced venue, a punch, a timesheet. */
function fixture() {
  const ana = person({ firstName: 'Ana' });
  const bruno = person({ firstName: 'Bruno' });
  const place = venue({ lat: 48.8566, lng: 2.3522, radiusM: 200 });
  const gig = mission({ venueId: place.id, status: 'PUBLISHED', startAt: at('14:00:00', '2026-11-12'), endAt: at('23:00:00', '2026-11-12') });
  const anaPhone = new TestDevice();
  const storedPunch = anaPhone.punch(ana.id, 'IN', { at: at('08:00:00'), updatedAt: at('08:00:00') });
  const storedSheet = manual(bruno.id, at('08:00:00', '2026-11-11'), at('12:00:00', '2026-11-11'));
  // People: a team with a dashboard shared with it (and a KPI on it), a person already linked to an account.
  const team = uuidv7();
  const kpi = kpiDef();
  const board = dashboard([kpi.id], { sharing: 'TEAMS', teamIds: [team] });
  const linked = person({ firstName: 'Lina', accountId: uuidv7() });
  return { ana, bruno, place, gig, anaPhone, storedPunch, storedSheet, team, kpi, board, linked };
}

type Fixture = ReturnType<typeof fixture>;

/** The punch batch: fine punches, repeat taps (of a stored punch, of a punch of the same batch), two people, refusals. */
function punchBatch(f: Fixture): SyncDoc[] {
  const { ana, bruno, gig, anaPhone, place } = f;
  const brunoPhone = new TestDevice();
  const kiosk = new TestDevice();
  const badHash = new TestDevice().punch(bruno.id, 'IN', { at: at('07:00:00') });
  return [
    // Ana taps again 4 s after her stored IN: REPEAT.
    anaPhone.punch(ana.id, 'IN', { at: at('08:00:04'), updatedAt: at('08:00:04') }),
    brunoPhone.punch(bruno.id, 'IN', { at: at('09:00:00'), updatedAt: at('09:00:00') }),
    // Bruno's second IN 6 s after the one just above, in the same batch: REPEAT.
    kiosk.punch(bruno.id, 'IN', { at: at('09:00:06'), updatedAt: at('09:00:06') }),
    // Outside of the same window (11 s): no flag.
    kiosk.punch(bruno.id, 'IN', { at: at('09:00:17'), updatedAt: at('09:00:17') }),
    { ...badHash, payload: { ...(badHash.payload as object), hash: 'b'.repeat(64) } } as SyncDoc,
    anaPhone.punch(ana.id, 'OUT', { at: at('16:30:00'), updatedAt: at('16:30:00') }),
    // A comment signed with someone else's person by a planner who is no one: FORBIDDEN.
    { id: uuidv7(), updatedAt: now(), kind: 'COMMENT', userId: ana.id, missionId: null, subjectId: null, at: at('10:00:00'), deviceId: null, payload: { text: 'Bonjour' }, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null, _deleted: false } as SyncDoc,
    // Punches on a mission at a fenced venue, one from far away: OUTSIDE_GEOFENCE.
    anaPhone.punch(ana.id, 'IN', { missionId: gig.id, at: at('13:55:00', '2026-11-12'), updatedAt: at('13:55:00', '2026-11-12') }, { position: OUTSIDE, venueId: place.id }),
    brunoPhone.punch(bruno.id, 'OUT', { at: at('17:15:00'), updatedAt: at('17:15:00') }),
    anaPhone.punch(ana.id, 'OUT', { missionId: gig.id, at: at('23:05:00', '2026-11-12'), updatedAt: at('23:05:00', '2026-11-12') }),
    // After midnight for Bruno (no mission): the next local date.
    brunoPhone.punch(bruno.id, 'IN', { at: at('22:30:00', '2026-11-13'), updatedAt: at('22:30:00', '2026-11-13') }),
    brunoPhone.punch(bruno.id, 'OUT', { at: at('02:00:00', '2026-11-14'), updatedAt: at('02:00:00', '2026-11-14') }),
  ];
}

/** The timesheet batch: overlapping one of the same batch, one stored before, a mission's planned time, a refusal. */
function timesheetBatch(f: Fixture): SyncDoc[] {
  const { ana, bruno, gig } = f;
  return [
    manual(bruno.id, at('09:00:00', '2026-11-20'), at('17:00:00', '2026-11-20')),
    // Shares 16:00-17:00 with the one above (same batch).
    manual(bruno.id, at('16:00:00', '2026-11-20'), at('20:00:00', '2026-11-20')),
    // Shares 11:00-12:00 with the stored one.
    manual(bruno.id, at('11:00:00', '2026-11-11'), at('13:00:00', '2026-11-11')),
    manual(ana.id, at('14:00:00', '2026-11-12'), at('22:00:00', '2026-11-12'), { missionId: gig.id }),
    manual(ana.id, at('18:00:00', '2026-11-21'), at('09:00:00', '2026-11-21')),
    manual(ana.id, at('08:00:00', '2026-11-22'), at('12:00:00', '2026-11-22')),
  ];
}

/** The people batch: account links (twice the same in the batch, one already linked), people joining a team. */
function peopleBatch(f: Fixture): SyncDoc[] {
  const account = uuidv7();
  return [
    person({ firstName: 'Marc', accountId: account }),
    person({ firstName: 'Nina', accountId: account }),
    person({ firstName: 'Olga', accountId: String(f.linked.accountId) }),
    person({ firstName: 'Paul', teamIds: [f.team] }),
    person({ firstName: 'Rita', teamIds: [f.team], accountId: uuidv7() }),
    person({ firstName: 'Sami', teamIds: [uuidv7()] }),
  ];
}

/** A row's answer: refused with which code, or answered with the server's state (compared without server times). */
interface Answer {
  rejected: string | null;
  answered: boolean;
}

function answers(rows: readonly SyncDoc[], results: readonly PushDetails[]): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const row of rows) {
    const rejected = results.flatMap((r) => r.rejected).filter((r) => r.id === row.id);
    out[row.id] = { rejected: rejected.map((r) => r.code).join(',') || null, answered: results.some((r) => r.conflicts.some((c) => c.id === row.id)) };
  }
  return out;
}

/** The stored documents of the fixture's people, without the instants the server takes from its clock. */
async function storedOf(server: TestServer, orgId: string, f: Fixture): Promise<Record<string, unknown>> {
  const people = [f.ana.id, f.bruno.id];
  const out: Record<string, unknown> = {};
  for (const table of ['field_events', 'timesheets'] as const) {
    const rows = await server.deps.db.sql<{ id: string; deleted: boolean; doc: Record<string, unknown> }[]>`
      select id, deleted, doc from ${server.deps.db.sql(table)} where org_id = ${orgId} and doc->>'userId' = any(${people}::text[]) order by id`;
    for (const r of rows) {
      const { updatedAt: _u, receivedAt: _r, validatedAt: _v, ...doc } = r.doc;
      // A server-written adjustment request gets a new id: keyed by what it is about.
      const key = r.doc.kind === 'ADJUSTMENT_REQUEST' ? `adjustment:${String(r.doc.subjectId)}` : r.id;
      out[`${table}/${key}`] = { deleted: r.deleted, ...doc, ...(r.doc.kind === 'ADJUSTMENT_REQUEST' ? { id: null, at: null } : {}) };
    }
  }
  return out;
}

describe.each(backends)('the punches and timesheets of one push answer as pushed one by one, on %s', (backend) => {
  let batched: TestServer;
  let single: TestServer;
  let managerB: TestClient;
  let managerS: TestClient;
  let orgId: string;
  const f = fixture();

  beforeAll(async () => {
    [batched, single] = await Promise.all([startTestServer(backend), startTestServer(backend)]);
    [managerB, managerS] = await Promise.all([signedIn(batched.url, 'manager@coulisses.demo'), signedIn(single.url, 'manager@coulisses.demo')]);
    const orgs = await Promise.all([managerB, managerS].map(async (m) => ((await (await m.get('/api/v1/org')).json()) as { org: { id: string } }).org.id));
    expect(orgs[0]).toBe(orgs[1]);
    orgId = orgs[0]!;
    for (const m of [managerB, managerS]) {
      await create(m, 'users', [f.ana, f.bruno]);
      await create(m, 'reference', [f.place]);
      await create(m, 'missions', [f.gig]);
      await create(m, 'field_events', [f.storedPunch]);
      await create(m, 'timesheets', [f.storedSheet]);
      await create(m, 'users', [f.linked]);
      await create(m, 'reference', [f.kpi, f.board]);
    }
  });
  afterAll(async () => {
    await Promise.all([batched?.close(), single?.close()]);
  });

  const pushBoth = async (collection: string, rows: SyncDoc[]) => {
    const together = await push(managerB, collection, rows.map((d) => ({ newDocumentState: d })));
    const oneByOne: PushDetails[] = [];
    for (const row of rows) oneByOne.push(await push(managerS, collection, [{ newDocumentState: row }]));
    return { together, oneByOne };
  };

  it('a batch of punches: the same refusals, flags and timesheets as one punch per push', async () => {
    const rows = punchBatch(f);
    const { together, oneByOne } = await pushBoth('field_events', rows);
    const got = answers(rows, [together]);
    expect(got).toEqual(answers(rows, oneByOne));
    // The existing rules, independently of how the push reads them.
    expect(Object.values(got).map((a) => a.rejected)).toEqual([null, null, null, null, 'INVALID_PUNCH', null, 'FORBIDDEN', null, null, null, null, null]);
    expect(together.written).toBe(oneByOne.reduce((n, r) => n + r.written, 0));

    const stored = await storedOf(batched, orgId, f);
    expect(stored).toEqual(await storedOf(single, orgId, f));
    const flags = (i: number) => (stored[`field_events/${rows[i]!.id}`] as { flags: string[] }).flags;
    expect([0, 1, 2, 3, 5, 7].map(flags)).toEqual([['REPEAT'], [], ['REPEAT'], [], [], ['OUTSIDE_GEOFENCE']]);
    // The punches made timesheets (one per person and day, one for the mission).
    const sheets = Object.entries(stored).filter(([k, v]) => k.startsWith('timesheets/') && (v as SyncDoc).source === 'PUNCHES');
    expect(sheets.length).toBeGreaterThanOrEqual(3);
  });

  it('a batch of timesheets: the same refusals, overlaps and minutes as one timesheet per push', async () => {
    const rows = timesheetBatch(f);
    const { together, oneByOne } = await pushBoth('timesheets', rows);
    const got = answers(rows, [together]);
    expect(got).toEqual(answers(rows, oneByOne));
    expect(Object.values(got).map((a) => a.rejected)).toEqual([null, null, null, null, 'END_BEFORE_START', null]);

    const stored = await storedOf(batched, orgId, f);
    expect(stored).toEqual(await storedOf(single, orgId, f));
    const anomalies = (id: string) => (stored[`timesheets/${id}`] as { anomalies: string[] }).anomalies;
    expect(anomalies(rows[0]!.id)).toContain('OVERLAP');
    expect(anomalies(rows[1]!.id)).toContain('OVERLAP');
    expect(anomalies(rows[2]!.id)).toContain('OVERLAP');
    expect(anomalies(f.storedSheet.id)).toContain('OVERLAP');
    expect(anomalies(rows[5]!.id)).not.toContain('OVERLAP');
    expect((stored[`timesheets/${rows[3]!.id}`] as { plannedMinutes: number }).plannedMinutes).toBe(9 * 60);
  });

  it('a kiosk batch: the same roster refusals, flags and timesheets as one punch per push', async () => {
    const hall = venue({ lat: 48.8566, lng: 2.3522, radiusM: 200 });
    const show = mission({ venueId: hall.id, status: 'PUBLISHED', startAt: at('08:00:00', '2026-11-25'), endAt: at('18:00:00', '2026-11-25') });
    const booked = assignment(show.id, f.ana.id);
    const ids = Array.from({ length: 8 }, () => uuidv7());
    const stranger = uuidv7();
    /** The same rows for both kiosks (their device ids differ, so do the hashes; the ids and instants do not). */
    const rowsFor = (deviceId: string): SyncDoc[] => {
      const d = new TestDevice(deviceId);
      const p = { source: 'KIOSK', method: 'PIN', venueId: hall.id };
      const t = (i: number, time: string, day = '2026-11-25') => ({ id: ids[i]!, at: at(time, day), updatedAt: at(time, day) });
      return [
        d.punch(f.ana.id, 'IN', t(0, '07:58:00'), p),
        // A repeat tap of the row above.
        d.punch(f.ana.id, 'IN', t(1, '07:58:05'), p),
        // Not assigned at this venue that day: NOT_ON_ROSTER; no such person: UNKNOWN_PERSON.
        d.punch(f.bruno.id, 'IN', t(2, '08:01:00'), p),
        d.punch(stranger, 'IN', t(3, '08:02:00'), p),
        // A mission of another venue: MISSION_NOT_ON_ROSTER; the mission of the roster: fine.
        d.punch(f.ana.id, 'BREAK_START', { ...t(4, '12:00:00'), missionId: f.gig.id }, p),
        d.punch(f.ana.id, 'BREAK_START', { ...t(5, '12:00:30'), missionId: show.id }, p),
        d.punch(f.ana.id, 'OUT', t(6, '16:00:00'), p),
        // Two days later, no mission there: NOT_ON_ROSTER.
        d.punch(f.ana.id, 'IN', t(7, '08:00:00', '2026-11-27'), p),
      ];
    };
    const kioskOf = async (server: TestServer, m: TestClient) => {
      await create(m, 'reference', [hall]);
      await create(m, 'missions', [show]);
      await create(m, 'assignments', [booked]);
      const res = await m.post('/api/v1/timeclock/kiosks', { venueId: hall.id, name: 'Borne' });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { kiosk: { id: string }; token: string };
      const client = new TestClient(server.url);
      return {
        rows: rowsFor(`kiosk-${body.kiosk.id}`),
        push: async (rows: SyncDoc[]) => {
          const r = await client.post('/api/v1/kiosk/sync/field_events/push?details=1', rows.map((d) => ({ newDocumentState: d })), { authorization: `Kiosk ${body.token}` });
          expect(r.status).toBe(200);
          return (await r.json()) as PushDetails;
        },
      };
    };
    const [kb, ks] = [await kioskOf(batched, managerB), await kioskOf(single, managerS)];
    const together = await kb.push(kb.rows);
    const oneByOne: PushDetails[] = [];
    for (const row of ks.rows) oneByOne.push(await ks.push([row]));
    const got = answers(kb.rows, [together]);
    expect(got).toEqual(answers(ks.rows, oneByOne));
    expect(Object.values(got).map((a) => a.rejected)).toEqual([null, null, 'NOT_ON_ROSTER', 'UNKNOWN_PERSON', 'MISSION_NOT_ON_ROSTER', null, null, 'NOT_ON_ROSTER']);

    // Device ids and hashes differ between the two kiosks: the events compare without them.
    const comparable = (stored: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(stored).map(([k, v]) => {
          const { deviceId: _d, payload: _p, authorAccountId: _a, ...rest } = v as Record<string, unknown>;
          return [k, k.startsWith('field_events/') ? rest : v];
        }),
      );
    const stored = await storedOf(batched, orgId, f);
    expect(comparable(stored)).toEqual(comparable(await storedOf(single, orgId, f)));
    expect((stored[`field_events/${ids[1]}`] as { flags: string[] }).flags).toEqual(['REPEAT']);
  });

  it('a batch of people: the same account refusals and dashboard readers as one person per push', async () => {
    const rows = peopleBatch(f);
    const { together, oneByOne } = await pushBoth('users', rows);
    const got = answers(rows, [together]);
    expect(got).toEqual(answers(rows, oneByOne));
    expect(Object.values(got).map((a) => a.rejected)).toEqual([null, 'ACCOUNT_ALREADY_LINKED', 'ACCOUNT_ALREADY_LINKED', null, null, null]);
    const ids = [...rows.map((r) => r.id), f.board.id, f.kpi.id];
    const read = async (server: TestServer) => {
      const out = await server.deps.db.sql<{ id: string; deleted: boolean; doc: Record<string, unknown> }[]>`
        select id, deleted, doc from users where org_id = ${orgId} and id = any(${ids}::text[])
        union all select id, deleted, doc from reference where org_id = ${orgId} and id = any(${ids}::text[]) order by id`;
      return out.map(({ doc: { updatedAt: _u, ...doc }, ...r }) => ({ ...r, doc }));
    };
    const stored = await read(batched);
    expect(stored).toEqual(await read(single));
    const board = stored.find((r) => r.id === f.board.id)!.doc;
    expect(board.readerUserIds).toEqual([rows[3]!.id, rows[4]!.id].sort());
  });
});
