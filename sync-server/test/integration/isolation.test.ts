import { ENTITIES, type SyncDoc } from '@coulisses/shared';
import { PUBLIC_REFERENCE_KINDS } from '@coulisses/shared/entities/org';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { assignment, mission, person, project } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create, openEvents, push } from '../helpers/sync-http';

const backends = await availableBackends();

describe.each(backends)('organisation and role isolation of sync on %s', (backend) => {
  let server: TestServer;
  let managerA: TestClient;
  let techA: TestClient;
  let managerB: TestClient;
  const docsA: Record<string, SyncDoc[]> = {};
  let techUser: SyncDoc;
  let published: SyncDoc;
  let draftAssigned: SyncDoc;
  let draftOther: SyncDoc;
  let techAssignment: SyncDoc;
  let otherAssignment: SyncDoc;

  beforeAll(async () => {
    server = await startTestServer(backend);
    managerA = await signedIn(server.url, 'manager@coulisses.demo');
    techA = await signedIn(server.url, 'tech@coulisses.demo');
    managerB = await signedIn(server.url, 'regie@nuits-blanches.demo');
    const techAccount = await accountIdOf(techA);
    techUser = person({ accountId: techAccount, firstName: 'Theo' });
    const otherUser = person({ firstName: 'Olga' });
    published = mission({ status: 'PUBLISHED', title: 'Spectacle' });
    draftAssigned = mission({ title: 'Brouillon assigne' });
    draftOther = mission({ title: 'Brouillon secret' });
    techAssignment = { ...assignment(draftAssigned.id, techUser.id), note: 'Apporter les gants' };
    otherAssignment = assignment(draftOther.id, otherUser.id);
    docsA.users = [techUser, otherUser];
    docsA.projects = [project({ name: 'Tournee A' })];
    docsA.missions = [published, draftAssigned, draftOther];
    docsA.assignments = [techAssignment, otherAssignment];
    docsA.reference = [
      { id: crypto.randomUUID(), updatedAt: new Date().toISOString(), kind: 'venue', name: 'Salle A', archived: false, data: {}, _deleted: false } as SyncDoc,
      { id: crypto.randomUUID(), updatedAt: new Date().toISOString(), kind: 'rate_profile', name: 'Tarif', archived: false, data: { mode: 'HOURLY', amountCents: 2000, appliesTo: { kind: 'ORG', id: null } }, _deleted: false } as SyncDoc,
    ];
    for (const [collection, docs] of Object.entries(docsA)) await create(managerA, collection, docs);
  });
  afterAll(async () => server?.close());

  it('an account of organisation B never pulls a document of A, in any collection', async () => {
    const idsA = new Set(Object.values(docsA).flat().map((d) => d.id));
    for (const entity of ENTITIES) {
      const docs = await serverDocs(managerB, entity.name);
      for (const id of docs.keys()) expect(idsA.has(id), `${entity.name} leaked ${id}`).toBe(false);
    }
  });

  it("an account of organisation B never receives A's changes on its stream", async () => {
    const a = await openEvents(managerA, '/api/v1/sync/stream?collections=projects,missions');
    const b = await openEvents(managerB, '/api/v1/sync/stream?collections=projects,missions');
    try {
      await create(managerA, 'projects', [project({ name: 'Live A' })]);
      await a.until((events) => events.some((e) => e.event === 'projects' && e.data.includes('Live A')), "A's write on A's stream");
      expect(b.events.map((e) => e.event)).toEqual(['RESYNC']);
      // B's own write after A's: B's stream delivers it, and nothing of A came before it on that one connection.
      await create(managerB, 'projects', [project({ name: 'Live B' })]);
      await b.until((events) => events.some((e) => e.event === 'projects' && e.data.includes('Live B')), "B's write on B's stream");
      expect(b.events.filter((e) => e.data.includes('Live A'))).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a push from B with the id of an A document lands in B only and leaves A untouched', async () => {
    const target = docsA.projects![0]!;
    await create(managerB, 'projects', [{ ...target, name: 'Pirate' }]);
    const inA = await serverDocs(managerA, 'projects');
    expect(inA.get(target.id)?.name).toBe('Tournee A');
    const inB = await serverDocs(managerB, 'projects');
    expect(inB.get(target.id)?.name).toBe('Pirate');
  });

  it('a TECH pulls published missions and the ones they are assigned to, and only their own assignments', async () => {
    const missions = await serverDocs(techA, 'missions');
    expect(missions.has(published.id)).toBe(true);
    expect(missions.has(draftAssigned.id)).toBe(true);
    expect(missions.has(draftOther.id)).toBe(false);
    const assignments = await serverDocs(techA, 'assignments');
    expect([...assignments.keys()]).toEqual([techAssignment.id]);
    const reference = await serverDocs(techA, 'reference');
    // Crew read the public kinds (the demo season's venues, teams, skills and equipment items and kits among them),
    // never a rate profile or an equipment reservation, and
    // of the KPI side only what is shared with the whole organisation (the demo's Production and Accueil dashboards).
    const sharedWithAll = (d: SyncDoc) => ['dashboard', 'kpi'].includes(String(d.kind)) && d.sharedWithAll === true;
    expect([...reference.values()].every((d) => (PUBLIC_REFERENCE_KINDS as readonly string[]).includes(String(d.kind)) || sharedWithAll(d))).toBe(true);
    expect([...reference.values()].some((d) => d.kind === 'equipment_reservation')).toBe(false);
    expect(reference.has(docsA.reference![0]!.id)).toBe(true);
    expect(reference.has(docsA.reference![1]!.id)).toBe(false);
    expect([...(await serverDocs(techA, 'kpi_values')).values()].every((v) => v.sharedWithAll === true)).toBe(true);
    expect((await serverDocs(techA, 'analytics_slices')).size).toBe(0);
  });

  it('a TECH stream carries only what the TECH may read', async () => {
    const stream = await openEvents(techA, '/api/v1/sync/stream?collections=missions,assignments');
    try {
      await create(managerA, 'missions', [mission({ title: 'Autre brouillon' }), mission({ title: 'Publiee live', status: 'PUBLISHED' })]);
      // A later published mission: once it arrived, anything of the first write would have arrived before it.
      await create(managerA, 'missions', [mission({ title: 'Publiee ensuite', status: 'PUBLISHED' })]);
      await stream.until((events) => events.some((e) => e.event === 'missions' && e.data.includes('Publiee ensuite')), 'the later published mission');
      const data = stream.events.filter((e) => e.event === 'missions').map((e) => e.data).join('\n');
      expect(data).toContain('Publiee live');
      expect(data).not.toContain('Autre brouillon');
    } finally {
      await stream.close();
    }
  });

  it('a TECH cannot push manager-only fields, nor write planning data, and nothing changes on the server', async () => {
    const changedNote = await push(techA, 'assignments', [{ assumedMasterState: techAssignment, newDocumentState: { ...techAssignment, note: 'plus de gants' } }]);
    expect(changedNote.rejected).toEqual([expect.objectContaining({ id: techAssignment.id, code: 'FIELD_NOT_WRITABLE', field: 'note' })]);
    expect(changedNote.conflicts[0]).toMatchObject({ id: techAssignment.id, note: 'Apporter les gants' });
    const otherPerson = await push(techA, 'assignments', [{ assumedMasterState: otherAssignment, newDocumentState: { ...otherAssignment, status: 'ACCEPTED', statusChangedBy: 'CREW' } }]);
    expect(otherPerson.rejected[0]?.code).toBe('FORBIDDEN');
    const mission = await push(techA, 'missions', [{ newDocumentState: { ...published, title: 'Renamed' } }]);
    expect(mission.rejected[0]?.code).toBe('FORBIDDEN');
    const server = await serverDocs(managerA, 'missions');
    expect(server.get(published.id)?.title).toBe('Spectacle');
    const asg = await serverDocs(managerA, 'assignments');
    expect(asg.get(techAssignment.id)?.note).toBe('Apporter les gants');
    expect(asg.get(otherAssignment.id)?.status).toBe('INVITED');
  });

  it('a TECH accepts their own invitation', async () => {
    const res = await push(techA, 'assignments', [{ assumedMasterState: techAssignment, newDocumentState: { ...techAssignment, status: 'ACCEPTED', statusChangedBy: 'CREW', statusChangedAt: new Date().toISOString() } }]);
    expect(res.rejected).toEqual([]);
    expect((await serverDocs(managerA, 'assignments')).get(techAssignment.id)?.status).toBe('ACCEPTED');
  });

  it('refuses unknown collections, bad checkpoints, oversized batches and writes to server-only collections', async () => {
    expect((await managerA.get('/api/v1/sync/nope/pull')).status).toBe(404);
    expect((await managerA.get('/api/v1/sync/projects/pull?checkpoint=%7Bbad')).status).toBe(400);
    expect((await managerA.post('/api/v1/sync/projects/push', Array.from({ length: 501 }, () => ({ newDocumentState: project() })))).status).toBe(413);
    const conflictWrite = await push(managerA, 'conflicts', [{ newDocumentState: { id: crypto.randomUUID(), updatedAt: new Date().toISOString() } as SyncDoc }]);
    expect(conflictWrite.rejected[0]?.code).toMatch(/VALIDATION_FAILED|FORBIDDEN/);
    const invalid = await push(managerA, 'projects', [{ newDocumentState: { ...project(), status: 'PARTY' } }]);
    expect(invalid.rejected[0]).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await managerA.get('/api/v1/sync/projects/pull')).status).toBe(200);
    const anonymous = await fetch(`${server.url}/api/v1/sync/projects/pull`);
    expect(anonymous.status).toBe(401);
  });
});
