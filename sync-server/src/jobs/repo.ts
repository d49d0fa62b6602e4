import type { Sql } from '../db/connect';

/** The SQL of the job runner (runner.ts): the `jobs` table of migrations/0009_analytics.sql. */

/** The pool, or a transaction (tx.sql of a sync transaction). */
export type SqlLike = Sql;

export interface JobRow {
  id: string;
  org_id: string | null;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
}

export interface EnqueueInput {
  kind: string;
  /** At most one queued job per kind and key (a burst of enqueues makes one job); default: the organisation id. */
  key?: string;
  orgId?: string | null;
  payload?: Record<string, unknown>;
  /** Run no sooner than this after now (database clock). */
  delayMs?: number;
  maxAttempts?: number;
}

/**
 * Inserts a job unless one of the same kind and key is already queued; then that one takes this payload's keys too
 * and the earlier run_after (returns whether a row was inserted).
 */
export async function insertJob(sql: SqlLike, input: EnqueueInput): Promise<boolean> {
  const key = input.key ?? input.orgId ?? input.kind;
  const seconds = Math.max(0, input.delayMs ?? 0) / 1000;
  const rows = await sql<{ inserted: boolean }[]>`
    insert into jobs (org_id, kind, key, payload, run_after, max_attempts)
    values (${input.orgId ?? null}, ${input.kind}, ${key}, ${sql.json((input.payload ?? {}) as never)},
      now() + make_interval(secs => ${seconds}), ${input.maxAttempts ?? 5})
    on conflict (kind, key) where locked_by is null and dead_at is null
      do update set payload = jobs.payload || excluded.payload, run_after = least(jobs.run_after, excluded.run_after)
    returning (xmax = 0) as inserted`;
  return rows[0]?.inserted === true;
}

/**
 * Claims the next due job of these kinds: the oldest due one nobody holds (or whose holder's lease ran out),
 * skipping rows another runner is claiming at the same instant (for update skip locked).
 */
export async function claimJob(sql: Sql, runnerId: string, kinds: readonly string[], leaseMs: number): Promise<JobRow | undefined> {
  const [row] = await sql<JobRow[]>`
    update jobs set locked_by = ${runnerId}, locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
    where id = (
      select id from jobs
      where dead_at is null and run_after <= now() and (locked_until is null or locked_until < now())
        and kind = any(${kinds as string[]}::text[])
      order by run_after, id
      limit 1
      for update skip locked)
    returning id::text as id, org_id, kind, key, payload, attempts, max_attempts, locked_by`;
  return row;
}

/** Extends the lease of a job this runner holds (false: it lost it). */
export async function renewLease(sql: Sql, id: string, runnerId: string, leaseMs: number): Promise<boolean> {
  const rows = await sql`update jobs set locked_until = now() + make_interval(secs => ${leaseMs / 1000}) where id = ${id} and locked_by = ${runnerId} returning id`;
  return rows.length > 0;
}

/** A job done: removed. */
export async function completeJob(sql: Sql, id: string, runnerId: string): Promise<void> {
  await sql`delete from jobs where id = ${id} and locked_by = ${runnerId}`;
}

/**
 * A job failed: dead after its last attempt (kept, visible), else queued again after `retryMs`. When a job of the
 * same kind and key was queued meanwhile, that one will do the work: the failed one only records its error there.
 */
export async function failJob(sql: Sql, job: JobRow, runnerId: string, error: string, retryMs: number): Promise<'dead' | 'retry' | 'merged'> {
  const message = error.slice(0, 2000);
  if (job.attempts >= job.max_attempts) {
    await sql`update jobs set dead_at = now(), locked_by = null, locked_until = null, last_error = ${message} where id = ${job.id} and locked_by = ${runnerId}`;
    return 'dead';
  }
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const queued = await tx`select id from jobs where kind = ${job.kind} and key = ${job.key} and locked_by is null and dead_at is null and id <> ${job.id} for update`;
    if (queued.length > 0) {
      await tx`update jobs set last_error = ${message} where id = ${queued[0]!.id as string}`;
      await tx`delete from jobs where id = ${job.id} and locked_by = ${runnerId}`;
      return 'merged' as const;
    }
    await tx`
      update jobs set locked_by = null, locked_until = null, last_error = ${message}, run_after = now() + make_interval(secs => ${retryMs / 1000})
      where id = ${job.id} and locked_by = ${runnerId}`;
    return 'retry' as const;
  }) as Promise<'dead' | 'retry' | 'merged'>;
}

/** Dead jobs (the runbook's view of what failed for good). */
export function deadJobs(sql: Sql, limit = 100): Promise<{ id: string; kind: string; key: string; attempts: number; last_error: string | null; dead_at: Date }[]> {
  return sql`select id::text as id, kind, key, attempts, last_error, dead_at from jobs where dead_at is not null order by dead_at desc limit ${limit}`;
}
