import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { openDatabase, type Database } from '../../src/db/connect';
import { domainHooks } from '../../src/domains';
import { JobRunner, type Job } from '../../src/jobs/runner';
import { AUTO_REFRESH_JOB, kpiJobHandlers } from '../../src/kpi/auto-jobs';
import { recordAutoRun } from '../../src/kpi/auto-repo';
import { SyncCore } from '../../src/sync/core';
import { ChangeFeed } from '../../src/sync/feed';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { mission, now } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

async function until(ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function orgIdOf(client: TestClient): Promise<string> {
  const me = (await (await client.get('/api/v1/me')).json()) as { activeOrg: { id: string } | null };
  return me.activeOrg!.id;
}

/** A weekly automatic KPI of the organisation (reference kind 'kpi'). */
function autoKpi(): SyncDoc {
  return {
    id: uuidv7(), updatedAt: now(), kind: 'kpi', name: 'Heures prevues (job)', archived: false,
    data: {
      unit: 'h', decimals: 1, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 0, orange: 0 },
      aggregation: 'AVERAGE', source: 'AUTOMATIC', active: true, gracePeriodDays: 0, auto: { metric: 'PLANNED_HOURS' },
    },
    _deleted: false,
  } as SyncDoc;
}

describe.each(backends)('automatic KPI refresh jobs on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let other: TestClient;
  let orgA: string;
  let orgB: string;
  const shift = () => mission({ title: 'Job', startAt: '2031-05-01T08:00:00.000Z', endAt: '2031-05-01T10:00:00.000Z' });
  const queued = () => server.deps.db.sql<{ key: string; seconds: number }[]>`
    select key, extract(epoch from run_after - now())::float8 as seconds from jobs
    where kind = ${AUTO_REFRESH_JOB} and locked_by is null and dead_at is null order by key`;
  const clear = () => server.deps.db.sql`delete from jobs where kind = ${AUTO_REFRESH_JOB}`;

  beforeAll(async () => {
    // No runner in the server: the queued jobs stay where the test can read them.
    server = await startTestServer(backend, { jobRunner: false });
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    other = await signedIn(server.url, 'regie@nuits-blanches.demo');
    orgA = await orgIdOf(manager);
    orgB = await orgIdOf(other);
  });
  afterAll(async () => server?.close());

  it('a write queues one refresh of its organisation, 20 s later; the rest of the burst joins it', async () => {
    await clear();
    await create(manager, 'missions', [shift()]);
    const [first, ...none] = await queued();
    expect(none).toEqual([]);
    expect(first!.key).toBe(orgA);
    expect(first!.seconds).toBeGreaterThan(15);
    expect(first!.seconds).toBeLessThanOrEqual(20);
    // A second write a moment later does not push the refresh back, and makes no second job.
    await create(manager, 'missions', [shift(), shift()]);
    const burst = await queued();
    expect(burst.length).toBe(1);
    expect(burst[0]!.seconds).toBeLessThanOrEqual(first!.seconds);
  });

  it('the job is written in the writing transaction: a rolled back write leaves none', async () => {
    await clear();
    const inside = await server.deps.sync
      .transaction(orgA, async (tx) => {
        await tx.write('missions', shift(), { before: undefined, accountId: null, viewer: null });
        const seen = await tx.sql`select 1 from jobs where kind = ${AUTO_REFRESH_JOB} and key = ${orgA}`;
        throw new Error(`rollback after seeing ${seen.length} job`);
      })
      .catch((err: Error) => err.message);
    expect(inside).toBe('rollback after seeing 1 job');
    expect(await queued()).toEqual([]);
  });

  it('a minute at most once per organisation for data changes; a changed automatic KPI in 2 s', async () => {
    await clear();
    await recordAutoRun(server.deps.db.sql, orgA);
    await create(manager, 'missions', [shift()]);
    const [capped] = await queued();
    expect(capped!.seconds).toBeGreaterThan(50);
    expect(capped!.seconds).toBeLessThanOrEqual(60);
    await create(manager, 'reference', [autoKpi()]);
    const [soon] = await queued();
    expect(soon!.seconds).toBeGreaterThan(0);
    expect(soon!.seconds).toBeLessThanOrEqual(2);
  });

  it('two runners on one database (two pools on Postgres) refresh each organisation once', async () => {
    await clear();
    await create(manager, 'missions', [shift()]);
    await create(other, 'missions', [shift()]);
    await server.deps.db.sql`update jobs set run_after = now() where kind = ${AUTO_REFRESH_JOB}`;
    // The second instance: its own pool and sync core on the same database (PGlite has one session: the same one).
    let second: Database | undefined;
    if (backend === 'postgres') second = await openDatabase({ databaseUrl: server.deps.config.databaseUrl, dataDir: 'memory://', logger: silent });
    const db2 = second ?? server.deps.db;
    const core2 = second ? new SyncCore(second.sql, new ChangeFeed(second, silent), domainHooks()) : server.deps.sync;
    const runs: string[] = [];
    const runnerOf = (id: string, deps: Parameters<typeof kpiJobHandlers>[0]) => {
      const { refresh } = kpiJobHandlers(deps);
      return new JobRunner(deps.db.sql, { id, pollMs: 50, concurrency: 2, logger: silent }).register(AUTO_REFRESH_JOB, async (job: Job) => {
        runs.push(job.orgId!);
        await refresh(job);
      });
    };
    const one = runnerOf('one', { db: server.deps.db, sync: server.deps.sync });
    const two = runnerOf('two', { db: db2, sync: core2 });
    one.start();
    two.start();
    try {
      await until(async () => (await server.deps.db.sql`select 1 from jobs where kind = ${AUTO_REFRESH_JOB}`).length === 0);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
      await second?.close();
    }
    expect(runs.sort()).toEqual([orgA, orgB].sort());
    const started = await server.deps.db.sql<{ org_id: string }[]>`select org_id from kpi_auto_refresh where last_run_at > now() - interval '1 minute' order by org_id`;
    expect(started.map((r) => r.org_id)).toEqual([orgA, orgB].sort());
  });
});
