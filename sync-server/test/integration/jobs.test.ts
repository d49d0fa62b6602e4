import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { JobRunner, enqueue, type Job } from '../../src/jobs/runner';
import { availableBackends, createScratchDatabase } from '../helpers/backends';

const backends = await availableBackends();
const MIGRATIONS = loadConfig({}).migrationsDir;
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

async function until(ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(backends)('job runner on %s', (backend) => {
  let db: Database;
  /** A second connection pool to the same database: a second server instance (Postgres only; PGlite has one session). */
  let other: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
    drop = scratch?.drop;
    db = await openDatabase({ databaseUrl: scratch?.url, dataDir: 'memory://', logger: silent });
    await migrate(db.sql, MIGRATIONS);
    if (scratch) other = await openDatabase({ databaseUrl: scratch.url, dataDir: 'memory://', logger: silent });
  });
  afterAll(async () => {
    await other?.close();
    await db?.close();
    await drop?.();
  });

  it('a burst of enqueues of one kind and key makes one job; a claimed job lets a new one queue behind it', async () => {
    expect(await enqueue(db.sql, { kind: 'test.burst', key: 'org-1', delayMs: 60_000 })).toBe(true);
    expect(await enqueue(db.sql, { kind: 'test.burst', key: 'org-1', delayMs: 60_000, payload: { a: 1 } })).toBe(false);
    // The queued job takes the later enqueue's payload keys and the earlier run time.
    expect(await enqueue(db.sql, { kind: 'test.burst', key: 'org-1', delayMs: 1_000, payload: { b: 2 } })).toBe(false);
    const [merged] = await db.sql<{ payload: unknown; soon: boolean }[]>`select payload, run_after < now() + interval '30 seconds' as soon from jobs where kind = 'test.burst' and key = 'org-1'`;
    expect(merged).toEqual({ payload: { a: 1, b: 2 }, soon: true });
    expect(await enqueue(db.sql, { kind: 'test.burst', key: 'org-2', delayMs: 60_000 })).toBe(true);
    const [burst] = await db.sql<{ n: number }[]>`select count(*)::int as n from jobs where kind = 'test.burst'`;
    expect(burst!.n).toBe(2);
    // Inside a transaction that rolls back, the job does not exist.
    await db.sql.begin(async (t) => {
      await enqueue(t as never, { kind: 'test.rollback', key: 'x' });
      throw new Error('rollback');
    }).catch(() => undefined);
    const rolled = await db.sql`select 1 from jobs where kind = 'test.rollback'`;
    expect(rolled.length).toBe(0);
    await db.sql`delete from jobs where kind = 'test.burst'`;
  });

  it('two runners on one database run each of 60 jobs exactly once', async () => {
    const runs = new Map<string, string[]>();
    const handler = (runnerId: string) => async (job: Job) => {
      runs.set(job.key, [...(runs.get(job.key) ?? []), runnerId]);
      // Work that takes time, so both runners hold jobs at once.
      await new Promise((r) => setTimeout(r, 5 + (Number(job.key.slice(4)) % 4) * 5));
    };
    const first = new JobRunner(db.sql, { id: 'first', pollMs: 100, concurrency: 3, logger: silent }).register('test.once', handler('first'));
    const second = new JobRunner((other ?? db).sql, { id: 'second', pollMs: 100, concurrency: 3, logger: silent }).register('test.once', handler('second'));
    for (let i = 0; i < 60; i++) await enqueue(db.sql, { kind: 'test.once', key: `job-${i}` });
    first.start();
    second.start();
    try {
      await until(async () => {
        const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from jobs where kind = 'test.once'`;
        return left!.n === 0;
      });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    expect(runs.size).toBe(60);
    for (const [key, by] of runs) expect({ key, times: by.length }).toEqual({ key, times: 1 });
    if (other) {
      // Both instances took a share (with two pools on Postgres; PGlite is one session shared by both runners).
      const byRunner = [...runs.values()].flat();
      expect(byRunner.filter((r) => r === 'first').length).toBeGreaterThan(0);
      expect(byRunner.filter((r) => r === 'second').length).toBeGreaterThan(0);
    }
  });

  it('a failing job is retried with a delay, then dead with its last error (visible); stop() waits for a running job', async () => {
    let calls = 0;
    const runner = new JobRunner(db.sql, { pollMs: 50, retryBaseMs: 100, logger: silent }).register('test.fail', async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    });
    await enqueue(db.sql, { kind: 'test.fail', key: 'k', maxAttempts: 3 });
    runner.start();
    try {
      await until(async () => (await db.sql`select 1 from jobs where kind = 'test.fail' and dead_at is not null`).length === 1);
    } finally {
      await runner.stop();
    }
    expect(calls).toBe(3);
    const [dead] = await db.sql<{ attempts: number; last_error: string; locked_by: string | null }[]>`select attempts, last_error, locked_by from jobs where kind = 'test.fail'`;
    expect(dead).toMatchObject({ attempts: 3, last_error: 'Error: boom 3', locked_by: null });

    // A job that is running when stop() is called finishes before stop() returns, and is deleted.
    let finished = false;
    const slow = new JobRunner(db.sql, { pollMs: 50, logger: silent }).register('test.slow', async () => {
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    await enqueue(db.sql, { kind: 'test.slow', key: 's' });
    slow.start();
    await until(async () => (await db.sql`select 1 from jobs where kind = 'test.slow' and locked_by is not null`).length === 1);
    await slow.stop();
    expect(finished).toBe(true);
    expect((await db.sql`select 1 from jobs where kind = 'test.slow'`).length).toBe(0);
  });

  it('a job whose holder died (lease run out) is taken again by another runner', async () => {
    await enqueue(db.sql, { kind: 'test.lease', key: 'l' });
    // A holder that claimed it and vanished: locked, lease already over.
    await db.sql`update jobs set locked_by = 'dead-runner', locked_until = now() - interval '1 second', attempts = 1 where kind = 'test.lease'`;
    let ran = 0;
    const runner = new JobRunner(db.sql, { pollMs: 50, logger: silent }).register('test.lease', async () => {
      ran += 1;
    });
    runner.start();
    try {
      await until(async () => (await db.sql`select 1 from jobs where kind = 'test.lease'`).length === 0);
    } finally {
      await runner.stop();
    }
    expect(ran).toBe(1);
  });
});
