import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { now, person } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();

type Err = { error: { code: string; message: string; details?: { path?: string; code?: string }[] } };
type Json = Record<string, unknown> & { id: string };

const team = (name: string): SyncDoc => ({ id: uuidv7(), updatedAt: now(), kind: 'team', name, archived: false, data: {}, _deleted: false }) as SyncDoc;

/** A monthly KPI: UP, target 200, green at 100 % of it, orange at 90 %, 5 days of grace. */
const kpiBody = (name: string, fields: Record<string, unknown> = {}) => ({
  name, unit: '%', decimals: 0, frequency: 'MONTHLY', direction: 'UP_IS_BETTER', target: 200,
  thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 }, aggregation: 'AVERAGE', ownerUserId: null,
  source: 'MANUAL', active: true, gracePeriodDays: 5, ...fields,
});

async function json<T = Json>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function refused(res: Response, status: number, code: string): Promise<Err> {
  const body = await json<Err>(res, status);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** The KPI REST API (issue 12 item 6) on the real server: CRUD, bad input, roles, isolation and reporting. */
describe.each(backends)('KPI REST API on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let admin: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let techUser: SyncDoc;
  let managerUser: SyncDoc;
  let adminUser: SyncDoc;
  const teamA = team('Lumiere');
  const teamB = team('Son');

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    techUser = person({ accountId: await accountIdOf(tech), firstName: 'Theo', teamIds: [teamA.id] });
    managerUser = person({ accountId: await accountIdOf(manager), firstName: 'Marc' });
    adminUser = person({ accountId: await accountIdOf(admin), firstName: 'Alice' });
    await create(manager, 'reference', [teamA, teamB]);
    await create(manager, 'users', [techUser, managerUser, adminUser]);
  });
  afterAll(async () => server?.close());

  const newDashboard = async (client: TestClient, fields: Record<string, unknown>) => json(await client.post('/api/v1/dashboards', { title: 'Tableau', process: 'Logistique', ...fields }), 201);
  const newKpi = async (client: TestClient, dashboardId: string, fields: Record<string, unknown> = {}) => json(await client.post(`/api/v1/dashboards/${dashboardId}/kpis`, kpiBody('Remplissage', fields)), 201);

  it('dashboards: create, list, read, change, delete', async () => {
    const d = await newDashboard(manager, { title: 'Logistique', description: 'Camions et regie', sharing: 'ORGANISATION' });
    expect(d).toMatchObject({ title: 'Logistique', process: 'Logistique', sharing: 'ORGANISATION', teamIds: [], ownerUserId: managerUser.id, kpiIds: [] });
    const list = await json<{ dashboards: Json[] }>(await manager.get('/api/v1/dashboards?process=Logistique'), 200);
    expect(list.dashboards.map((x) => x.id)).toContain(d.id);
    expect(await json(await manager.get(`/api/v1/dashboards/${d.id}`), 200)).toMatchObject({ id: d.id, description: 'Camions et regie' });
    const changed = await json(await manager.patch(`/api/v1/dashboards/${d.id}`, { title: 'Logistique 2027', sharing: 'TEAMS', teamIds: [teamB.id], description: null }), 200);
    expect(changed).toMatchObject({ title: 'Logistique 2027', sharing: 'TEAMS', teamIds: [teamB.id] });
    expect(changed.description).toBeUndefined();
    expect((await manager.delete(`/api/v1/dashboards/${d.id}`)).status).toBe(204);
    await refused(await manager.get(`/api/v1/dashboards/${d.id}`), 404, 'NOT_FOUND');
  });

  it('KPIs: create on a dashboard in order, read, change, delete (and off the dashboard)', async () => {
    const d = await newDashboard(manager, {});
    const a = await newKpi(manager, d.id);
    const b = await newKpi(manager, d.id, { name: 'Heures sup', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 5, orange: 10 } });
    expect(a).toMatchObject({ name: 'Remplissage', frequency: 'MONTHLY', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 } });
    const onBoard = await json<{ kpis: Json[] }>(await manager.get(`/api/v1/dashboards/${d.id}/kpis`), 200);
    expect(onBoard.kpis.map((k) => k.name)).toEqual(['Remplissage', 'Heures sup']);
    await json(await manager.patch(`/api/v1/dashboards/${d.id}`, { kpiIds: [b.id, a.id] }), 200);
    expect((await json<{ kpis: Json[] }>(await manager.get(`/api/v1/dashboards/${d.id}/kpis`), 200)).kpis.map((k) => k.id)).toEqual([b.id, a.id]);
    expect(await json(await manager.patch(`/api/v1/kpis/${a.id}`, { target: 250, unit: 'pct' }), 200)).toMatchObject({ id: a.id, target: 250, unit: 'pct', name: 'Remplissage' });
    expect(await json(await manager.get(`/api/v1/kpis/${a.id}`), 200)).toMatchObject({ target: 250 });
    expect((await manager.delete(`/api/v1/kpis/${a.id}`)).status).toBe(204);
    await refused(await manager.get(`/api/v1/kpis/${a.id}`), 404, 'NOT_FOUND');
    expect(await json(await manager.get(`/api/v1/dashboards/${d.id}`), 200)).toMatchObject({ kpiIds: [b.id] });
  });

  it('bad input is a 400 with a stable code, never a 500', async () => {
    const d = await newDashboard(manager, {});
    const bands = await refused(await manager.post(`/api/v1/dashboards/${d.id}/kpis`, kpiBody('Bandes', { thresholds: { kind: 'ABSOLUTE', green: 50, orange: 80 } })), 400, 'VALIDATION_FAILED');
    expect(bands.error.details).toContainEqual(expect.objectContaining({ path: 'thresholds', code: 'KPI_BANDS_ORDER' }));
    const k = await newKpi(manager, d.id);
    const patched = await refused(await manager.patch(`/api/v1/kpis/${k.id}`, { direction: 'DOWN_IS_BETTER' }), 400, 'VALIDATION_FAILED');
    expect(patched.error.details).toContainEqual(expect.objectContaining({ code: 'KPI_BANDS_ORDER' }));
    const nul = await refused(await manager.post('/api/v1/dashboards', { title: 'a\u0000b', process: 'x' }), 400, 'VALIDATION_FAILED');
    expect(nul.error.details).toEqual([expect.objectContaining({ code: 'NUL_CHARACTER' })]);
    await refused(await manager.post(`/api/v1/dashboards/${d.id}/kpis`, kpiBody('Types', { decimals: '2', active: 'true' })), 400, 'VALIDATION_FAILED');
    await refused(await manager.post(`/api/v1/kpis/${k.id}/values`, { periodStart: '2026-11-01', value: '12' }), 400, 'VALIDATION_FAILED');
    const notStart = await refused(await manager.post(`/api/v1/kpis/${k.id}/values`, { periodStart: '2026-11-15', value: 12 }), 400, 'VALIDATION_FAILED');
    expect(notStart.error.details).toEqual([expect.objectContaining({ code: 'KPI_PERIOD_NOT_START' })]);
    await refused(await manager.post(`/api/v1/kpis/${k.id}/actions`, { title: 'x', ownerUserId: null, dueDate: '2026-13-01' }), 400, 'VALIDATION_FAILED');
    await refused(await manager.patch(`/api/v1/dashboards/${d.id}`, { kpiIds: [uuidv7()] }), 400, 'VALIDATION_FAILED');
    await refused(await manager.request('POST', '/api/v1/dashboards', '{"title":', { 'content-type': 'application/json' }), 400, 'BAD_REQUEST');
    await refused(await manager.get(`/api/v1/kpis/${'x'.repeat(60)}`), 404, 'NOT_FOUND');
    const en = await manager.request('POST', '/api/v1/dashboards', { title: 1 }, { 'accept-language': 'en' });
    expect(((await en.json()) as Err).error.message).toMatch(/[a-z]/);
  });

  it('values: status computed on write, a second entry for the period replaces it and is kept in history', async () => {
    const d = await newDashboard(manager, {});
    const k = await newKpi(manager, d.id);
    // UP, target 200, orange from 90 % of it (180): 170 is red, 190 orange.
    const first = await json(await manager.post(`/api/v1/kpis/${k.id}/values`, { periodStart: '2026-11-01', value: 170, comment: 'greve' }), 201);
    expect(first).toMatchObject({ kpiId: k.id, periodStart: '2026-11-01', periodEnd: '2026-11-30', value: 170, status: 'RED', enteredByAccountId: await accountIdOf(manager) });
    const second = await json(await admin.post(`/api/v1/kpis/${k.id}/values`, { periodStart: '2026-11-01', value: 190 }), 200);
    expect(second).toMatchObject({ id: first.id, value: 190, status: 'ORANGE' });
    await json(await manager.post(`/api/v1/kpis/${k.id}/values`, { periodStart: '2026-10-01', value: 200 }), 201);
    const { values } = await json<{ values: (Json & { history: Record<string, unknown>[] })[] }>(await manager.get(`/api/v1/kpis/${k.id}/values`), 200);
    expect(values.map((v) => [v.periodStart, v.value, v.status])).toEqual([['2026-10-01', 200, 'GREEN'], ['2026-11-01', 190, 'ORANGE']]);
    expect(values[1]!.history).toContainEqual(expect.objectContaining({ value: 170 }));
  });

  it('actions and comments', async () => {
    const d = await newDashboard(manager, {});
    const k = await newKpi(manager, d.id);
    const a = await json(await manager.post(`/api/v1/kpis/${k.id}/actions`, { title: 'Relancer la billetterie', ownerUserId: techUser.id, dueDate: '2020-01-31' }), 201);
    expect(a).toMatchObject({ kpiId: k.id, status: 'OPEN', progress: 0, overdue: true });
    const done = await json(await manager.patch(`/api/v1/actions/${a.id}`, { progress: 100, status: 'DONE' }), 200);
    expect(done).toMatchObject({ progress: 100, status: 'DONE', overdue: false });
    expect((await json<{ actions: Json[] }>(await manager.get(`/api/v1/kpis/${k.id}/actions`), 200)).actions.map((x) => x.id)).toEqual([a.id]);
    const c1 = await json(await manager.post(`/api/v1/kpis/${k.id}/comments`, { body: 'Chiffre a confirmer' }), 201);
    expect(c1).toMatchObject({ kpiId: k.id, actionPlanId: null, body: 'Chiffre a confirmer', authorAccountId: await accountIdOf(manager) });
    const c2 = await json(await manager.post(`/api/v1/actions/${a.id}/comments`, { body: 'Fait le 3' }), 201);
    expect(c2).toMatchObject({ kpiId: k.id, actionPlanId: a.id });
    expect((await json<{ comments: Json[] }>(await manager.get(`/api/v1/kpis/${k.id}/comments`), 200)).comments.map((x) => x.id)).toEqual([c1.id]);
    expect((await json<{ comments: Json[] }>(await manager.get(`/api/v1/actions/${a.id}/comments`), 200)).comments.map((x) => x.id)).toEqual([c2.id]);
    await refused(await manager.post(`/api/v1/kpis/${k.id}/comments`, { body: '' }), 400, 'VALIDATION_FAILED');
  });

  describe('roles', () => {
    let shared: Json;
    let teamBoard: Json;
    let otherTeam: Json;
    let privateBoard: Json;
    let adminPrivate: Json;
    let kShared: Json;
    let kTeam: Json;
    let kOther: Json;
    let mine: Json;
    let notMine: Json;

    beforeAll(async () => {
      shared = await newDashboard(manager, { title: 'Organisation', sharing: 'ORGANISATION' });
      teamBoard = await newDashboard(manager, { title: 'Equipe lumiere', sharing: 'TEAMS', teamIds: [teamA.id] });
      otherTeam = await newDashboard(manager, { title: 'Equipe son', sharing: 'TEAMS', teamIds: [teamB.id] });
      privateBoard = await newDashboard(manager, { title: 'Prive manager', sharing: 'PRIVATE' });
      adminPrivate = await newDashboard(admin, { title: 'Prive admin', sharing: 'PRIVATE' });
      kShared = await newKpi(manager, shared.id, { name: 'Partage' });
      kTeam = await newKpi(manager, teamBoard.id, { name: 'Equipe' });
      kOther = await newKpi(manager, otherTeam.id, { name: 'Autre equipe' });
      await json(await manager.post(`/api/v1/kpis/${kTeam.id}/values`, { periodStart: '2026-11-01', value: 150 }), 201);
      await json(await manager.post(`/api/v1/kpis/${kOther.id}/values`, { periodStart: '2026-11-01', value: 150 }), 201);
      mine = await json(await manager.post(`/api/v1/kpis/${kTeam.id}/actions`, { title: 'Mienne', ownerUserId: techUser.id, dueDate: null }), 201);
      notMine = await json(await manager.post(`/api/v1/kpis/${kTeam.id}/actions`, { title: 'Pas la mienne', ownerUserId: managerUser.id, dueDate: null }), 201);
    });

    it('a TECH reads the dashboards shared with the organisation or their team, their KPIs and values, and their own actions', async () => {
      const ids = (await json<{ dashboards: Json[] }>(await tech.get('/api/v1/dashboards'), 200)).dashboards.map((d) => d.id);
      expect(ids).toEqual(expect.arrayContaining([shared.id, teamBoard.id]));
      for (const hidden of [otherTeam.id, privateBoard.id, adminPrivate.id]) expect(ids).not.toContain(hidden);
      await refused(await tech.get(`/api/v1/dashboards/${otherTeam.id}`), 404, 'NOT_FOUND');
      await refused(await tech.get(`/api/v1/dashboards/${privateBoard.id}`), 404, 'NOT_FOUND');
      expect((await json<{ kpis: Json[] }>(await tech.get(`/api/v1/dashboards/${teamBoard.id}/kpis`), 200)).kpis.map((k) => k.id)).toEqual([kTeam.id]);
      await json(await tech.get(`/api/v1/kpis/${kShared.id}`), 200);
      await refused(await tech.get(`/api/v1/kpis/${kOther.id}`), 404, 'NOT_FOUND');
      await refused(await tech.get(`/api/v1/kpis/${kOther.id}/values`), 404, 'NOT_FOUND');
      expect((await json<{ values: Json[] }>(await tech.get(`/api/v1/kpis/${kTeam.id}/values`), 200)).values.map((v) => v.value)).toEqual([150]);
      expect((await json<{ actions: Json[] }>(await tech.get(`/api/v1/kpis/${kTeam.id}/actions`), 200)).actions.map((a) => a.id)).toEqual([mine.id]);
      await refused(await tech.get(`/api/v1/actions/${notMine.id}/comments`), 404, 'NOT_FOUND');
    });

    it('a TECH writes no dashboard, KPI or value (403 FORBIDDEN), but moves their own action and comments', async () => {
      await refused(await tech.post('/api/v1/dashboards', { title: 'Moi', process: 'x' }), 403, 'FORBIDDEN');
      await refused(await tech.patch(`/api/v1/dashboards/${shared.id}`, { title: 'Moi' }), 403, 'FORBIDDEN');
      await refused(await tech.delete(`/api/v1/dashboards/${shared.id}`), 403, 'FORBIDDEN');
      await refused(await tech.post(`/api/v1/dashboards/${teamBoard.id}/kpis`, kpiBody('Moi')), 403, 'FORBIDDEN');
      await refused(await tech.patch(`/api/v1/kpis/${kTeam.id}`, { target: 1 }), 403, 'FORBIDDEN');
      await refused(await tech.delete(`/api/v1/kpis/${kTeam.id}`), 403, 'FORBIDDEN');
      await refused(await tech.post(`/api/v1/kpis/${kTeam.id}/values`, { periodStart: '2026-11-01', value: 1 }), 403, 'FORBIDDEN');
      // The registry lets a TECH write only progress and status of an action: creating one is refused on its title.
      await refused(await tech.post(`/api/v1/kpis/${kTeam.id}/actions`, { title: 'x', ownerUserId: techUser.id, dueDate: null }), 403, 'FIELD_NOT_WRITABLE');
      expect(await json(await tech.patch(`/api/v1/actions/${mine.id}`, { progress: 40, status: 'IN_PROGRESS' }), 200)).toMatchObject({ progress: 40, status: 'IN_PROGRESS' });
      await refused(await tech.patch(`/api/v1/actions/${mine.id}`, { title: 'Autre' }), 403, 'FIELD_NOT_WRITABLE');
      await refused(await tech.patch(`/api/v1/actions/${notMine.id}`, { progress: 10 }), 404, 'NOT_FOUND');
      expect(await json(await tech.post(`/api/v1/kpis/${kTeam.id}/comments`, { body: 'Vu' }), 201)).toMatchObject({ authorUserId: techUser.id });
      expect((await json<{ values: Json[] }>(await manager.get(`/api/v1/kpis/${kTeam.id}/values`), 200)).values.map((v) => v.value)).toEqual([150]);
    });

    it("a MANAGER does not read someone else's PRIVATE dashboard; an ADMIN reads everything", async () => {
      await refused(await manager.get(`/api/v1/dashboards/${adminPrivate.id}`), 404, 'NOT_FOUND');
      expect((await json<{ dashboards: Json[] }>(await manager.get('/api/v1/dashboards'), 200)).dashboards.map((d) => d.id)).toContain(privateBoard.id);
      expect((await json<{ dashboards: Json[] }>(await manager.get('/api/v1/dashboards'), 200)).dashboards.map((d) => d.id)).not.toContain(adminPrivate.id);
      const all = (await json<{ dashboards: Json[] }>(await admin.get('/api/v1/dashboards'), 200)).dashboards.map((d) => d.id);
      expect(all).toEqual(expect.arrayContaining([privateBoard.id, adminPrivate.id, otherTeam.id]));
    });

    it("another organisation's ids are 404, for reads and writes", async () => {
      for (const path of [`/api/v1/dashboards/${shared.id}`, `/api/v1/dashboards/${shared.id}/kpis`, `/api/v1/kpis/${kShared.id}`, `/api/v1/kpis/${kTeam.id}/values`, `/api/v1/kpis/${kTeam.id}/actions`, `/api/v1/actions/${mine.id}/comments`]) {
        await refused(await regie.get(path), 404, 'NOT_FOUND');
      }
      await refused(await regie.patch(`/api/v1/dashboards/${shared.id}`, { title: 'x' }), 404, 'NOT_FOUND');
      await refused(await regie.delete(`/api/v1/kpis/${kShared.id}`), 404, 'NOT_FOUND');
      await refused(await regie.post(`/api/v1/kpis/${kShared.id}/values`, { periodStart: '2026-11-01', value: 1 }), 404, 'NOT_FOUND');
      await refused(await regie.patch(`/api/v1/actions/${mine.id}`, { progress: 1 }), 404, 'NOT_FOUND');
      const theirs = (await json<{ dashboards: Json[] }>(await regie.get('/api/v1/dashboards'), 200)).dashboards.map((d) => d.id);
      expect(theirs).not.toContain(shared.id);
    });
  });

  /** The worked example of docs/decisions/kpi-rules.md section 7, in the other organisation, on 2026-12-10. */
  it('reporting answers the worked example of the rules doc', async () => {
    const [u1, u2] = [person({ firstName: 'Una' }), person({ firstName: 'Deux' })];
    await create(regie, 'users', [u1, u2]);
    const production = await newDashboard(regie, { title: 'Production', process: 'Production' });
    const accueil = await newDashboard(regie, { title: 'Accueil', process: 'Accueil' });
    const fill = await newKpi(regie, production.id, { name: 'Remplissage' });
    const overtime = await newKpi(regie, production.id, { name: 'Heures sup', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 5, orange: 10 } });
    const budget = await newKpi(regie, accueil.id, { name: 'Budget', target: 100 });
    const incidents = await newKpi(regie, accueil.id, { name: 'Incidents', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 2, orange: 4 } });
    const audience = await newKpi(regie, accueil.id, { name: 'Public' });
    for (const [k, value] of [[fill, 170], [overtime, 7], [budget, 95], [incidents, 9]] as const) {
      await json(await regie.post(`/api/v1/kpis/${k.id}/values`, { periodStart: '2026-11-01', value }), 201);
    }
    // The audience had a value in October (a KPI never valued is not LATE: rules section 9), none in November.
    await json(await regie.post(`/api/v1/kpis/${audience.id}/values`, { periodStart: '2026-10-01', value: 190 }), 201);
    const action = (k: Json, title: string, owner: SyncDoc, dueDate: string, status: string) => regie.post(`/api/v1/kpis/${k.id}/actions`, { title, ownerUserId: owner.id, dueDate, status });
    const a1 = await json(await action(fill, 'Relancer la billetterie', u1, '2026-12-01', 'OPEN'), 201);
    await json(await action(fill, 'Partenariat', u1, '2026-12-20', 'IN_PROGRESS'), 201);
    const a3 = await json(await action(incidents, 'Briefing securite', u2, '2026-11-30', 'IN_PROGRESS'), 201);
    await json(await action(budget, 'Fait', u2, '2026-11-01', 'DONE'), 201);

    type Row = { dashboardId?: string; process?: string; worst: string; kpis: number; counts: Record<string, number>; openActions: number; overdueActions: number };
    const overview = await json<{ asOf: string; dashboards: Row[]; processes: Row[] }>(await regie.get('/api/v1/reporting/overview?asOf=2026-12-10'), 200);
    expect(overview.asOf).toBe('2026-12-10');
    const acc = overview.dashboards.find((d) => d.dashboardId === accueil.id)!;
    expect(acc).toMatchObject({ worst: 'RED', kpis: 3, openActions: 1, overdueActions: 1, counts: { GREEN: 0, ORANGE: 1, RED: 1, UNRATED: 0, NO_DATA: 0, LATE: 1 } });
    expect(overview.dashboards.find((d) => d.dashboardId === production.id)).toMatchObject({ worst: 'RED', kpis: 2, openActions: 2, overdueActions: 1 });
    const onlyProduction = await json<{ dashboards: Row[] }>(await regie.get('/api/v1/reporting/overview?asOf=2026-12-10&process=Production'), 200);
    expect(onlyProduction.dashboards.map((d) => d.dashboardId)).toEqual([production.id]);

    const mineIds = new Set([fill.id, overtime.id, budget.id, incidents.id, audience.id]);
    const risks = await json<{ risks: { kpiId: string; status: string; gap: number | null }[] }>(await regie.get('/api/v1/reporting/top-risks?asOf=2026-12-10&limit=100'), 200);
    expect(risks.risks.filter((r) => mineIds.has(r.kpiId)).map((r) => [r.kpiId, r.status, r.gap])).toEqual([
      [fill.id, 'RED', 0.15],
      [incidents.id, 'RED', null],
      [budget.id, 'ORANGE', 0.05],
      [overtime.id, 'ORANGE', null],
    ]);
    // On November's due date the audience is not late yet.
    const early = await json<{ dashboards: Row[] }>(await regie.get('/api/v1/reporting/overview?asOf=2026-12-05'), 200);
    expect(early.dashboards.find((d) => d.dashboardId === accueil.id)!.counts).toMatchObject({ LATE: 0, NO_DATA: 1 });

    const direction = await json<{ overdueActions: Json[]; openActionsByOwner: { ownerUserId: string; open: number; overdue: number }[] }>(await regie.get('/api/v1/reporting/direction?asOf=2026-12-10'), 200);
    expect(direction.overdueActions.map((a) => a.id).filter((id) => id === a1.id || id === a3.id)).toEqual([a3.id, a1.id]);
    expect(direction.openActionsByOwner.filter((o) => o.ownerUserId === u1.id || o.ownerUserId === u2.id)).toEqual([
      { ownerUserId: u1.id, open: 2, overdue: 1 },
      { ownerUserId: u2.id, open: 1, overdue: 1 },
    ]);
    await refused(await regie.get('/api/v1/reporting/overview?asOf=2026-13-45'), 400, 'VALIDATION_FAILED');
    // A TECH gets answers over what they may read only: nothing of the other organisation here.
    const techView = await json<{ dashboards: Row[] }>(await tech.get('/api/v1/reporting/overview'), 200);
    expect(techView.dashboards.map((d) => d.dashboardId)).not.toContain(accueil.id);
  });
});
