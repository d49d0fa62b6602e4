import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDoc } from '@coulisses/shared';
import { timesheetIdFor } from '@coulisses/shared/timeclock/timesheet-id';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, now, person, TestDevice } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

describe.each(backends)('timesheets computed from punches on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let techUser: SyncDoc;
  let orgId: string;

  const sheet = async (id: string) => (await serverDocs(manager, 'timesheets')).get(id);

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    const me = (await (await tech.get('/api/v1/me')).json()) as { account: { id: string }; activeOrg: { id: string } };
    orgId = me.activeOrg.id;
    techUser = person({ accountId: me.account.id, firstName: 'Theo', lastName: 'Pointeur' });
    await create(manager, 'users', [techUser]);
  });
  afterAll(async () => server?.close());

  /** A mission the tech is invited to. Paris is UTC+1 in January. */
  async function missionOfTech(fields: Partial<SyncDoc>): Promise<SyncDoc> {
    const m = mission({ type: 'SPECTACLE', status: 'PUBLISHED', ...fields });
    await create(manager, 'missions', [m]);
    await create(manager, 'assignments', [assignment(m.id, techUser.id)]);
    return m;
  }

  it('a night shift punched on a phone becomes a timesheet, completed by a second push', async () => {
    // 22:00 -> 02:02 local, break 00:30 -> 01:00 local: worked 242, break 30, paid 212, rounded 210 (5 min),
    // night (00:00-07:00, live performance) 122 - 30 = 92.
    const m = await missionOfTech({ startAt: '2026-01-15T21:00:00.000Z', endAt: '2026-01-16T01:00:00.000Z' });
    const phone = new TestDevice('phone-test-a');
    const punches = [
      phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2026-01-15T21:00:00.000Z' }),
      phone.punch(techUser.id, 'BREAK_START', { missionId: m.id, at: '2026-01-15T23:30:00.000Z' }),
      phone.punch(techUser.id, 'BREAK_END', { missionId: m.id, at: '2026-01-16T00:00:00.000Z' }),
    ];
    await create(tech, 'field_events', punches);
    const id = timesheetIdFor(orgId, techUser.id, m.id);
    const open = await sheet(id);
    expect(open).toMatchObject({
      userId: techUser.id, missionId: m.id, date: '2026-01-15', type: 'SPECTACLE', status: 'DRAFT', source: 'PUNCHES',
      startAt: '2026-01-15T21:00:00.000Z', endAt: null, plannedMinutes: 240, workedMinutes: 0,
    });
    expect(open?.anomalies).toContain('MISSING_OUT');
    // The crew member reads it too (it is theirs).
    expect((await serverDocs(tech, 'timesheets')).has(id)).toBe(true);

    await create(tech, 'field_events', [phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2026-01-16T01:02:00.000Z' })]);
    const done = await sheet(id);
    expect(done).toMatchObject({
      startAt: '2026-01-15T21:00:00.000Z', endAt: '2026-01-16T01:02:00.000Z', breakMinutes: 30,
      workedMinutes: 242, paidMinutes: 212, roundedMinutes: 210, nightMinutes: 92, plannedMinutes: 240, anomalies: [], status: 'DRAFT',
    });
    expect(done?.punchIds).toHaveLength(4);
    const audit = await server.deps.db.sql`select action from audit_log where entity = 'timesheets' and entity_id = ${id} order by id`;
    expect(audit.map((r) => r.action)).toEqual(['timesheets.created', 'timesheets.changed']);
  });

  it('punches of one person from two devices merge into one timesheet; a day without mission is keyed by date', async () => {
    const m = await missionOfTech({ startAt: '2026-01-20T08:00:00.000Z', endAt: '2026-01-20T12:00:00.000Z' });
    const phone = new TestDevice('phone-test-b');
    const other = new TestDevice('phone-test-c');
    await create(tech, 'field_events', [phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2026-01-20T08:00:00.000Z' })]);
    await create(tech, 'field_events', [other.punch(techUser.id, 'OUT', { missionId: m.id, at: '2026-01-20T12:00:00.000Z' })]);
    const all = [...(await serverDocs(manager, 'timesheets')).values()].filter((t) => t.missionId === m.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: timesheetIdFor(orgId, techUser.id, m.id), workedMinutes: 240, roundedMinutes: 240, nightMinutes: 0 });

    // Many punches in one push (no mission): one timesheet per local day.
    const dev = new TestDevice('phone-test-d');
    await create(tech, 'field_events', [
      dev.punch(techUser.id, 'IN', { at: '2026-01-21T08:00:00.000Z' }),
      dev.punch(techUser.id, 'OUT', { at: '2026-01-21T10:00:00.000Z' }),
      dev.punch(techUser.id, 'IN', { at: '2026-01-21T11:00:00.000Z' }),
      dev.punch(techUser.id, 'OUT', { at: '2026-01-21T12:01:00.000Z' }),
      dev.punch(techUser.id, 'IN', { at: '2026-01-22T08:00:00.000Z' }),
      dev.punch(techUser.id, 'OUT', { at: '2026-01-22T09:00:00.000Z' }),
    ]);
    const day1 = await sheet(timesheetIdFor(orgId, techUser.id, '2026-01-21'));
    const day2 = await sheet(timesheetIdFor(orgId, techUser.id, '2026-01-22'));
    expect(day1).toMatchObject({ date: '2026-01-21', missionId: null, type: 'OTHER', workedMinutes: 181, roundedMinutes: 180 });
    expect(day1?.punchIds).toHaveLength(4);
    expect(day2).toMatchObject({ date: '2026-01-22', workedMinutes: 60 });
  });

  it('a night without mission whose OUT arrives before its IN ends as one timesheet of the evening', async () => {
    // 22:00 local on the 23rd -> 02:30 local on the 24th; the OUT reaches the server first (another device).
    const dev = new TestDevice('phone-test-night');
    const inPunch = dev.punch(techUser.id, 'IN', { at: '2026-01-23T21:00:00.000Z' });
    const outPunch = dev.punch(techUser.id, 'OUT', { at: '2026-01-24T01:30:00.000Z' });
    await create(tech, 'field_events', [outPunch]);
    const early = timesheetIdFor(orgId, techUser.id, '2026-01-24');
    expect((await sheet(early))?._deleted).toBe(false);
    await create(tech, 'field_events', [inPunch]);
    const evening = await sheet(timesheetIdFor(orgId, techUser.id, '2026-01-23'));
    expect(evening).toMatchObject({ date: '2026-01-23', startAt: inPunch.at, endAt: outPunch.at, workedMinutes: 270, anomalies: [] });
    expect((await sheet(early))?._deleted).toBe(true);
  });

  it('a validated timesheet keeps its times when a late punch arrives (the punch opens an adjustment request)', async () => {
    const m = await missionOfTech({ startAt: '2026-01-25T08:00:00.000Z', endAt: '2026-01-25T12:00:00.000Z' });
    const phone = new TestDevice('phone-test-e');
    await create(tech, 'field_events', [
      phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2026-01-25T08:00:00.000Z' }),
      phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2026-01-25T11:00:00.000Z' }),
    ]);
    const id = timesheetIdFor(orgId, techUser.id, m.id);
    const stored = (await sheet(id))!;
    const validated = { ...stored, status: 'VALIDATED', updatedAt: now() };
    expect((await push(manager, 'timesheets', [{ assumedMasterState: stored, newDocumentState: validated }])).rejected).toEqual([]);
    const late = phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2026-01-25T12:30:00.000Z' });
    await create(tech, 'field_events', [late]);
    const after = (await sheet(id))!;
    expect(after).toMatchObject({ status: 'VALIDATED', startAt: stored.startAt, endAt: stored.endAt, workedMinutes: 180 });
    // Not absorbed: the punch waits in an adjustment request (timesheet-integrity.test.ts).
    expect(after.punchIds).not.toContain(late.id);
    expect(after.validatedAt).toBeTruthy();
    const requests = [...(await serverDocs(manager, 'field_events')).values()].filter((e) => e.kind === 'ADJUSTMENT_REQUEST' && e.subjectId === id);
    expect(requests.map((r) => (r.payload as { punchId?: string }).punchId)).toEqual([late.id]);
  });

  it('a manager changes the times only with a reason; the timesheet becomes MANUAL, audited', async () => {
    const m = await missionOfTech({ startAt: '2026-01-27T08:00:00.000Z', endAt: '2026-01-27T12:00:00.000Z' });
    const phone = new TestDevice('phone-test-f');
    await create(tech, 'field_events', [
      phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2026-01-27T08:00:00.000Z' }),
      phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2026-01-27T11:00:00.000Z' }),
    ]);
    const id = timesheetIdFor(orgId, techUser.id, m.id);
    const stored = (await sheet(id))!;
    const changed = { ...stored, endAt: '2026-01-27T12:00:00.000Z', breakMinutes: 15, updatedAt: now() };
    const refused = await push(manager, 'timesheets', [{ assumedMasterState: stored, newDocumentState: changed }]);
    expect(refused.rejected[0]?.code).toBe('ADJUST_REASON_REQUIRED');
    const ok = await push(manager, 'timesheets', [{ assumedMasterState: stored, newDocumentState: { ...changed, adjustReason: 'Oubli de pointage en fin de service' } }]);
    expect(ok.rejected).toEqual([]);
    const after = (await sheet(id))!;
    expect(after).toMatchObject({ source: 'MANUAL', endAt: '2026-01-27T12:00:00.000Z', breakMinutes: 15, workedMinutes: 240, paidMinutes: 225, roundedMinutes: 225, adjustReason: 'Oubli de pointage en fin de service' });
    const audit = await server.deps.db.sql<{ action: string; data: { to: Record<string, unknown> } }[]>`
      select action, data from audit_log where entity = 'timesheets' and entity_id = ${id} order by id`;
    expect(audit.at(-1)?.action).toBe('timesheets.changed');
    expect(audit.at(-1)?.data.to.adjustReason).toBe('Oubli de pointage en fin de service');
    // A later punch leaves the manual times alone.
    await create(tech, 'field_events', [phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2026-01-27T13:00:00.000Z' })]);
    expect(await sheet(id)).toMatchObject({ source: 'MANUAL', endAt: '2026-01-27T12:00:00.000Z', workedMinutes: 240 });
  });

  it('crew confirm or dispute their own timesheet and cannot touch someone else', async () => {
    const m = await missionOfTech({ startAt: '2026-01-29T08:00:00.000Z', endAt: '2026-01-29T12:00:00.000Z' });
    const phone = new TestDevice('phone-test-g');
    await create(tech, 'field_events', [
      phone.punch(techUser.id, 'IN', { missionId: m.id, at: '2026-01-29T08:00:00.000Z' }),
      phone.punch(techUser.id, 'OUT', { missionId: m.id, at: '2026-01-29T12:00:00.000Z' }),
    ]);
    const id = timesheetIdFor(orgId, techUser.id, m.id);
    const mine = (await serverDocs(tech, 'timesheets')).get(id)!;
    const confirmed = { ...mine, status: 'CONFIRMED', updatedAt: now() };
    expect((await push(tech, 'timesheets', [{ assumedMasterState: mine, newDocumentState: confirmed }])).rejected).toEqual([]);
    const disputed = { ...confirmed, status: 'DISPUTED', crewComment: 'Parti a 12h30', updatedAt: now() };
    expect((await push(tech, 'timesheets', [{ assumedMasterState: confirmed, newDocumentState: disputed }])).rejected).toEqual([]);
    expect(await sheet(id)).toMatchObject({ status: 'DISPUTED', crewComment: 'Parti a 12h30', source: 'PUNCHES' });
    // The crew member may not validate.
    const self = await push(tech, 'timesheets', [{ assumedMasterState: disputed, newDocumentState: { ...disputed, status: 'VALIDATED', updatedAt: now() } }]);
    expect(self.rejected[0]?.code).toBe('ILLEGAL_TRANSITION');

    const someone = person({ firstName: 'Autre', lastName: 'Personne' });
    await create(manager, 'users', [someone]);
    const theirs = {
      id: timesheetIdFor(orgId, someone.id, '2026-01-29'), updatedAt: now(), userId: someone.id, missionId: null, date: '2026-01-29', type: 'OTHER',
      startAt: '2026-01-29T08:00:00.000Z', endAt: '2026-01-29T10:00:00.000Z', breakMinutes: 0, status: 'DRAFT', validatedAt: null, validatedByAccountId: null,
      source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0, nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false,
    } as SyncDoc;
    await create(manager, 'timesheets', [theirs]);
    expect(await sheet(theirs.id)).toMatchObject({ workedMinutes: 120, roundedMinutes: 120 });
    expect((await serverDocs(tech, 'timesheets')).has(theirs.id)).toBe(false);
    const foreign = await push(tech, 'timesheets', [{ assumedMasterState: theirs, newDocumentState: { ...theirs, status: 'CONFIRMED', updatedAt: now() } }]);
    expect(foreign.rejected[0]?.code).toBe('FORBIDDEN');
    expect(await sheet(theirs.id)).toMatchObject({ status: 'DRAFT' });
  });
});
