import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncDoc } from '@coulisses/shared';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { actionPlan, assignment, kpiDef, kpiValue, mission, now, person } from '../helpers/docs';
import { sweepOverdue, sweepValuesDue } from '../../src/notifications/overdue';
import { startTestServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** Waits until every notification job queued so far has run (the events, then the emails they queued). */
async function settle(server: TestServer): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await server.deps.db.sql<{ n: number }[]>`
      select count(*)::int as n from jobs where dead_at is null and run_after <= now() and kind in ('notify.events', 'notify.reminder', 'outbox.email')`;
    if (row!.n === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const subjects = (sink: SmtpSink, to: string) => sink.messages.filter((m) => m.to.includes(to)).map((m) => m.parsed.subject ?? '');

/**
 * The planning's emails (issue 15): a published mission's invitation with its accept and decline links, a change
 * of time or place, a cancellation, the reminder before the start and the timesheet to confirm; each to the person's
 * account (their language and preferences) or to the address on their card, once.
 */
describe.each(backends)('planning emails on %s', (backend) => {
  let server: TestServer;
  let sink: SmtpSink;
  let manager: TestClient;
  let tech: TestClient;
  let crew: SyncDoc;
  let techUser: SyncDoc;
  const crewEmail = `card-${backend}@example.org`;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(backend, { smtpUrl: sink.url, jobRunner: true, jobRetryBaseMs: 40 });
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    crew = person({ email: crewEmail, firstName: 'Camille', lastName: 'Carte' });
    techUser = person({ accountId: await accountIdOf(tech), firstName: 'Theo', lastName: 'Tech' });
    await create(manager, 'users', [crew, techUser]);
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('invites the crew of a mission when it is published, with links that answer it', async () => {
    const m = mission({ title: `Concert ${backend}`, startAt: inHours(24 * 10), endAt: inHours(24 * 10 + 6) });
    await create(manager, 'missions', [m]);
    const a = assignment(m.id, crew.id);
    await create(manager, 'assignments', [a]);
    await settle(server);
    expect(subjects(sink, crewEmail)).toEqual([]);

    const published = { ...m, status: 'PUBLISHED', updatedAt: now() };
    expect((await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: published }])).rejected).toEqual([]);
    const mail = await sink.waitFor(crewEmail, (x) => /Concert/.test(x.parsed.subject ?? ''));
    expect(mail.parsed.subject).toMatch(new RegExp(`Mission propos.e : Concert ${backend}`));
    expect(mail.parsed.text).toMatch(/Bonjour Camille Carte,/);
    const links = (mail.parsed.text ?? '').match(/https?:\/\/\S+\/m\/\S+/g) ?? [];
    expect(links).toHaveLength(2);
    const token = new URL(links[0]!).pathname.split('/m/')[1]!;
    expect(links[1]).toBe(`${links[0]}?answer=decline`);
    const answer = await new TestClient(server.url).post(`/api/v1/public/mission-invitations/${token}/accept`);
    expect(answer.status).toBe(200);
    await settle(server);
    // Accepting is no new invitation.
    expect(subjects(sink, crewEmail).filter((s) => /Concert/.test(s))).toHaveLength(1);
  });

  it('tells the crew of a change of time and of a cancellation, once each, and respects an opt-out', async () => {
    const m = mission({ title: `Festival ${backend}`, status: 'PUBLISHED', startAt: inHours(24 * 12), endAt: inHours(24 * 12 + 4) });
    await create(manager, 'missions', [m]);
    await create(manager, 'assignments', [assignment(m.id, crew.id), assignment(m.id, techUser.id)]);
    await settle(server);
    expect((await tech.put('/api/v1/me/notifications', { preferences: { 'mission-changed': 'none' } })).status).toBe(200);

    const moved = { ...m, startAt: inHours(24 * 12 + 2), endAt: inHours(24 * 12 + 6), updatedAt: now() };
    await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: moved }]);
    await sink.waitFor(crewEmail, (x) => /Mission modifi.e : Festival/.test(x.parsed.subject ?? ''));
    const cancelled = { ...moved, status: 'CANCELLED', updatedAt: now() };
    await push(manager, 'missions', [{ assumedMasterState: moved, newDocumentState: cancelled }]);
    await sink.waitFor(crewEmail, (x) => /Mission annul.e : Festival/.test(x.parsed.subject ?? ''));
    await sink.waitFor('tech@coulisses.demo', (x) => /Mission annul.e : Festival/.test(x.parsed.subject ?? ''));
    await settle(server);
    const crewSubjects = subjects(sink, crewEmail).filter((s) => s.includes('Festival'));
    expect(crewSubjects.filter((s) => /modifi/.test(s))).toHaveLength(1);
    expect(crewSubjects.filter((s) => /annul/.test(s))).toHaveLength(1);
    const techSubjects = subjects(sink, 'tech@coulisses.demo').filter((s) => s.includes('Festival'));
    expect(techSubjects.filter((s) => /modifi/.test(s))).toHaveLength(0);
  });

  it('tells the crew that a deleted published mission is cancelled; a deleted draft tells nobody', async () => {
    const m = mission({ title: `Efface ${backend}`, status: 'PUBLISHED', startAt: inHours(24 * 15), endAt: inHours(24 * 15 + 3) });
    const draft = mission({ title: `Brouillon ${backend}`, startAt: inHours(24 * 15), endAt: inHours(24 * 15 + 3) });
    await create(manager, 'missions', [m, draft]);
    await create(manager, 'assignments', [assignment(m.id, crew.id), assignment(draft.id, crew.id)]);
    await sink.waitFor(crewEmail, (x) => (x.parsed.subject ?? '').includes(`Efface ${backend}`));
    await push(manager, 'missions', [
      { assumedMasterState: m, newDocumentState: { ...m, _deleted: true, updatedAt: now() } },
      { assumedMasterState: draft, newDocumentState: { ...draft, _deleted: true, updatedAt: now() } },
    ]);
    await sink.waitFor(crewEmail, (x) => /Mission annul.e : Efface/.test(x.parsed.subject ?? ''));
    await settle(server);
    expect(subjects(sink, crewEmail).filter((x) => x.includes(`Brouillon ${backend}`))).toEqual([]);
  });

  it('writes the mission in the organisation zone across the night of the October DST change', async () => {
    const m = mission({ title: `Nuit ${backend}`, status: 'PUBLISHED', startAt: '2027-10-30T22:30:00.000Z', endAt: '2027-10-31T03:30:00.000Z' });
    await create(manager, 'missions', [m]);
    await create(manager, 'assignments', [assignment(m.id, crew.id)]);
    const mail = await sink.waitFor(crewEmail, (x) => /Nuit/.test(x.parsed.subject ?? ''));
    // 22:30 UTC is 00:30 in Paris (summer time), 03:30 UTC is 04:30 (winter time, after 03:00 became 02:00).
    expect(mail.parsed.text).toContain('31 oct. 2027, 00:30 - 04:30');
  });

  it('reminds the accepted crew before the start, and a refused write emails nobody', async () => {
    const m = mission({ title: `Balance ${backend}`, status: 'PUBLISHED', startAt: inHours(3), endAt: inHours(5) });
    await create(manager, 'missions', [m]);
    const a = assignment(m.id, crew.id);
    await create(manager, 'assignments', [a]);
    await sink.waitFor(crewEmail, (x) => /Balance/.test(x.parsed.subject ?? ''));
    const accepted = { ...a, status: 'ACCEPTED', statusChangedAt: now(), updatedAt: now() };
    await push(manager, 'assignments', [{ assumedMasterState: a, newDocumentState: accepted }]);
    // The mission changes: its reminder is due at once (it starts within 24 h).
    const later = { ...m, endAt: inHours(6), updatedAt: now() };
    await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: later }]);
    await sink.waitFor(crewEmail, (x) => /Rappel : Balance/.test(x.parsed.subject ?? ''));

    // A duplicate assignment of the same person is refused: no invitation goes out for it.
    const before = sink.messages.length;
    const out = await push(manager, 'assignments', [{ newDocumentState: assignment(m.id, crew.id) }]);
    expect(out.rejected.length).toBe(1);
    await settle(server);
    expect(sink.messages.length).toBe(before);
  });

  it('asks a person to confirm a submitted timesheet', async () => {
    const sheet = {
      id: crypto.randomUUID(), updatedAt: now(), userId: crew.id, missionId: null, date: '2026-12-01', type: 'OTHER', startAt: '2026-12-01T08:00:00.000Z',
      endAt: '2026-12-01T15:30:00.000Z', breakMinutes: 0, status: 'SUBMITTED', validatedAt: null, validatedByAccountId: null, source: 'MANUAL',
      workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0, nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false,
    } as unknown as SyncDoc;
    const out = await push(manager, 'timesheets', [{ newDocumentState: sheet }]);
    expect(out.rejected, JSON.stringify(out.rejected)).toEqual([]);
    const mail = await sink.waitFor(crewEmail, (x) => /Feuille d'heures/.test(x.parsed.subject ?? ''));
    expect(mail.parsed.text).toMatch(/7\s*h\s*30/);
  });

  it('tells the owner of an overdue action once per due date', async () => {
    const kpi = kpiDef({ ownerUserId: crew.id });
    await create(manager, 'reference', [kpi]);
    const yesterday = new Date(Date.now() - 36 * HOUR).toISOString().slice(0, 10);
    const nextWeek = new Date(Date.now() + 7 * 24 * HOUR).toISOString().slice(0, 10);
    const late = actionPlan(kpi.id, { title: `Former les regisseurs ${backend}`, ownerUserId: crew.id, dueDate: yesterday });
    const onTime = actionPlan(kpi.id, { title: `Plus tard ${backend}`, ownerUserId: crew.id, dueDate: nextWeek });
    const done = actionPlan(kpi.id, { title: `Fait ${backend}`, ownerUserId: crew.id, dueDate: yesterday, status: 'DONE', progress: 100 });
    await create(manager, 'action_plans', [late, onTime, done]);
    const deps = { db: server.deps.db, logger: server.deps.logger, outbox: () => ({ baseURL: server.deps.baseURL, secret: server.deps.secret, mailFrom: 'x@localhost' }) };
    await sweepOverdue(server.deps.db.sql, deps);
    await sweepOverdue(server.deps.db.sql, deps);
    await sink.waitFor(crewEmail, (x) => x.parsed.subject === `Action en retard : Former les regisseurs ${backend}`);
    await settle(server);
    const mine = subjects(sink, crewEmail).filter((x) => x.startsWith('Action en retard'));
    expect(mine.filter((x) => x.includes(backend))).toEqual([`Action en retard : Former les regisseurs ${backend}`]);
  });

  it('asks the owner of a manual KPI for the value of the period just ended, within its grace, once', async () => {
    const missing = kpiDef({ name: `Billetterie ${backend}`, ownerUserId: crew.id }, { frequency: 'DAILY', gracePeriodDays: 1 });
    const entered = kpiDef({ name: `Remplissage ${backend}`, ownerUserId: crew.id }, { frequency: 'DAILY', gracePeriodDays: 1 });
    await create(manager, 'reference', [missing, entered]);
    const yesterday = new Date(Date.now() - 24 * HOUR).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    await create(manager, 'kpi_values', [kpiValue(entered.id, yesterday, 80)]);
    const deps = { db: server.deps.db, logger: server.deps.logger, outbox: () => ({ baseURL: server.deps.baseURL, secret: server.deps.secret, mailFrom: 'x@localhost' }) };
    await sweepValuesDue(server.deps.db.sql, deps);
    await sweepValuesDue(server.deps.db.sql, deps);
    await sink.waitFor(crewEmail, (x) => x.parsed.subject === `Valeur attendue : Billetterie ${backend}`);
    await settle(server);
    const asked = subjects(sink, crewEmail).filter((x) => x.startsWith('Valeur attendue') && x.includes(backend));
    expect(asked).toEqual([`Valeur attendue : Billetterie ${backend}`]);
  });

  it('sends no reminder when the organisation turned reminders off', async () => {
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    expect((await admin.patch('/api/v1/org', { settings: { reminderHours: 500 } })).status).toBe(400);
    expect((await manager.patch('/api/v1/org', { settings: { reminderHours: 0 } })).status).toBe(403);
    expect((await admin.patch('/api/v1/org', { settings: { reminderHours: 0 } })).status).toBe(200);
    const m = mission({ title: `Silence ${backend}`, status: 'PUBLISHED', startAt: inHours(2), endAt: inHours(4) });
    await create(manager, 'missions', [m]);
    const a = assignment(m.id, crew.id);
    await create(manager, 'assignments', [a]);
    await push(manager, 'assignments', [{ assumedMasterState: a, newDocumentState: { ...a, status: 'ACCEPTED', statusChangedAt: now(), updatedAt: now() } }]);
    await push(manager, 'missions', [{ assumedMasterState: m, newDocumentState: { ...m, endAt: inHours(5), updatedAt: now() } }]);
    await sink.waitFor(crewEmail, (x) => /Mission modifi.e : Silence/.test(x.parsed.subject ?? ''));
    await settle(server);
    expect(subjects(sink, crewEmail).filter((x) => x.startsWith('Rappel : Silence'))).toEqual([]);
    expect((await admin.patch('/api/v1/org', { settings: { reminderHours: 24 } })).status).toBe(200);
  });
});
