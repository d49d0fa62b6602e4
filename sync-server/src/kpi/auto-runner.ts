import { onAutoKpisDirty } from './auto-dirty';
import { orgsWithAutomaticKpis } from './auto-repo';
import { refreshNow, type RefreshDeps } from './auto-refresh';

/** When the runner recomputes (milliseconds). */
export interface AutoRunnerTiming {
  /** Quiet time after an organisation's last change before it is recomputed. */
  debounceMs: number;
  /** At most one refresh of an organisation in this interval (for data changes). */
  minIntervalMs: number;
  /** A burst of changes never delays a refresh longer than this after the first one. */
  maxWaitMs: number;
  /** After a change of an automatic KPI itself (no minute cap: its first value shows at once). */
  soonMs: number;
  /** First sweep of every organisation with automatic KPIs after start, then every `sweepMs`. */
  startDelayMs: number;
  sweepMs: number;
}

export const AUTO_RUNNER_TIMING: AutoRunnerTiming = {
  debounceMs: 20_000,
  minIntervalMs: 60_000,
  maxWaitMs: 120_000,
  soonMs: 2_000,
  startDelayMs: 5_000,
  sweepMs: 3_600_000,
};

interface Pending {
  timer: NodeJS.Timeout;
  firstAt: number;
  soon: boolean;
}

/**
 * Keeps automatic KPIs fresh (docs/decisions/kpi-rules.md, "Refresh"): organisations marked dirty by the sync
 * hooks are recomputed after a quiet time (20 s), at most once a minute each and never more than 2 min after the
 * first change of a burst; every organisation with automatic KPIs at start-up and every hour (a new period
 * begins). One refresh per organisation at a time; stop() waits for the running ones.
 */
export class AutoKpiRunner {
  private readonly pending = new Map<string, Pending>();
  private readonly lastRun = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private unlisten: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly deps: RefreshDeps,
    private readonly timing: AutoRunnerTiming = AUTO_RUNNER_TIMING,
  ) {}

  start(): this {
    this.unlisten = onAutoKpisDirty((orgId, soon) => this.mark(orgId, soon));
    const first = setTimeout(() => void this.sweep(), this.timing.startDelayMs);
    const hourly = setInterval(() => void this.sweep(), this.timing.sweepMs);
    first.unref();
    hourly.unref();
    this.timers.push(first, hourly);
    return this;
  }

  /** An organisation's data changed: schedule its refresh. */
  mark(orgId: string, soon = false): void {
    if (this.stopped) return;
    const now = Date.now();
    const known = this.pending.get(orgId);
    const firstAt = known?.firstAt ?? now;
    const urgent = soon || known?.soon === true;
    let delay: number;
    if (urgent) delay = this.timing.soonMs;
    else {
      const capped = Math.min(this.timing.debounceMs, Math.max(0, firstAt + this.timing.maxWaitMs - now));
      const last = this.lastRun.get(orgId);
      delay = Math.max(capped, last === undefined ? 0 : last + this.timing.minIntervalMs - now);
    }
    if (known) clearTimeout(known.timer);
    const timer = setTimeout(() => {
      this.pending.delete(orgId);
      void this.run(orgId);
    }, delay);
    timer.unref();
    this.pending.set(orgId, { timer, firstAt, soon: urgent });
  }

  /** Every organisation with automatic KPIs, one after the other. */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const orgId of await orgsWithAutomaticKpis(this.deps.db.sql)) {
        if (this.stopped) return;
        await this.run(orgId);
      }
    } catch (err) {
      this.deps.logger?.warn({ err }, 'automatic KPI sweep failed');
    }
  }

  /** Refreshes one organisation (a refresh asked while one runs runs once more after it). */
  run(orgId: string): Promise<void> {
    const inFlight = this.running.get(orgId);
    if (inFlight) {
      this.again.add(orgId);
      return inFlight;
    }
    const job = (async () => {
      try {
        do {
          this.again.delete(orgId);
          if (this.stopped) return;
          this.lastRun.set(orgId, Date.now());
          await refreshNow(this.deps, orgId);
        } while (this.again.has(orgId));
      } catch (err) {
        this.deps.logger?.warn({ err, orgId }, 'automatic KPI refresh failed');
      } finally {
        this.running.delete(orgId);
      }
    })();
    this.running.set(orgId, job);
    return job;
  }

  /** Stops scheduling and waits for the refreshes under way (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    for (const t of this.timers) clearTimeout(t);
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await Promise.all([...this.running.values()]);
  }
}

/** Starts the runner of a server (server.ts); its stop() goes in the server's close. */
export function startAutoKpiRunner(deps: RefreshDeps, timing?: AutoRunnerTiming): AutoKpiRunner {
  return new AutoKpiRunner(deps, timing).start();
}
