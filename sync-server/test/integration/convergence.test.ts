import { sameValue, uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { seeded } from '../helpers/random';
import { rxClient, type RxTestClient } from '../helpers/rx-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { localDocs, serverDocs, settle } from '../helpers/sync-assert';

const backends = await availableBackends();
const SOAK = process.env.SOAK === '1';
const ROUNDS = SOAK ? Number(process.env.SOAK_ROUNDS ?? 20) : 2;
const DOCS = SOAK ? 30 : 6;
const EDITS = SOAK ? 60 : 12;
const FIELDS = ['name', 'description', 'color', 'code', 'status'] as const;

interface Edit {
  client: number;
  id: string;
  field: string;
  value: unknown;
}

function valueFor(field: string, client: number, n: number): unknown {
  if (field === 'status') return ['DRAFT', 'ACTIVE', 'ARCHIVED'][(client + n) % 3];
  return `c${client}-${field}-${n}`;
}

describe.each(backends)('convergence of concurrent offline edits on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server?.close());

  for (let round = 0; round < ROUNDS; round++) {
    const seed = Number(process.env.SEED ?? Date.now() % 100000) + round;
    it(`round ${round} (seed ${seed}): every client and the server end identical, every discarded value is logged`, async () => {
      const rnd = seeded(seed);
      const clients: RxTestClient[] = [
        await rxClient(server.url, 'manager@coulisses.demo', { collections: ['projects', 'assignments', 'conflicts'] }),
        await rxClient(server.url, 'manager@coulisses.demo', { collections: ['projects', 'assignments', 'conflicts'] }),
        await rxClient(server.url, 'admin@coulisses.demo', { collections: ['projects', 'assignments', 'conflicts'] }),
      ];
      try {
        for (const c of clients) await c.start();
        const t0 = Date.now();
        const ids = Array.from({ length: DOCS }, () => uuidv7());
        for (const id of ids) {
          await clients[0]!.db.collections.projects!.insert({
            id, updatedAt: new Date(t0).toISOString(), name: `P ${id.slice(-4)}`, status: 'ACTIVE', venueIds: [], startDate: null, endDate: null, managerUserIds: [], description: 'base', color: 'blue', code: 'X',
          });
        }
        await settle(clients);
        for (const c of clients) expect((await localDocs(c, 'projects')).size).toBeGreaterThanOrEqual(DOCS);

        // Everyone goes offline and edits the same documents; each (client, doc, field) once.
        for (const c of clients) c.setOffline(true);
        const edits: Edit[] = [];
        const used = new Set<string>();
        for (let n = 0; n < EDITS; n++) {
          const client = rnd.int(clients.length);
          const id = rnd.pick(ids);
          const field = rnd.pick(FIELDS);
          if (used.has(`${client}|${id}|${field}`)) continue;
          used.add(`${client}|${id}|${field}`);
          const value = valueFor(field, client, n);
          const doc = await clients[client]!.db.collections.projects!.findOne(id).exec();
          if (!doc || doc.get(field) === value) continue;
          const at = new Date(t0 + 1000 + rnd.int(100_000)).toISOString();
          await doc.incrementalPatch({ [field]: value, updatedAt: at > String(doc.get('updatedAt')) ? at : String(doc.get('updatedAt')) });
          edits.push({ client, id, field, value });
        }
        // One deletion racing with edits.
        const victim = rnd.pick(ids);
        const deleter = rnd.int(clients.length);
        await (await clients[deleter]!.db.collections.projects!.findOne(victim).exec())?.incrementalRemove();

        // Back online one by one, in a random order.
        for (const i of rnd.shuffle([0, 1, 2])) {
          clients[i]!.setOffline(false);
          await clients[i]!.engine.awaitInSync();
        }
        await settle(clients, 3);

        const onServer = await serverDocs(clients[2]!.http, 'projects');
        const live = new Map([...onServer].filter(([, d]) => !d._deleted));
        for (const c of clients) {
          const local = await localDocs(c, 'projects');
          expect([...local.keys()].sort()).toEqual([...live.keys()].sort());
          for (const [id, doc] of live) expect(sameValue(local.get(id), doc)).toBe(true);
          expect(c.outbox.pendingCount()).toBe(0);
        }
        expect(onServer.get(victim)?._deleted).toBe(true);

        const log = (await (await clients[2]!.http.get('/api/v1/conflicts?limit=500')).json()) as { conflicts: SyncDoc[] };
        const discardedLogged = (id: string, field: string, value: unknown) =>
          log.conflicts.some((c) => c.entityId === id && (c.fields as { field: string; discarded: unknown }[]).some((f) => f.field === field && sameValue(f.discarded, value)));
        for (const e of edits) {
          const final = onServer.get(e.id)!;
          if (sameValue(final[e.field], e.value)) continue;
          expect(discardedLogged(e.id, e.field, e.value), `edit ${JSON.stringify(e)} lost without a conflict log entry (seed ${seed})`).toBe(true);
        }
      } finally {
        for (const c of clients) await c.close();
      }
    });
  }

  it('assignment: a manager CANCELLED offline beats a crew ACCEPTED offline, and the answer is logged', async () => {
    const manager = await rxClient(server.url, 'manager@coulisses.demo', { collections: ['users', 'missions', 'assignments'] });
    const tech = await rxClient(server.url, 'tech@coulisses.demo', { collections: ['users', 'missions', 'assignments'] });
    try {
      await manager.start();
      // The crew member's replica holds people and missions before its account is linked: the link changes its
      // scope (410 SCOPE_CHANGED, collections restarted) and it must still settle.
      await tech.start();
      const techAccount = ((await (await tech.http.get('/api/v1/me')).json()) as { account: { id: string } }).account.id;
      const now = () => new Date().toISOString();
      const userId = uuidv7();
      const missionId = uuidv7();
      const assignmentId = uuidv7();
      await manager.db.collections.users!.insert({ id: userId, updatedAt: now(), accountId: techAccount, firstName: 'Theo', lastName: 'Tech', employmentType: 'INTERMITTENT', skills: [], tags: [], teamIds: [], active: true });
      await manager.db.collections.missions!.insert({ id: missionId, updatedAt: now(), projectId: null, title: 'Montage', venueId: null, startAt: '2026-12-01T08:00:00.000Z', endAt: '2026-12-01T16:00:00.000Z', type: 'MONTAGE', status: 'DRAFT', needs: [], teamId: null });
      await manager.db.collections.assignments!.insert({ id: assignmentId, updatedAt: now(), missionId, userId, status: 'INVITED', statusChangedAt: now(), statusChangedBy: 'MANAGER' });
      await settle([manager, tech]);
      // The draft mission became visible to the crew member through the assignment (touch).
      expect(await tech.db.collections.missions!.findOne(missionId).exec()).not.toBeNull();

      manager.setOffline(true);
      tech.setOffline(true);
      const techDoc = await tech.db.collections.assignments!.findOne(assignmentId).exec();
      await techDoc!.incrementalPatch({ status: 'ACCEPTED', statusChangedBy: 'CREW', statusChangedAt: new Date(Date.now() + 5000).toISOString(), updatedAt: new Date(Date.now() + 5000).toISOString() });
      const managerDoc = await manager.db.collections.assignments!.findOne(assignmentId).exec();
      await managerDoc!.incrementalPatch({ status: 'CANCELLED', statusChangedBy: 'MANAGER', statusChangedAt: now(), updatedAt: now() });
      tech.setOffline(false);
      await tech.engine.awaitInSync();
      manager.setOffline(false);
      await settle([manager, tech], 3);
      for (const c of [manager, tech]) expect((await c.db.collections.assignments!.findOne(assignmentId).exec())?.get('status')).toBe('CANCELLED');
      const log = (await (await manager.http.get('/api/v1/conflicts')).json()) as { conflicts: SyncDoc[] };
      expect(log.conflicts.some((c) => c.entityId === assignmentId && (c.fields as { field: string; discarded: unknown }[]).some((f) => f.field === 'status' && f.discarded === 'ACCEPTED'))).toBe(true);
    } finally {
      await manager.close();
      await tech.close();
    }
  });
});
