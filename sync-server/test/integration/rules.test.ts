import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { kpiDef, person } from '../helpers/docs';
import { rxClient } from '../helpers/rx-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs, settle } from '../helpers/sync-assert';
import { create, push } from '../helpers/sync-http';

const backends = await availableBackends();
const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

describe.each(backends)('conflict rules decided by the server on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let techUser: SyncDoc;
  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    const techAccount = await accountIdOf(tech);
    techUser = person({ accountId: techAccount });
    await create(manager, 'users', [techUser]);
  });
  afterAll(async () => server?.close());

  it('d. locked: a crew edit of a validated timesheet is refused and becomes an adjustment request', async () => {
    const sheet = {
      id: uuidv7(), updatedAt: iso(), userId: techUser.id, missionId: null, date: '2026-03-29', type: 'SPECTACLE', startAt: '2026-03-29T18:00:00.000Z', endAt: '2026-03-29T23:30:00.000Z',
      breakMinutes: 0, status: 'SUBMITTED', validatedAt: null, validatedByAccountId: null, _deleted: false,
      source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0, nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [],
    } as SyncDoc;
    await create(manager, 'timesheets', [sheet]);
    const validated = { ...sheet, status: 'VALIDATED', updatedAt: iso(1) };
    expect((await push(manager, 'timesheets', [{ assumedMasterState: sheet, newDocumentState: validated }])).rejected).toEqual([]);
    const stored = (await serverDocs(manager, 'timesheets')).get(sheet.id)!;
    expect(stored.validatedAt).toBeTruthy();

    // The crew member, offline since before the validation, changes the end time.
    const res = await push(tech, 'timesheets', [{ assumedMasterState: sheet, newDocumentState: { ...sheet, endAt: '2026-03-30T00:30:00.000Z', updatedAt: iso(2) } }]);
    expect(res.diverted).toEqual([expect.objectContaining({ id: sheet.id, code: 'LOCKED' })]);
    expect(res.conflicts[0]).toMatchObject({ id: sheet.id, status: 'VALIDATED', endAt: '2026-03-29T23:30:00.000Z' });
    const events = await serverDocs(manager, 'field_events');
    const request = events.get(res.diverted[0]!.eventId)!;
    expect(request).toMatchObject({ kind: 'ADJUSTMENT_REQUEST', subjectId: sheet.id, userId: techUser.id });
    expect((request.payload as { changes: Record<string, { to: unknown }> }).changes.endAt?.to).toBe('2026-03-30T00:30:00.000Z');
    expect((await serverDocs(tech, 'field_events')).has(request.id)).toBe(true);
    const log = (await (await manager.get('/api/v1/conflicts')).json()) as { conflicts: SyncDoc[] };
    expect(log.conflicts.some((c) => c.entityId === sheet.id && c.outcome === 'DIVERTED')).toBe(true);

    // Even with the current state as its base, the crew cannot edit a validated timesheet.
    const direct = await push(tech, 'timesheets', [{ assumedMasterState: stored, newDocumentState: { ...stored, breakMinutes: 30, updatedAt: iso(3) } }]);
    expect(direct.diverted).toHaveLength(1);
    // A manager still can.
    const byManager = await push(manager, 'timesheets', [{ assumedMasterState: stored, newDocumentState: { ...stored, breakMinutes: 15, updatedAt: iso(4) } }]);
    expect(byManager.rejected).toEqual([]);
    expect(byManager.diverted).toEqual([]);
  });

  it('e. unique by key: two offline entries of one KPI period merge, the earlier kept in history, status computed', async () => {
    const kpi = kpiDef({ updatedAt: iso() });
    await create(manager, 'reference', [kpi]);
    const admin = await signedIn(server.url, 'admin@coulisses.demo');
    const entry = (value: number, at: number) => ({
      id: uuidv7(), updatedAt: iso(at), kpiId: kpi.id, periodStart: '2026-11-16', periodEnd: '2026-11-22', value, comment: `saisie ${value}`, enteredAt: iso(at),
      status: 'GREEN', enteredByAccountId: null, history: [], _deleted: false,
    }) as SyncDoc;
    const first = entry(80, 0);
    const second = entry(95, 5000);
    await create(manager, 'kpi_values', [first]);
    const res = await push(admin, 'kpi_values', [{ newDocumentState: second }]);
    expect(res.rejected).toEqual([]);
    expect(res.conflicts).toEqual([expect.objectContaining({ id: second.id, _deleted: true })]);
    const values = [...(await serverDocs(manager, 'kpi_values')).values()].filter((v) => v.kpiId === kpi.id && !v._deleted);
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ id: first.id, value: 95, comment: 'saisie 95', status: 'GREEN' });
    expect(values[0]!.history).toEqual([expect.objectContaining({ id: first.id, value: 80 })]);
    const log = (await (await manager.get('/api/v1/conflicts')).json()) as { conflicts: SyncDoc[] };
    expect(log.conflicts.some((c) => c.entityId === first.id && (c.fields as { field: string; discarded: unknown }[]).some((f) => f.field === 'value' && f.discarded === 80))).toBe(true);
    // The client's status value never counts: the server computes it.
    const orange = entry(76, 9000);
    const later = await push(manager, 'kpi_values', [{ assumedMasterState: values[0], newDocumentState: { ...values[0]!, value: 76, enteredAt: orange.enteredAt, updatedAt: orange.updatedAt, status: 'GREEN' } }]);
    expect(later.rejected).toEqual([]);
    expect((await serverDocs(manager, 'kpi_values')).get(first.id)).toMatchObject({ value: 76, status: 'ORANGE' });
  });

  it('a session that expires while offline keeps every queued write and pushes it after the next sign-in', async () => {
    const client = await rxClient(server.url, 'manager@coulisses.demo', { collections: ['projects'] });
    try {
      await client.start();
      client.setOffline(true);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = uuidv7();
        ids.push(id);
        await client.db.collections.projects!.insert({ id, updatedAt: iso(), name: `Hors ligne ${i}`, status: 'DRAFT', venueIds: [], startDate: null, endDate: null, managerUserIds: [] });
      }
      // Meanwhile the session ends on the server (expired or revoked).
      await server.deps.db.sql`delete from auth_session where "userId" = (select id from auth_user where email = 'manager@coulisses.demo')`;
      client.setOffline(false);
      const deadline = Date.now() + 10_000;
      while (client.engine.status$.value.phase !== 'signed-out' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(client.engine.status$.value.phase).toBe('signed-out');
      expect(client.outbox.pendingCount()).toBe(5);
      expect(await client.db.collections.projects!.count().exec()).toBeGreaterThanOrEqual(5);

      expect((await client.http.signIn('manager@coulisses.demo')).status).toBe(200);
      await client.engine.resume();
      await settle([client]);
      const onServer = await serverDocs(await signedIn(server.url, 'admin@coulisses.demo'), 'projects');
      for (const id of ids) expect(onServer.get(id)?.status).toBe('DRAFT');
      expect(client.outbox.pendingCount()).toBe(0);
    } finally {
      await client.close();
    }
  });
});
