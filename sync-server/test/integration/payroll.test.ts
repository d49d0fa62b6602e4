import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { PAIE_MENSUELLE_COLUMNS } from '@coulisses/shared/payroll/csv';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, now, person, project } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

function timesheet(userId: string, fields: Partial<SyncDoc>): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), userId, missionId: null, date: '2031-03-10', type: 'OTHER', startAt: null, endAt: null, breakMinutes: 0,
    status: 'VALIDATED', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0,
    nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false, ...fields,
  } as SyncDoc;
}

function rateProfile(name: string, data: Record<string, unknown>): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'rate_profile', name, archived: false, data, _deleted: false } as SyncDoc;
}

interface Payroll {
  month: string;
  people: { userId: string; name: string; cachets: number; hours: number; franceTravailHours: number; grossHourlyCents: number; grossCachetCents: number; grossCents: number; daysWorked: number }[];
  projects: { projectId: string | null; hours: number; cachets: number; grossCents: number }[];
  skipped: number;
}

describe.each(backends)('payroll of a month on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let other: TestClient;
  let worker: SyncDoc;
  let projectId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    other = await signedIn(server.url, 'regie@nuits-blanches.demo');
    worker = person({ firstName: 'Paula', lastName: 'Paie', employmentType: 'INTERMITTENT' });
    await create(manager, 'users', [worker]);
    const tour = project({ name: 'Tournee' });
    projectId = tour.id;
    await create(manager, 'projects', [tour]);
    const show = mission({ projectId, type: 'SPECTACLE', startAt: '2031-03-10T19:00:00.000Z', endAt: '2031-03-10T23:00:00.000Z' });
    await create(manager, 'missions', [show]);
    await create(manager, 'assignments', [assignment(show.id, worker.id, { role: 'Regisseur' })]);
    // The organisation pays by this test's two rate profiles only: the demo season's are archived first.
    const demoRates = [...(await serverDocs(manager, 'reference')).values()].filter((d) => d.kind === 'rate_profile' && !d._deleted);
    expect((await push(manager, 'reference', demoRates.map((d) => ({ assumedMasterState: d, newDocumentState: { ...d, archived: true, updatedAt: now() } })))).rejected).toEqual([]);
    await create(manager, 'reference', [
      rateProfile('Cachet regisseur', { mode: 'CACHET', amountCents: 15000, appliesTo: { kind: 'ROLE', id: 'Regisseur' } }),
      rateProfile('Horaire', { mode: 'HOURLY', amountCents: 1500, appliesTo: { kind: 'ORG', id: null } }),
    ]);
    // A cachet (validated), 7 h by the hour (validated, 09:00-17:00 local with a 60 min break), one confirmed only.
    await create(manager, 'timesheets', [
      timesheet(worker.id, { missionId: show.id, type: 'SPECTACLE', date: '2031-03-10', startAt: '2031-03-10T19:00:00.000Z', endAt: '2031-03-10T23:00:00.000Z' }),
      timesheet(worker.id, { date: '2031-03-11', startAt: '2031-03-11T08:00:00.000Z', endAt: '2031-03-11T16:00:00.000Z', breakMinutes: 60 }),
      timesheet(worker.id, { date: '2031-03-12', status: 'CONFIRMED', startAt: '2031-03-12T08:00:00.000Z', endAt: '2031-03-12T10:00:00.000Z' }),
      timesheet(worker.id, { date: '2031-04-01', startAt: '2031-04-01T08:00:00.000Z', endAt: '2031-04-01T10:00:00.000Z' }),
    ]);
    // Another organisation's person in the same month.
    const stranger = person({ firstName: 'Eve', lastName: 'Etrangere' });
    await create(other, 'users', [stranger]);
    await create(other, 'timesheets', [timesheet(stranger.id, { date: '2031-03-10', startAt: '2031-03-10T08:00:00.000Z', endAt: '2031-03-10T10:00:00.000Z' })]);
  });
  afterAll(async () => server?.close());

  it('sums validated timesheets per person and project: a cachet counts 12 h for France Travail', async () => {
    const res = await manager.get('/api/v1/payroll/2031-03');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Payroll;
    expect(body.month).toBe('2031-03');
    expect(body.people).toHaveLength(1);
    expect(body.people[0]).toMatchObject({
      userId: worker.id, name: 'Paie Paula', daysWorked: 2, cachets: 1, hours: 7, franceTravailHours: 19,
      grossCachetCents: 15000, grossHourlyCents: 10500, grossCents: 25500,
    });
    expect(body.skipped).toBe(1);
    expect(body.projects).toEqual(expect.arrayContaining([{ projectId, hours: 0, cachets: 1, grossCents: 15000 }, { projectId: null, hours: 7, cachets: 0, grossCents: 10500 }]));

    const withConfirmed = (await (await manager.get('/api/v1/payroll/2031-03?statuses=VALIDATED,CONFIRMED')).json()) as Payroll;
    expect(withConfirmed.people[0]).toMatchObject({ hours: 9, daysWorked: 3, grossCents: 25500 + 3000 });
    expect(withConfirmed.skipped).toBe(0);
  });

  it('exports paie_mensuelle.csv', async () => {
    const res = await manager.get('/api/v1/payroll/2031-03/paie_mensuelle.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="paie_mensuelle_2031-03.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(PAIE_MENSUELLE_COLUMNS.join(';'));
    expect(lines[1]).toBe('Paie Paula;INTERMITTENT;2031-03;2;7,00;1;19,00;0,00;105,00;150,00;0,00;0,00;255,00');
    expect(lines).toHaveLength(3);
  });

  it('is for planners of the organisation only, and checks the month and the rate profiles', async () => {
    expect((await tech.get('/api/v1/payroll/2031-03')).status).toBe(403);
    expect((await tech.get('/api/v1/payroll/2031-03/paie_mensuelle.csv')).status).toBe(403);
    const bad = await manager.get('/api/v1/payroll/2031-13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    expect((await manager.get('/api/v1/payroll/2031-03?statuses=NOPE')).status).toBe(400);
    const theirs = (await (await other.get('/api/v1/payroll/2031-03')).json()) as Payroll;
    expect(theirs.people.map((p) => p.name)).toEqual(['Etrangere Eve']);
    const invalid = await push(manager, 'reference', [{ newDocumentState: rateProfile('Casse', { mode: 'HOURLY', amountCents: -5, appliesTo: { kind: 'ORG', id: null } }) }]);
    expect(invalid.rejected[0]?.code).toBe('INVALID_RATE_PROFILE');
  });
});
