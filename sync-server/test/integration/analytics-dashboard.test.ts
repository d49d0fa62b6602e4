import type { SyncDoc } from '@coulisses/shared';
import { SLICE_META_ID } from '@coulisses/shared/analytics/slices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, putAsServer } from '../helpers/analytics-fixture';
import { availableBackends } from '../helpers/backends';
import { TestClient, accountIdOf, signedIn } from '../helpers/client';
import { now } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();

type Err = { error: { code: string; message: string; details?: { path?: string }[] } };
type Dash = {
  pay: boolean;
  current: Record<string, unknown> & { incidents: { total: number } };
  comparison: Record<string, unknown> | null;
  deltas: Record<string, number | null> | null;
  comparePeriod: { from: string; to: string } | null;
  heatmap: { overall: { total: number; cells: number[] } };
  dataAsOf: { refreshedAt: string } | null;
  filters: Record<string, unknown>;
  period: { from: string; to: string; days: number };
};

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function orgIdOf(client: TestClient): Promise<string> {
  const me = (await (await client.get('/api/v1/me')).json()) as { activeOrg: { id: string } | null };
  return me.activeOrg!.id;
}

/**
 * GET /api/v1/analytics/dashboard on the real server, slices written through the sync core as the server (as the
 * warehouse refresh does). Expected figures by hand in comments.
 */
describe.each(backends)('analytics dashboard API on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let orgA: string;
  let managerAccount: string;
  const { teamId, pA, pB, pC, payJan, slices } = dashboardFixture();

  beforeAll(async () => {
    // No job runner: the slices are written by hand as the server; a warehouse refresh (the seed's queued ones,
    // or the daily purge's check of the slice window) must not rewrite them between a write and a read.
    server = await startTestServer(backend, { jobRunner: false });
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    orgA = await orgIdOf(manager);
    managerAccount = await accountIdOf(manager);
    await create(manager, 'users', [pA, pB, pC]);
    await putAsServer(server, orgA, slices());
  });
  afterAll(async () => server?.close());

  const JANUARY = '/api/v1/analytics/dashboard?from=2031-01-01&to=2031-01-31';

  it('ADMIN: every indicator of January, with pay figures', async () => {
    const d = await json<Dash>(await admin.get(JANUARY), 200);
    expect(d.pay).toBe(true);
    expect(d.current).toEqual({
      // m1: needed 2 + 1 = 3, accepted 1 + 1 = 2: min 2; 2 / 3.
      missions: 1, needed: 3, filled: 2, coverageRate: 2 / 3,
      rows: 3, people: 3,
      // 480 + 480 = 960 planned; 450 + 510 + 300 = 1260 actual; 100 x 300 / 960 = 31.25 %.
      plannedMinutes: 960, actualMinutes: 1260, variancePct: 31.25, overtimeMinutes: 30, nightMinutes: 0, lateStarts: 1,
      // 9000 + 12000 + 4500 = 25500 cents over 21 h: 1214.28... -> 1214.
      payrollCents: 25500, avgHourlyCostCents: 1214, payComplete: true,
      incidents: { total: 1, open: 1, closed: 0 },
    });
    // Monday 09:00-17:00 local, two people: 8 cells of 120 person-minutes.
    expect(d.heatmap.overall.total).toBe(960);
    expect(d.heatmap.overall.cells[9]).toBe(120);
    expect(d.period).toEqual({ from: '2031-01-01', to: '2031-01-31', days: 31 });
  });

  it('filters and comparison through the query', async () => {
    // Team T (pA, pB; missions of team T): r1 + r2, 960 / 960, pay 21000.
    const team = await json<Dash>(await admin.get(`${JANUARY}&teamId=${teamId}`), 200);
    expect(team.current).toMatchObject({ rows: 2, plannedMinutes: 960, actualMinutes: 960, payrollCents: 21000, needed: 3 });
    // Role Lumiere: r2; m1 Lumiere min(1, 1) = 1 of 1.
    expect((await json<Dash>(await admin.get(`${JANUARY}&role=Lumiere`), 200)).current).toMatchObject({ rows: 1, plannedMinutes: 480, coverageRate: 1 });
    // The previous 31 days: 1..31 December 2030: r4 600 / 600, 10000 cents; planned (960 - 600) / 600 = 0.6.
    const cmp = await json<Dash>(await admin.get(`${JANUARY}&compare=previous`), 200);
    expect(cmp.comparePeriod).toMatchObject({ from: '2030-12-01', to: '2030-12-31' });
    expect(cmp.comparison).toMatchObject({ plannedMinutes: 600, actualMinutes: 600, payrollCents: 10000 });
    expect(cmp.deltas!.plannedMinutes).toBeCloseTo(0.6, 12);
    // Empty strings are no filter.
    expect((await json<Dash>(await admin.get(`${JANUARY}&projectId=&compare=none`), 200)).current.rows).toBe(3);
  });

  it('MANAGER: same figures without pay until the organisation names them a pay reader', async () => {
    const before = await json<Dash>(await manager.get(JANUARY), 200);
    expect(before.pay).toBe(false);
    expect(before.current).toMatchObject({ plannedMinutes: 960, payrollCents: null, avgHourlyCostCents: null });
    await putAsServer(server, orgA, [payJan([managerAccount])]);
    const named = await json<Dash>(await manager.get(JANUARY), 200);
    expect(named.pay).toBe(true);
    expect(named.current).toMatchObject({ payrollCents: 25500, avgHourlyCostCents: 1214 });
    // Named on January's slice only: December's pay slice is not theirs, so the comparison's pay is partial.
    const cmp = await json<Dash>(await manager.get(`${JANUARY}&compare=previous`), 200);
    expect(cmp.comparison).toMatchObject({ payrollCents: 0, payComplete: false });
    await putAsServer(server, orgA, [payJan([])]);
    expect((await json<Dash>(await manager.get(JANUARY), 200)).current.payrollCents).toBeNull();
  });

  it('TECH 403, no session 401', async () => {
    const body = await json<Err>(await tech.get(JANUARY), 403);
    expect(body.error.code).toBe('FORBIDDEN');
    expect((await json<Err>(await new TestClient(server.url).get(JANUARY), 401)).error.code).toBe('UNAUTHENTICATED');
  });

  it("another organisation's manager sees none of it", async () => {
    const d = await json<Dash>(await regie.get(JANUARY), 200);
    expect(d.current).toMatchObject({ rows: 0, plannedMinutes: 0, missions: 0, incidents: { total: 0, open: 0, closed: 0 } });
    expect(d.pay).toBe(false);
  });

  it.each([
    ['a bad date', '?from=2031-13-01&to=2031-01-31', 'from'],
    ['to before from', '?from=2031-02-01&to=2031-01-31', 'to'],
    ['from without to', '?from=2031-01-01', 'to'],
    ['more than 1096 days', '?from=2028-01-01&to=2031-01-31', 'to'],
    ['an unknown parameter', '?from=2031-01-01&to=2031-01-31&projet=P1', ''],
    ['an unknown comparison', '?from=2031-01-01&to=2031-01-31&compare=yesterday', 'compare'],
    ['a role too long', `?from=2031-01-01&to=2031-01-31&role=${'x'.repeat(201)}`, 'role'],
  ])('%s: 400 VALIDATION_FAILED in French and English', async (_name, query, path) => {
    const fr = await json<Err>(await admin.get(`/api/v1/analytics/dashboard${query}`), 400);
    expect(fr.error.code).toBe('VALIDATION_FAILED');
    if (path) expect(fr.error.details?.map((d) => d.path)).toContain(path);
    const en = new TestClient(server.url, 'en');
    await en.signIn('admin@coulisses.demo');
    const enBody = await json<Err>(await en.get(`/api/v1/analytics/dashboard${query}`), 400);
    expect(enBody.error.code).toBe('VALIDATION_FAILED');
    expect(enBody.error.message).not.toBe(fr.error.message);
  });

  it('no dates: this month in the organisation zone; data as of from the meta document', async () => {
    const d = await json<Dash>(await admin.get('/api/v1/analytics/dashboard'), 200);
    expect(d.period.from.endsWith('-01')).toBe(true);
    expect(d.period.from.slice(0, 7)).toBe(d.period.to.slice(0, 7));
    // The warehouse (issue 13) may have written the organisation's meta document already: then it is the answer.
    const [stored] = await server.deps.db.sql<{ id: string }[]>`select id from analytics_slices where org_id = ${orgA} and id = ${SLICE_META_ID} and not deleted`;
    if (stored) {
      expect((await json<Dash>(await manager.get(JANUARY), 200)).dataAsOf).not.toBeNull();
      return;
    }
    expect((await json<Dash>(await manager.get(JANUARY), 200)).dataAsOf).toBeNull();
    const refreshedAt = '2031-02-01T03:00:00.000Z';
    await putAsServer(server, orgA, [{
      id: SLICE_META_ID, updatedAt: now(), kind: 'an_meta', periodStart: '2030-12-01', periodEnd: '2031-01-31', filters: {}, computedAt: refreshedAt, sensitive: false,
      data: { zone: 'Europe/Paris', months: ['2030-12', '2031-01'], sourceUpTo: null, refreshedAt, pay: true }, _deleted: false,
    } as SyncDoc]);
    expect((await json<Dash>(await manager.get(JANUARY), 200)).dataAsOf).toEqual({ refreshedAt, sourceUpTo: null, months: ['2030-12', '2031-01'] });
  });
});
