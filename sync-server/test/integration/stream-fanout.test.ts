import { readSse, uuidv7, type Checkpoint, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { actionPlan, assignment, dashboard, kpiComment, kpiDef, kpiValue, mission, now, person, project } from '../helpers/docs';
import { seeded } from '../helpers/random';
import { newMember } from '../helpers/replica';
import { startTestServer, type TestServer } from '../helpers/server';
import { push } from '../helpers/sync-http';

const backends = await availableBackends();
const ROUNDS = Number(process.env.STREAM_FANOUT_ROUNDS ?? 18);
const SEED = Number(process.env.STREAM_FANOUT_SEED ?? 4242);
const COLLECTIONS = ['missions', 'assignments', 'projects', 'users', 'reference', 'kpi_values', 'action_plans'];
/** How long a stream may take to show a write before the test gives up (a deadline, not a measure). */
const DEADLINE_MS = 15_000;

interface Received {
  collection: string;
  documents: SyncDoc[];
  checkpoint: Checkpoint;
}

/** A multiplexed stream read through fetch, its events kept in order. */
async function openStream(client: TestClient) {
  const abort = new AbortController();
  const res = await fetch(`${client.baseUrl}/api/v1/sync/stream?collections=${COLLECTIONS.join(',')}`, { headers: { cookie: client.cookieHeader(), accept: 'text/event-stream' }, signal: abort.signal });
  expect(res.status).toBe(200);
  const events: Received[] = [];
  const other: string[] = [];
  let listener: (() => void) | undefined;
  let opened!: () => void;
  const ready = new Promise<void>((r) => (opened = r));
  void readSse(res.body!.pipeThrough(new TextDecoderStream()).getReader(), (m) => {
    if (m.data === 'RESYNC' && m.event === 'RESYNC') opened();
    else if (COLLECTIONS.includes(m.event ?? '') && m.data !== 'RESYNC') events.push({ collection: m.event!, ...(JSON.parse(m.data) as Omit<Received, 'collection'>) });
    else other.push(`${m.event}:${m.data}`);
    listener?.();
  }).catch(() => undefined);
  await ready;
  return {
    events,
    other,
    /** Resolves when a document with this id has arrived (events come in order, so everything before it did too). */
    async seen(id: string): Promise<void> {
      const has = () => events.some((e) => e.documents.some((d) => d.id === id));
      if (has()) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stream never showed ${id}`)), DEADLINE_MS);
        listener = () => {
          if (!has()) return;
          clearTimeout(timer);
          resolve();
        };
      });
    },
    close: () => abort.abort(),
  };
}

async function pullFrom(client: TestClient, collection: string, checkpoint: Checkpoint): Promise<{ documents: SyncDoc[]; checkpoint: Checkpoint }> {
  const res = await client.get(`/api/v1/sync/${collection}/pull?limit=1000&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { documents: SyncDoc[]; checkpoint: Checkpoint };
}

/** The last version of each document in a list of changes, by id. */
const latest = (docs: SyncDoc[]) => Object.fromEntries(docs.map((d) => [d.id, d]));

/**
 * The stream fan-out property: the hub reads each organisation's changes once and decides per viewer in memory;
 * what each stream receives must be what a pull of the same viewer returns from the same cursor. Random writes
 * (missions published and withdrawn, assignments made and cancelled, people, KPIs shared through dashboards,
 * action plans changing owner, deletions) in rounds; after each round every stream (admin, manager, two TECH
 * viewers with their own person) is compared, per collection, with a pull from where the previous round ended:
 * the same documents (last version of each), the same fields, the same deletions and scope exits.
 */
describe.each(backends)('stream fan-out on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let crew2: TestClient;

  beforeAll(async () => {
    // No job runner: its background writes (automatic KPIs, analytics) would land between a round and its pulls.
    server = await startTestServer(backend, { jobRunner: false });
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    crew2 = await newMember(server.url, admin, `fanout-${backend}@example.org`, 'TECH');
  });
  afterAll(async () => server?.close());

  it(`seed ${SEED}: every stream receives what a pull from the same cursor returns`, async () => {
    const rnd = seeded(SEED);
    const model = new Map<string, { collection: string; doc: SyncDoc }>();
    const put = async (by: TestClient, collection: string, doc: SyncDoc) => {
      const known = model.get(doc.id);
      const sent = { ...doc, updatedAt: now() };
      const res = await push(by, collection, [{ assumedMasterState: known?.doc, newDocumentState: sent }]);
      const merged = res.conflicts.find((c) => c.id === doc.id);
      if (res.rejected.length === 0) model.set(doc.id, { collection, doc: merged ?? sent });
    };
    const live = (collection: string) => [...model.values()].filter((m) => m.collection === collection && !m.doc._deleted).map((m) => m.doc);
    const kpis = () => live('reference').filter((r) => r.kind === 'kpi');

    // Two crew members with their own person, linked before the streams open (a new link changes their scope).
    const people = {
      tech: person({ accountId: await accountIdOf(tech), firstName: 'Theo', notes: 'HR: tech' }),
      crew2: person({ accountId: await accountIdOf(crew2), firstName: 'Camille', notes: 'HR: crew2' }),
      other: person({ firstName: 'Olga', notes: 'HR: other' }),
    };
    for (const p of Object.values(people)) await put(manager, 'users', p);
    const crewPeople = [people.tech.id, people.crew2.id, people.other.id];
    const team = { id: uuidv7(), updatedAt: now(), kind: 'team', name: 'Team A', archived: false, data: {}, _deleted: false } as SyncDoc;
    await put(manager, 'reference', team);

    const viewers = [admin, manager, tech, crew2];
    const streams = await Promise.all(viewers.map((v) => openStream(v)));
    const cursors = new Map<string, Checkpoint>();
    for (const [i, v] of viewers.entries()) for (const c of COLLECTIONS) cursors.set(`${i}|${c}`, (await pullFrom(v, c, { seq: 0 })).checkpoint);
    const seenBefore = streams.map(() => 0);

    const ops: (() => Promise<unknown>)[] = [
      () => put(manager, 'missions', mission({ title: `M${rnd.int(1000)}`, status: rnd.pick(['DRAFT', 'PUBLISHED']), notes: 'plan' })),
      async () => {
        const m = rnd.pick(live('missions'));
        if (m) await put(manager, 'missions', { ...m, status: rnd.pick(['DRAFT', 'PUBLISHED', 'CANCELLED']), title: `${String(m.title)}'` });
      },
      async () => {
        const m = rnd.pick(live('missions'));
        if (m && rnd.next() < 0.3) await put(manager, 'missions', { ...m, _deleted: true });
      },
      async () => {
        const m = rnd.pick(live('missions'));
        if (m) await put(manager, 'assignments', assignment(m.id, rnd.pick(crewPeople)));
      },
      async () => {
        const a = rnd.pick(live('assignments'));
        if (a) await put(manager, 'assignments', { ...a, status: rnd.pick(['CANCELLED', 'INVITED']), statusChangedBy: 'MANAGER', statusChangedAt: now() });
      },
      async () => {
        const a = rnd.pick(live('assignments'));
        if (a && rnd.next() < 0.3) await put(manager, 'assignments', { ...a, _deleted: true });
      },
      () => put(manager, 'projects', project({ name: `P${rnd.int(1000)}`, status: rnd.pick(['DRAFT', 'ACTIVE']) })),
      async () => {
        const u = rnd.pick(live('users'));
        if (u) await put(manager, 'users', { ...u, notes: `HR ${rnd.int(1000)}`, teamIds: rnd.next() < 0.5 ? [team.id] : [] });
      },
      () => put(manager, 'reference', kpiDef({ name: `K${rnd.int(1000)}`, ownerUserId: rnd.pick([...crewPeople, null]) })),
      async () => {
        const ids = rnd.shuffle(kpis().map((k) => k.id)).slice(0, 1 + rnd.int(2));
        const sharing = rnd.pick(['ORGANISATION', 'TEAMS', 'PRIVATE']);
        if (ids.length) await put(manager, 'reference', dashboard(ids, { sharing, teamIds: sharing === 'TEAMS' ? [team.id] : [], ownerUserId: rnd.pick([...crewPeople, null]) }));
      },
      async () => {
        const d = rnd.pick(live('reference').filter((r) => r.kind === 'dashboard'));
        if (d) await put(manager, 'reference', rnd.next() < 0.3 ? { ...d, _deleted: true } : { ...d, sharing: rnd.pick(['ORGANISATION', 'TEAMS', 'PRIVATE']), teamIds: [team.id] });
      },
      async () => {
        const k = rnd.pick(kpis());
        if (k) await put(manager, 'kpi_values', kpiValue(k.id, rnd.pick(['2026-11-02', '2026-11-09']), rnd.int(120)));
      },
      async () => {
        const k = rnd.pick(kpis());
        if (k) await put(manager, 'action_plans', rnd.next() < 0.5 ? actionPlan(k.id, { ownerUserId: rnd.pick(crewPeople) }) : kpiComment(k.id, null, `note ${rnd.int(100)}`));
      },
      async () => {
        const a = rnd.pick(live('action_plans').filter((x) => x.kind === 'action'));
        if (a) await put(manager, 'action_plans', { ...a, ownerUserId: rnd.pick(crewPeople) });
      },
    ];

    let compared = 0;
    let crewDocs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const writes = 1 + rnd.int(5);
      for (let i = 0; i < writes; i++) await rnd.pick(ops)();
      // Every change so far handed to the streams, then a marker every viewer reads: once a stream shows it,
      // everything before it has arrived (one connection delivers in order).
      await server.deps.streams.settled();
      const marker = mission({ title: `marker ${round}`, status: 'PUBLISHED' });
      await put(manager, 'missions', marker);
      await Promise.all(streams.map((s) => s.seen(marker.id)));

      for (const [i, v] of viewers.entries()) {
        const received = streams[i]!.events.slice(seenBefore[i]);
        seenBefore[i] = streams[i]!.events.length;
        for (const c of COLLECTIONS) {
          const from = cursors.get(`${i}|${c}`)!;
          const pulled = await pullFrom(v, c, from);
          const streamed = received.filter((e) => e.collection === c);
          for (const e of streamed) expect(e.checkpoint.scope, `viewer ${i} ${c} round ${round}`).toBe(pulled.checkpoint.scope);
          expect(latest(streamed.flatMap((e) => e.documents)), `viewer ${i} ${c} round ${round} (seed ${SEED})`).toEqual(latest(pulled.documents));
          cursors.set(`${i}|${c}`, pulled.checkpoint);
          compared += pulled.documents.length;
          if (i >= 2) crewDocs += pulled.documents.length;
        }
      }
    }
    for (const s of streams) {
      expect(s.other, 'no END or RESYNC in the middle').toEqual([]);
      s.close();
    }
    // Not vacuous: documents were compared, crew streams included.
    expect(compared).toBeGreaterThan(ROUNDS * 4);
    expect(crewDocs).toBeGreaterThan(ROUNDS);
  });

  it('more changes than a batch at once: every stream of the collection gets RESYNC, then keeps streaming', async () => {
    const s = await openStream(manager);
    const t = await openStream(tech);
    const [org] = await server.deps.db.sql<{ id: string }[]>`select id from auth_organization where slug = 'grand-plateau'`;
    const many = Array.from({ length: server.deps.streams.opts.maxBatch + 100 }, (_, i) => mission({ title: `lot ${i}`, status: 'PUBLISHED' }));
    // One transaction through the core (a push is limited to 500 rows): the hub sees all of it in one read.
    await server.deps.sync.transaction(org!.id, async (tx) => {
      for (const d of many) await tx.write('missions', d, { before: undefined, accountId: null, viewer: null });
    });
    await server.deps.streams.settled();
    const after = mission({ title: 'after the burst', status: 'PUBLISHED' });
    await push(manager, 'missions', [{ newDocumentState: after }]);
    await Promise.all([s.seen(after.id), t.seen(after.id)]);
    for (const x of [s, t]) {
      expect(x.other).toEqual(['missions:RESYNC']);
      const got = x.events.flatMap((e) => e.documents.map((d) => d.id));
      expect(got).toEqual([after.id]);
      x.close();
    }
  });
});
