import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Sql } from '../db/connect';
import { claimJob, completeJob, failJob, insertJob, renewLease, type EnqueueInput, type JobRow, type SqlLike } from './repo';

/**
 * The job runner (docs/runbooks/analytics.md "Job runner"): durable jobs in the `jobs` table, run by handlers
 * registered by kind. Every server instance runs one; a job is claimed with `for update skip locked` and a lease,
 * so when several instances share one database each job runs once (a crashed holder's lease runs out and another
 * instance takes the job again). Success deletes the job; a failure retries with a growing delay, then the job is
 * dead (kept with its last error). Works on PGlite (one connection) and on Postgres.
 */

export interface Job {
  id: string;
  orgId: string | null;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  /** This run's number (1 for the first). */
  attempts: number;
  /** After a failure of run number maxAttempts the job is dead. */
  maxAttempts: number;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface RunnerOptions {
  /** Poll when nothing woke the runner (ms). */
  pollMs?: number;
  /** The lease of a claimed job, renewed every third of it while the handler runs (ms). */
  leaseMs?: number;
  /** Delay before retry n (ms): base * 2^(n-1), at most maxRetryMs. */
  retryBaseMs?: number;
  maxRetryMs?: number;
  /** Jobs run at the same time by this runner. */
  concurrency?: number;
  logger?: Logger;
  id?: string;
}

type Wake = (delayMs: number) => void;
const wakers = new Set<Wake>();

/**
 * Queues a job, in the caller's transaction when given one (tx.sql of a sync transaction: the job exists iff the
 * write commits). Runners of this process are woken when it is due; other instances find it by polling.
 */
export async function enqueue(sql: SqlLike, input: EnqueueInput): Promise<boolean> {
  const inserted = await insertJob(sql, input);
  // After the caller's commit (a little later than due): a runner that looks too early polls again within a second.
  for (const wake of wakers) wake((input.delayMs ?? 0) + 50);
  return inserted;
}

export class JobRunner {
  readonly id: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly opts: Required<Omit<RunnerOptions, 'logger' | 'id'>>;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private nextAt = Infinity;
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  private stopped = true;
  private readonly wake: Wake = (delayMs) => this.schedule(delayMs);

  constructor(
    private readonly sql: Sql,
    options: RunnerOptions = {},
  ) {
    this.id = options.id ?? `runner-${randomUUID()}`;
    this.opts = {
      pollMs: options.pollMs ?? 1000,
      leaseMs: options.leaseMs ?? 60_000,
      retryBaseMs: options.retryBaseMs ?? 5_000,
      maxRetryMs: options.maxRetryMs ?? 600_000,
      concurrency: options.concurrency ?? 2,
    };
    this.logger = options.logger;
  }

  private readonly logger: Logger | undefined;

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  start(): this {
    this.stopped = false;
    wakers.add(this.wake);
    this.schedule(0);
    return this;
  }

  /** Look for due jobs in `delayMs` (the earliest of the pending wake-ups wins). */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.timer && at >= this.nextAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAt = Infinity;
      void this.poll();
    }, Math.max(0, delayMs));
    this.timer.unref();
  }

  /** Claims and starts jobs while there are due ones and room; then sleeps until the next poll. */
  poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = (async () => {
      // Never finish synchronously: the finally below must run after `this.polling` is assigned.
      await null;
      try {
        do {
          this.pollAgain = false;
          while (!this.stopped && this.running.size < this.opts.concurrency) {
            const row = await claimJob(this.sql, this.id, [...this.handlers.keys()], this.opts.leaseMs);
            if (!row) break;
            const run = this.execute(row).finally(() => {
              this.running.delete(run);
              // Room again: there may be more due jobs.
              this.schedule(0);
            });
            this.running.add(run);
          }
        } while (this.pollAgain && !this.stopped);
      } catch (err) {
        this.logger?.warn({ err }, 'job poll failed');
      } finally {
        this.polling = null;
        this.schedule(this.opts.pollMs);
      }
    })();
    return this.polling;
  }

  private async execute(row: JobRow): Promise<void> {
    const handler = this.handlers.get(row.kind)!;
    const lease = setInterval(() => {
      renewLease(this.sql, row.id, this.id, this.opts.leaseMs).catch((err) => this.logger?.warn({ err, jobId: row.id }, 'job lease renewal failed'));
    }, Math.max(100, Math.floor(this.opts.leaseMs / 3)));
    lease.unref();
    try {
      await handler({ id: row.id, orgId: row.org_id, kind: row.kind, key: row.key, payload: row.payload ?? {}, attempts: row.attempts, maxAttempts: row.max_attempts });
      clearInterval(lease);
      await completeJob(this.sql, row.id, this.id);
    } catch (err) {
      clearInterval(lease);
      const retryMs = Math.min(this.opts.maxRetryMs, this.opts.retryBaseMs * 2 ** Math.max(0, row.attempts - 1));
      try {
        const outcome = await failJob(this.sql, row, this.id, err instanceof Error ? `${err.name}: ${err.message}` : String(err), retryMs);
        // A failure that will be retried is routine (a mail server busy, a receiver down): info; a dead job is a warning.
        const fields = { jobId: row.id, kind: row.kind, attempts: row.attempts, outcome, error: err instanceof Error ? err.message : String(err) };
        if (outcome === 'dead') this.logger?.warn({ ...fields, err }, 'job dead');
        else this.logger?.info(fields, 'job failed, will retry');
        if (outcome === 'retry') this.schedule(retryMs);
      } catch (inner) {
        this.logger?.error({ err: inner, jobId: row.id }, 'job failure could not be recorded');
      }
    }
  }

  /** Stops claiming and waits for the jobs under way (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    wakers.delete(this.wake);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.polling) await this.polling.catch(() => undefined);
    await Promise.allSettled([...this.running]);
  }
}
