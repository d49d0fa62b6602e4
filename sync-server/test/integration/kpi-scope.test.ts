import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { actionPlan, dashboard, kpiComment, kpiDef, kpiValue, now, person } from '../helpers/docs';
import { Replica, freshReplica } from '../helpers/replica';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();

const ids = (docs: Iterable<SyncDoc>) => [...docs].filter((d) => !d._deleted).map((d) => d.id).sort();

/**
 * Who reads the KPI side (issue 12, docs/data-model.md "KPI documents"): a crew member reads the dashboards shared
 * with the organisation or with one of their teams, the KPIs on them, their values and comments, and the actions
 * they own; nothing else. A manager does not read another's private dashboard. Moving a person out of a team takes
 * the team's dashboards, KPIs, values and comments out of their replica. Values are rated by the server.
 */
describe.each(backends)('KPI read scope and rules on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let managerB: TestClient;
  const teamA = { id: uuidv7(), updatedAt: now(), kind: 'team', name: 'Plateau', archived: false, data: {}, _deleted: false } as SyncDoc;
  const teamB = { id: uuidv7(), updatedAt: now(), kind: 'team', name: 'Accueil', archived: false, data: {}, _deleted: false } as SyncDoc;
  let techPerson: SyncDoc;
  let adminPerson: SyncDoc;
  const kTeam = kpiDef({ name: 'Remplissage plateau' });
  const kOrg = kpiDef({ name: 'Budget' }, { direction: 'DOWN_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 110 }, target: 200 });
  const kPrivate = kpiDef({ name: 'Marge' });
  let dTeam: SyncDoc;
  let dOrg: SyncDoc;
  let dPrivate: SyncDoc;

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    managerB = await signedIn(server.url, 'regie@nuits-blanches.demo');
    techPerson = person({ accountId: await accountIdOf(tech), firstName: 'Theo', teamIds: [teamA.id] });
    adminPerson = person({ accountId: await accountIdOf(admin), firstName: 'Ada' });
    await create(manager, 'reference', [teamA, teamB]);
    await create(manager, 'users', [techPerson, adminPerson]);
    await create(manager, 'reference', [kTeam, kOrg, kPrivate]);
    dTeam = dashboard([kTeam.id], { name: 'Plateau', sharing: 'TEAMS', teamIds: [teamA.id] });
    dOrg = dashboard([kOrg.id], { name: 'Direction', sharing: 'ORGANISATION' });
    dPrivate = dashboard([kPrivate.id], { name: 'Mes marges', sharing: 'PRIVATE', ownerUserId: adminPerson.id });
    await create(admin, 'reference', [dTeam, dOrg, dPrivate]);
  });
  afterAll(async () => server?.close());

  it('values are rated by the server from the KPI definition, and re-rated when the bands change', async () => {
    const v = kpiValue(kTeam.id, '2026-11-16', 80);
    const budget = kpiValue(kOrg.id, '2026-11-16', 215);
    await create(manager, 'kpi_values', [v, budget]);
    const values = await serverDocs(manager, 'kpi_values');
    // UP_IS_BETTER, green >= 90, orange >= 75: 80 is ORANGE. DOWN_IS_BETTER, target 200, green <= 100 %, orange
    // <= 110 % (220): 215 is ORANGE. The period end is the week's Sunday.
    expect(values.get(v.id)).toMatchObject({ status: 'ORANGE', periodEnd: '2026-11-22', sharedWithAll: false });
    expect(values.get(budget.id)).toMatchObject({ status: 'ORANGE', sharedWithAll: true });
    const stored = (await serverDocs(manager, 'reference')).get(kTeam.id)!;
    const res = await push(manager, 'reference', [{ assumedMasterState: stored, newDocumentState: { ...stored, updatedAt: now(), data: { ...(stored.data as object), thresholds: { kind: 'ABSOLUTE', green: 80, orange: 70 } } } }]);
    expect(res.rejected).toEqual([]);
    expect((await serverDocs(manager, 'kpi_values')).get(v.id)).toMatchObject({ status: 'GREEN' });
  });

  it('a correction of the stored entry keeps the entry it replaces, like a second entry for the same period', async () => {
    const v = kpiValue(kTeam.id, '2026-10-05', 60, { comment: 'premier' });
    await create(manager, 'kpi_values', [v]);
    const stored = (await serverDocs(manager, 'kpi_values')).get(v.id)!;
    const res = await push(manager, 'kpi_values', [{ assumedMasterState: stored, newDocumentState: { ...stored, value: 65, comment: 'corrige', enteredAt: now(), updatedAt: now() } }]);
    expect(res.rejected).toEqual([]);
    const after = (await serverDocs(manager, 'kpi_values')).get(v.id)!;
    expect(after).toMatchObject({ value: 65, comment: 'corrige' });
    expect(after.history).toEqual([expect.objectContaining({ id: v.id, value: 60, comment: 'premier' })]);
    // A second entry for the period merges into the first: one more replaced entry, not two.
    await create(manager, 'kpi_values', [kpiValue(kTeam.id, '2026-10-05', 70, { enteredAt: new Date(Date.now() + 1000).toISOString() })]);
    const merged = (await serverDocs(manager, 'kpi_values')).get(v.id)!;
    expect(merged.value).toBe(70);
    expect((merged.history as { value: number }[]).map((h) => h.value)).toEqual([60, 65]);
  });

  it('refuses a value of an unknown KPI, of another organisation, or not on a period start, and bands out of order', async () => {
    const unknown = await push(manager, 'kpi_values', [{ newDocumentState: kpiValue(uuidv7(), '2026-11-16', 1) }]);
    expect(unknown.rejected).toEqual([expect.objectContaining({ code: 'KPI_NOT_FOUND' })]);
    const otherOrg = await push(managerB, 'kpi_values', [{ newDocumentState: kpiValue(kTeam.id, '2026-11-16', 1) }]);
    expect(otherOrg.rejected).toEqual([expect.objectContaining({ code: 'KPI_NOT_FOUND' })]);
    const midWeek = await push(manager, 'kpi_values', [{ newDocumentState: kpiValue(kTeam.id, '2026-11-18', 1) }]);
    expect(midWeek.rejected).toEqual([expect.objectContaining({ code: 'KPI_PERIOD_NOT_START' })]);
    const bad = await push(manager, 'reference', [{ newDocumentState: kpiDef({}, { thresholds: { kind: 'ABSOLUTE', green: 50, orange: 75 } }) }]);
    expect(bad.rejected).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
    expect(JSON.stringify(bad.rejected[0]!.details)).toContain('KPI_BANDS_ORDER');
    const untyped = await push(manager, 'reference', [{ newDocumentState: dashboard([], { data: { kpiIds: 'all' } }) }]);
    expect(untyped.rejected).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
  });

  it('a crew member reads only what is shared with the organisation or their team, and the actions they own', async () => {
    const own = actionPlan(kPrivate.id, { title: 'Relancer', ownerUserId: techPerson.id });
    const other = actionPlan(kTeam.id, { title: 'Autre' });
    await create(manager, 'action_plans', [own, other, kpiComment(kTeam.id, null, 'equipe'), kpiComment(kOrg.id, null, 'tous'), kpiComment(kPrivate.id, null, 'prive')]);
    await create(manager, 'kpi_values', [kpiValue(kPrivate.id, '2026-11-16', 3)]);
    const ref = await serverDocs(tech, 'reference');
    const refIds = ids(ref.values());
    expect(refIds).toEqual(expect.arrayContaining([dTeam.id, dOrg.id, kTeam.id, kOrg.id]));
    expect(refIds).not.toContain(dPrivate.id);
    expect(refIds).not.toContain(kPrivate.id);
    // The demo season's KPIs shared with the organisation are readable too: only this test's KPIs are looked at.
    const mine = new Set([kTeam.id, kOrg.id, kPrivate.id]);
    const values = [...(await serverDocs(tech, 'kpi_values')).values()].filter((v) => mine.has(String(v.kpiId)));
    expect(new Set(values.map((v) => v.kpiId))).toEqual(new Set([kTeam.id, kOrg.id]));
    const plans = [...(await serverDocs(tech, 'action_plans')).values()].filter((p) => mine.has(String(p.kpiId)));
    expect(plans.filter((p) => p.kind === 'action').map((p) => p.id)).toEqual([own.id]);
    expect(plans.filter((p) => p.kind === 'comment').map((p) => p.body).sort()).toEqual(['equipe', 'tous']);
    // A manager does not read the admin's private dashboard; the admin does.
    expect((await serverDocs(manager, 'reference')).has(dPrivate.id)).toBe(false);
    expect((await serverDocs(admin, 'reference')).has(dPrivate.id)).toBe(true);
    // Another organisation reads none of it.
    const b = await serverDocs(managerB, 'reference');
    expect(b.has(kTeam.id) || b.has(dOrg.id)).toBe(false);
  });

  it('a crew member comments on a KPI they read, edits only their own comment, and writes nothing else of the KPI side', async () => {
    const mine = kpiComment(kTeam.id, techPerson.id, 'Il manque deux regisseurs');
    expect((await push(tech, 'action_plans', [{ newDocumentState: mine }])).rejected).toEqual([]);
    const stored = (await serverDocs(tech, 'action_plans')).get(mine.id)!;
    expect(stored).toMatchObject({ authorAccountId: await accountIdOf(tech), authorUserId: techPerson.id });
    expect(typeof stored.createdAt).toBe('string');
    const edited = await push(tech, 'action_plans', [{ assumedMasterState: stored, newDocumentState: { ...stored, body: 'Il en manque trois', updatedAt: now() } }]);
    expect(edited.rejected).toEqual([]);
    const hidden = await push(tech, 'action_plans', [{ newDocumentState: kpiComment(kPrivate.id, techPerson.id, 'curieux') }]);
    expect(hidden.rejected).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const forged = await push(tech, 'action_plans', [{ newDocumentState: kpiComment(kTeam.id, adminPerson.id, 'au nom de') }]);
    expect(forged.rejected).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const managerComment = [...(await serverDocs(tech, 'action_plans')).values()].find((p) => p.body === 'equipe')!;
    const others = await push(tech, 'action_plans', [{ assumedMasterState: managerComment, newDocumentState: { ...managerComment, body: 'modifie', updatedAt: now() } }]);
    expect(others.rejected).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const value = await push(tech, 'kpi_values', [{ newDocumentState: kpiValue(kTeam.id, '2026-11-23', 99) }]);
    expect(value.rejected).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const action = await push(tech, 'action_plans', [{ newDocumentState: actionPlan(kTeam.id, { ownerUserId: techPerson.id }) }]);
    expect(action.rejected).toHaveLength(1);
    expect(['FORBIDDEN', 'FIELD_NOT_WRITABLE']).toContain(action.rejected[0]!.code);
    const dash = await push(tech, 'reference', [{ newDocumentState: dashboard([kTeam.id]) }]);
    expect(dash.rejected).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it('leaving the team takes its dashboards, KPIs, values and comments out of the replica; a private dashboard made public brings them', async () => {
    const replica = new Replica(tech);
    await replica.pullAll(3);
    expect(ids(replica.live('reference'))).toContain(kTeam.id);
    const stored = (await serverDocs(manager, 'users')).get(techPerson.id)!;
    expect((await push(manager, 'users', [{ assumedMasterState: stored, newDocumentState: { ...stored, teamIds: [teamB.id], updatedAt: now() } }])).rejected).toEqual([]);
    await replica.pullAll(2);
    const fresh = await freshReplica(tech);
    for (const c of ['reference', 'kpi_values', 'action_plans']) expect(ids(replica.live(c)), c).toEqual(ids(fresh.live(c)));
    expect(ids(replica.live('reference'))).not.toContain(kTeam.id);
    expect(replica.live('kpi_values').some((v) => v.kpiId === kTeam.id)).toBe(false);
    expect(replica.live('action_plans').some((p) => p.kpiId === kTeam.id)).toBe(false);
    expect(replica.removed).toBeGreaterThan(0);

    const priv = (await serverDocs(admin, 'reference')).get(dPrivate.id)!;
    expect((await push(admin, 'reference', [{ assumedMasterState: priv, newDocumentState: { ...priv, sharing: 'ORGANISATION', updatedAt: now() } }])).rejected).toEqual([]);
    await replica.pullAll(2);
    expect(ids(replica.live('reference'))).toEqual(expect.arrayContaining([dPrivate.id, kPrivate.id]));
    expect(replica.live('kpi_values').some((v) => v.kpiId === kPrivate.id)).toBe(true);
  });
});
