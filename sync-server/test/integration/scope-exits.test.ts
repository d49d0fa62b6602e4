import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { accountIdOf, signedIn, type TestClient } from '../helpers/client';
import { actionPlan, assignment, dashboard, kpiComment, kpiDef, kpiValue, mission, now, person, project } from '../helpers/docs';
import { seeded } from '../helpers/random';
import { COLLECTIONS, Replica, freshReplica, memberIdOf, newMember } from '../helpers/replica';
import { startTestServer, type TestServer } from '../helpers/server';
import { push } from '../helpers/sync-http';

const backends = await availableBackends();
const OPS = Number(process.env.SCOPE_EXIT_OPS ?? 70);
const SEEDS = [Number(process.env.SCOPE_EXIT_SEED ?? 7001)];

/**
 * The scope-exit property: whatever writes change what each viewer may read (statuses, assignments made and
 * cancelled, deletions, notes, owners, role changes, a person linked to another account, a member removed), after
 * a sync every replica kept by the pull endpoint equals a fresh replica of the same viewer. Replicas sync at random
 * moments in between, in small pages, so their checkpoints fall anywhere.
 */
describe.each(backends)('scope exits on %s', (backend) => {
  let server: TestServer;
  let admin: TestClient;
  let manager: TestClient;
  let tech: TestClient;
  let crew2: TestClient;
  let crew3: TestClient;

  beforeAll(async () => {
    // Without the job runner: a warehouse refresh or an automatic KPI refresh writing between the replicas' last
    // sync and the fresh replicas' pull made them differ by that write (seen in CI on Postgres: a slice refreshed
    // 3 s later). What they write is scoped like any write; the pay readers' slices are read-scope's and
    // analytics-dashboard's to prove.
    server = await startTestServer(backend, { jobRunner: false });
    admin = await signedIn(server.url, 'admin@coulisses.demo');
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    crew2 = await newMember(server.url, admin, `crew2-${backend}@example.org`, 'TECH');
    crew3 = await newMember(server.url, admin, `crew3-${backend}@example.org`, 'TECH');
  });
  afterAll(async () => server?.close());

  it.each(SEEDS)('seed %i: after sync every replica equals a fresh replica of the same viewer', async (seed) => {
    const rnd = seeded(seed);
    const model = new Map<string, { collection: string; doc: SyncDoc }>();
    const put = async (by: TestClient, collection: string, doc: SyncDoc) => {
      const known = model.get(doc.id);
      const sent = { ...doc, updatedAt: now() };
      const res = await push(by, collection, [{ assumedMasterState: known?.doc, newDocumentState: sent }]);
      const refused = res.rejected.length > 0;
      const merged = res.conflicts.find((c) => c.id === doc.id);
      if (!refused) model.set(doc.id, { collection, doc: merged ?? sent });
      return !refused;
    };
    const ofKind = (collection: string) => [...model.values()].filter((m) => m.collection === collection && !m.doc._deleted).map((m) => m.doc);
    const kpis = () => ofKind('reference').filter((r) => r.kind === 'kpi');

    const accounts = { tech: await accountIdOf(tech), crew2: await accountIdOf(crew2), crew3: await accountIdOf(crew3) };
    const people = {
      tech: person({ accountId: accounts.tech, firstName: 'Theo', notes: 'HR: tech' }),
      crew2: person({ accountId: accounts.crew2, firstName: 'Camille', notes: 'HR: crew2' }),
      crew3: person({ accountId: accounts.crew3, firstName: 'Yann', notes: 'HR: crew3' }),
      other: person({ firstName: 'Olga', notes: 'HR: other' }),
      spare: person({ firstName: 'Sam', notes: 'HR: spare' }),
    };
    const teams = ['A', 'B'].map((name) => ({ id: uuidv7(), updatedAt: now(), kind: 'team', name: `Team ${name}`, archived: false, data: {}, _deleted: false }) as SyncDoc);
    for (const t of teams) expect(await put(manager, 'reference', t)).toBe(true);
    for (const p of Object.values(people)) expect(await put(manager, 'users', p)).toBe(true);
    const crewPeople = [people.tech.id, people.crew2.id, people.crew3.id, people.other.id, people.spare.id];
    const sharingOf = (): Partial<SyncDoc> => {
      const sharing = rnd.pick(['ORGANISATION', 'TEAMS', 'TEAMS', 'PRIVATE']);
      return { sharing, teamIds: sharing === 'TEAMS' ? [rnd.pick(teams).id] : [], ownerUserId: rnd.pick([...crewPeople, null]) };
    };
    const techClients: Record<string, TestClient> = { [people.tech.id]: tech, [people.crew2.id]: crew2, [people.crew3.id]: crew3 };

    const viewers: TestClient[] = [admin, manager, tech, crew2, crew3];
    const replicas = viewers.map((v) => new Replica(v));
    let crew2Role = 'TECH' as 'TECH' | 'MANAGER';
    let crew2Person = people.crew2.id;
    let crew3Removed = false;

    const ops: (() => Promise<unknown>)[] = [
      // Missions: created, published, back to draft, cancelled, deleted.
      () => put(manager, 'missions', mission({ title: `M${rnd.int(1000)}`, status: rnd.pick(['DRAFT', 'PUBLISHED']), notes: 'secret plan' })),
      async () => {
        const m = rnd.pick(ofKind('missions'));
        if (m) await put(manager, 'missions', { ...m, status: rnd.pick(['DRAFT', 'PUBLISHED', 'CANCELLED']), title: `${String(m.title)}'` });
      },
      async () => {
        const m = rnd.pick(ofKind('missions'));
        if (m && rnd.next() < 0.4) await put(manager, 'missions', { ...m, _deleted: true });
      },
      // Assignments: made, answered by the crew member, cancelled, re-invited, deleted.
      async () => {
        const m = rnd.pick(ofKind('missions'));
        if (m) await put(manager, 'assignments', assignment(m.id, rnd.pick(crewPeople)));
      },
      async () => {
        const a = rnd.pick(ofKind('assignments'));
        if (!a) return;
        const crew = techClients[String(a.userId)];
        if (crew && a.status === 'INVITED' && rnd.next() < 0.5) {
          await put(crew, 'assignments', { ...a, status: 'ACCEPTED', statusChangedBy: 'CREW', statusChangedAt: now() });
        } else {
          await put(manager, 'assignments', { ...a, status: rnd.pick(['CANCELLED', 'INVITED']), statusChangedBy: 'MANAGER', statusChangedAt: now() });
        }
      },
      async () => {
        const a = rnd.pick(ofKind('assignments'));
        if (a && rnd.next() < 0.4) await put(manager, 'assignments', { ...a, _deleted: true });
      },
      // Projects move in and out of ACTIVE.
      () => put(manager, 'projects', project({ name: `P${rnd.int(1000)}`, status: rnd.pick(['DRAFT', 'ACTIVE']) })),
      async () => {
        const p = rnd.pick(ofKind('projects'));
        if (p) await put(manager, 'projects', { ...p, status: rnd.pick(['DRAFT', 'ACTIVE', 'ARCHIVED']) });
      },
      // HR notes change (crew never read them).
      async () => {
        const u = rnd.pick(ofKind('users'));
        if (u) await put(manager, 'users', { ...u, notes: `HR ${rnd.int(1000)}` });
      },
      // Action plans change owner.
      async () => {
        const k = rnd.pick(kpis());
        if (k) await put(manager, 'action_plans', actionPlan(k.id, { ownerUserId: rnd.pick(crewPeople) }));
      },
      // KPIs, their dashboards shared with the organisation, a team or nobody, people joining and leaving teams,
      // values and comments that follow the KPI's readers.
      () => put(manager, 'reference', kpiDef({ name: `K${rnd.int(1000)}`, ownerUserId: rnd.pick([...crewPeople, null]) })),
      () => put(manager, 'reference', dashboard(rnd.shuffle(kpis().map((k) => k.id)).slice(0, 1 + rnd.int(3)), sharingOf())),
      async () => {
        const d = rnd.pick(ofKind('reference').filter((r) => r.kind === 'dashboard'));
        if (!d) return;
        if (rnd.next() < 0.2) await put(manager, 'reference', { ...d, _deleted: true });
        else await put(manager, 'reference', { ...d, ...sharingOf(), data: { ...(d.data as object), kpiIds: rnd.shuffle(kpis().map((k) => k.id)).slice(0, rnd.int(4)) } });
      },
      async () => {
        const u = rnd.pick(ofKind('users'));
        if (u) await put(manager, 'users', { ...u, teamIds: rnd.shuffle(teams.map((t) => t.id)).slice(0, rnd.int(3)) });
      },
      async () => {
        const k = rnd.pick(kpis());
        if (k) await put(manager, 'reference', { ...k, ownerUserId: rnd.pick([...crewPeople, null]) });
      },
      async () => {
        const k = rnd.pick(kpis());
        if (k) await put(manager, 'kpi_values', kpiValue(k.id, rnd.pick(['2026-11-02', '2026-11-09', '2026-11-16']), rnd.int(120)));
      },
      async () => {
        const k = rnd.pick(kpis());
        if (k) await put(manager, 'action_plans', kpiComment(k.id, null, `note ${rnd.int(100)}`));
      },
      async () => {
        const a = rnd.pick(ofKind('action_plans'));
        if (a) await put(manager, 'action_plans', { ...a, ownerUserId: rnd.pick([...crewPeople, null]) });
      },
      // A crew member tries a write outside their scope: refused, logged, and the log shows them nothing of it.
      async () => {
        const m = rnd.pick(ofKind('missions'));
        if (m) await push(tech, 'missions', [{ newDocumentState: { ...mission({ status: 'PUBLISHED' }), id: m.id } }]);
      },
      // crew2 is promoted or demoted.
      async () => {
        crew2Role = crew2Role === 'TECH' ? 'MANAGER' : 'TECH';
        const res = await admin.patch(`/api/v1/org/members/${await memberIdOf(admin, accounts.crew2)}`, { role: crew2Role });
        expect(res.status).toBe(200);
      },
      // crew2's account moves to another person (unlinked, then linked).
      async () => {
        const from = model.get(crew2Person)!.doc;
        const toId = crew2Person === people.crew2.id ? people.spare.id : people.crew2.id;
        const to = model.get(toId)!.doc;
        expect(await put(manager, 'users', { ...from, accountId: null })).toBe(true);
        expect(await put(manager, 'users', { ...to, accountId: accounts.crew2 })).toBe(true);
        crew2Person = toId;
      },
    ];

    for (let i = 0; i < OPS; i++) {
      await rnd.pick(ops)();
      // Some replicas sync now, some collections, in small pages.
      if (rnd.next() < 0.5) {
        const r = rnd.pick(replicas);
        await r.pullAll(1 + rnd.int(5), rnd.shuffle(COLLECTIONS).slice(0, 1 + rnd.int(COLLECTIONS.length)));
      }
      if (!crew3Removed && i === Math.floor(OPS * 0.8)) {
        const res = await admin.delete(`/api/v1/org/members/${await memberIdOf(admin, accounts.crew3)}`);
        expect(res.status).toBe(204);
        crew3Removed = true;
      }
    }

    for (const [i, r] of replicas.entries()) {
      await r.pullAll(1 + rnd.int(7));
      const fresh = await freshReplica(viewers[i]!);
      for (const c of COLLECTIONS) expect(r.live(c), `viewer ${i} ${c} (seed ${seed})`).toEqual(fresh.live(c));
      for (const u of r.live('users')) {
        if (i >= 2 && !(i === 3 && crew2Role === 'MANAGER')) expect(u.notes, 'crew never read HR notes').toBeUndefined();
      }
    }
    // The removed member's replica is empty, like a fresh one (its pulls are refused).
    expect(replicas[4]!.denied).toBe(true);
    expect(COLLECTIONS.every((c) => replicas[4]!.live(c).length === 0)).toBe(true);
    // The default seed makes crew replicas drop documents on the way (the property is not vacuous there).
    if (seed === 7001) expect(replicas[2]!.removed + replicas[3]!.removed).toBeGreaterThan(0);
  });
});
