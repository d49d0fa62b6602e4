import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { refreshNow } from '../../src/kpi/auto-refresh';
import { AUTO_REFRESH_JOB } from '../../src/kpi/auto-jobs';
import { GRAND_PLATEAU_KPIS } from '../../src/seed/kpi-content';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, now, person, project } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

/** Wednesday 12 March 2031, noon in Paris: the current week is 10-16 March 2031, the previous one 3-9 March. */
const NOW = new Date('2031-03-12T11:00:00.000Z');
const WEEK = '2031-03-10';
/** The demo season's own automatic KPIs (computed too). */
const DEMO_AUTO = GRAND_PLATEAU_KPIS.kpis.filter((k) => k.source === 'AUTOMATIC').length;

/** A KPI of source AUTOMATIC (reference kind 'kpi'), weekly, the metric on a project or the organisation. */
function autoKpi(name: string, metric: string, scope: { projectId?: string } = {}, unit = 'h', frequency = 'WEEKLY'): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kind: 'kpi', name, archived: false,
    data: {
      unit, decimals: 1, frequency, direction: 'UP_IS_BETTER', target: unit === '%' ? 100 : null,
      thresholds: unit === '%' ? { kind: 'PERCENT_OF_TARGET', green: 90, orange: 70 } : { kind: 'ABSOLUTE', green: 0, orange: 0 },
      aggregation: 'AVERAGE', source: 'AUTOMATIC', active: true, gracePeriodDays: 0, auto: { metric, ...scope },
    },
    _deleted: false,
  } as SyncDoc;
}

function timesheet(userId: string, fields: Partial<SyncDoc>): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), userId, missionId: null, date: '2031-03-11', type: 'OTHER', startAt: null, endAt: null, breakMinutes: 0,
    status: 'SUBMITTED', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0,
    nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], _deleted: false, ...fields,
  } as SyncDoc;
}

async function orgIdOf(client: TestClient): Promise<string> {
  const me = (await (await client.get('/api/v1/me')).json()) as { activeOrg: { id: string } | null };
  return me.activeOrg!.id;
}

/** The stored value of a KPI for a period start, or undefined. */
async function valueOf(client: TestClient, kpiId: string, periodStart = WEEK): Promise<SyncDoc | undefined> {
  return [...(await serverDocs(client, 'kpi_values')).values()].find((v) => v.kpiId === kpiId && v.periodStart === periodStart && !v._deleted);
}

/** Polls until `read` gives what `ok` accepts (the runner works in the background). */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function setStatus(client: TestClient, doc: SyncDoc, status: string): Promise<SyncDoc> {
  const next = { ...doc, status, statusChangedAt: now(), statusChangedBy: 'MANAGER', updatedAt: now() } as SyncDoc;
  const out = await push(client, 'assignments', [{ assumedMasterState: doc, newDocumentState: next }]);
  expect(out.rejected).toEqual([]);
  return next;
}

describe.each(backends)('automatic KPIs on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let other: TestClient;
  let orgA: string;
  let orgB: string;
  let coverage: SyncDoc;
  let planned: SyncDoc;
  let actual: SyncDoc;
  let actualOrg: SyncDoc;
  let actualOrgB: SyncDoc;
  let invites: SyncDoc[];
  let people: SyncDoc[];
  let show: SyncDoc;

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    other = await signedIn(server.url, 'regie@nuits-blanches.demo');
    orgA = await orgIdOf(manager);
    orgB = await orgIdOf(other);
    const tour = project({ name: 'Tournee KPI' });
    people = [person({ firstName: 'Ada', lastName: 'Auto' }), person({ firstName: 'Bea', lastName: 'Auto' })];
    // Tuesday 11 March 2031, 20:00-24:00 in Paris: 4 h, two people needed.
    show = mission({ projectId: tour.id, status: 'PUBLISHED', type: 'SPECTACLE', startAt: '2031-03-11T19:00:00.000Z', endAt: '2031-03-11T23:00:00.000Z', needs: [{ role: 'Lumiere', count: 2, skills: [] }] });
    invites = people.map((p) => assignment(show.id, p.id));
    await create(manager, 'projects', [tour]);
    await create(manager, 'users', people);
    await create(manager, 'missions', [show]);
    await create(manager, 'assignments', invites);
    coverage = autoKpi('Couverture Tournee', 'COVERAGE_RATE', { projectId: tour.id }, '%');
    planned = autoKpi('Heures prevues Tournee', 'PLANNED_HOURS', { projectId: tour.id });
    actual = autoKpi('Heures reelles Tournee', 'ACTUAL_HOURS', { projectId: tour.id });
    actualOrg = autoKpi('Heures reelles', 'ACTUAL_HOURS');
    await create(manager, 'reference', [coverage, planned, actual, actualOrg]);

    // The other organisation: 10 hours the same week, and its own KPI.
    const stranger = person({ firstName: 'Eve', lastName: 'Etrangere' });
    await create(other, 'users', [stranger]);
    await create(other, 'timesheets', [timesheet(stranger.id, { startAt: '2031-03-11T07:00:00.000Z', endAt: '2031-03-11T17:00:00.000Z' })]);
    actualOrgB = autoKpi('Heures reelles', 'ACTUAL_HOURS');
    await create(other, 'reference', [actualOrgB]);
  });
  afterAll(async () => server?.close());

  it('a change of what automatic KPIs read queues its organisation\'s refresh job (not another organisation\'s)', async () => {
    const { sql } = server.deps.db;
    const queued = () => sql<{ key: string; seconds: number }[]>`
      select key, extract(epoch from run_after - now())::float8 as seconds from jobs where kind = ${AUTO_REFRESH_JOB} and locked_by is null and dead_at is null`;
    await sql`delete from jobs where kind = ${AUTO_REFRESH_JOB} and locked_by is null`;
    await create(manager, 'missions', [mission({ title: 'Marque', startAt: '2031-05-01T08:00:00.000Z', endAt: '2031-05-01T10:00:00.000Z' })]);
    const jobs = await queued();
    expect(jobs.map((j) => j.key)).toEqual([orgA]);
    // 20 s after the change, or a minute after the last refresh started (the start-up sweep ran): never at once.
    expect(jobs[0]!.seconds).toBeGreaterThan(15);
    expect(jobs[0]!.seconds).toBeLessThanOrEqual(61);
  });

  it('invited people cover nothing: coverage 0 %, no hours planned', async () => {
    const result = await refreshNow(server.deps, orgA, NOW);
    expect(result.kpis).toBe(DEMO_AUTO + 4);
    const value = await valueOf(manager, coverage.id);
    expect(value).toMatchObject({ value: 0, periodStart: WEEK, periodEnd: '2031-03-16', enteredByAccountId: null });
    expect((await valueOf(manager, planned.id))?.value).toBe(0);
    // The previous week has no mission: no coverage value at all.
    expect(await valueOf(manager, coverage.id, '2031-03-03')).toBeUndefined();
  });

  it('accepted assignments fill the coverage and the planned hours; a second refresh writes nothing', async () => {
    invites = [await setStatus(manager, invites[0]!, 'ACCEPTED'), await setStatus(manager, invites[1]!, 'ACCEPTED')];
    const result = await refreshNow(server.deps, orgA, NOW);
    expect(result.written).toBeGreaterThanOrEqual(2);
    // Rated by the kpi_values hooks like any value: 100 % of a 100 % target is green.
    expect(await valueOf(manager, coverage.id)).toMatchObject({ value: 100, status: 'GREEN' });
    expect((await valueOf(manager, planned.id))?.value).toBe(8);
    expect((await refreshNow(server.deps, orgA, NOW)).written).toBe(0);
  });

  it('a cancelled assignment lowers them again, through the sync core (audited, numbered)', async () => {
    const before = await valueOf(manager, coverage.id);
    invites[1] = await setStatus(manager, invites[1]!, 'CANCELLED');
    await refreshNow(server.deps, orgA, NOW);
    const after = await valueOf(manager, coverage.id);
    expect(after).toMatchObject({ id: before!.id, value: 50, status: 'RED' });
    // Value changes are audited (the registry's audited fields), written by the server (no account).
    const [audit] = await server.deps.db.sql<{ actor_account_id: string | null; data: { from: { value: number }; to: { value: number } } }[]>`
      select actor_account_id, data from audit_log where org_id = ${orgA} and entity = 'kpi_values' and entity_id = ${after!.id} order by id desc limit 1`;
    expect(audit).toMatchObject({ actor_account_id: null, data: { from: { value: 100 }, to: { value: 50 } } });
    expect((await valueOf(manager, planned.id))?.value).toBe(4);
  });

  it('actual hours come from the timesheets, per project and for the organisation, never from another organisation', async () => {
    await create(manager, 'timesheets', [
      timesheet(people[0]!.id, { missionId: show.id, type: 'SPECTACLE', startAt: '2031-03-11T19:00:00.000Z', endAt: '2031-03-11T23:00:00.000Z' }),
      timesheet(people[1]!.id, { date: '2031-03-13', startAt: '2031-03-13T08:00:00.000Z', endAt: '2031-03-13T10:30:00.000Z', breakMinutes: 30 }),
    ]);
    await refreshNow(server.deps, orgA, NOW);
    await refreshNow(server.deps, orgB, NOW);
    expect((await valueOf(manager, actual.id))?.value).toBe(4);
    expect((await valueOf(manager, planned.id))?.value).toBe(4);
    expect((await valueOf(manager, actualOrg.id))?.value).toBe(6);
    expect((await valueOf(other, actualOrgB.id))?.value).toBe(10);
    // Neither organisation reads the other's values.
    expect(await valueOf(manager, actualOrgB.id)).toBeUndefined();
    expect(await valueOf(other, actualOrg.id)).toBeUndefined();
  });

  it('an inactive or archived automatic KPI is left alone', async () => {
    const stored = (await serverDocs(manager, 'reference')).get(actualOrg.id)!;
    const data = stored.data as Record<string, unknown>;
    await push(manager, 'reference', [{ assumedMasterState: stored, newDocumentState: { ...stored, data: { ...data, active: false }, updatedAt: now() } }]);
    const result = await refreshNow(server.deps, orgA, NOW);
    expect(result.kpis).toBe(DEMO_AUTO + 3);
  });

  it('the server refreshes by itself: a new automatic KPI gets its value, then follows the assignments (job runner)', async () => {
    // A mission starting now, in the current week of the real clock, one person needed and accepted.
    const live = project({ name: 'En direct' });
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    const shift = mission({ projectId: live.id, status: 'PUBLISHED', startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), needs: [{ role: 'Son', count: 1, skills: [] }] });
    let yes = assignment(shift.id, people[0]!.id);
    await create(manager, 'projects', [live]);
    await create(manager, 'missions', [shift]);
    await create(manager, 'assignments', [yes]);
    yes = await setStatus(manager, yes, 'ACCEPTED');
    // Yearly: the mission's start is in the current period whatever the day of the run.
    const kpi = autoKpi('Couverture en direct', 'COVERAGE_RATE', { projectId: live.id }, '%', 'YEARLY');
    const values = async () => [...(await serverDocs(manager, 'kpi_values')).values()].filter((v) => v.kpiId === kpi.id && !v._deleted);
    // The server's own job runner: a KPI written queues its organisation's refresh 2 s later.
    await create(manager, 'reference', [kpi]);
    expect((await eventually(values, (v) => v.length > 0)).map((v) => v.value)).toEqual([100]);
    // A data change queues the refresh 20 s later (a minute after the last one at most); brought forward here, the
    // server's runner picks it up (polling every second).
    await setStatus(manager, yes, 'DECLINED');
    const moved = await server.deps.db.sql`update jobs set run_after = now() where kind = ${AUTO_REFRESH_JOB} and key = ${orgA} and locked_by is null returning id`;
    expect(moved.length).toBe(1);
    expect((await eventually(values, (v) => v[0]?.value === 0)).map((v) => v.value)).toEqual([0]);
  }, 60_000);
});

