import { BehaviorSubject, Subject } from 'rxjs';
import { decideAction, type RuntimeSummary, type SessionInput } from './lifecycle';
import { SyncRuntime, type RemovedStore, type RuntimeEnv } from './runtime';

/** Automatic resumes closer than this are skipped (a session that keeps failing must not loop). */
const RESUME_GAP_MS = 5000;

/**
 * Owns the open local store across the session's changes: opens, parks, resumes, switches and closes it, one
 * step at a time (every change waits for the previous one, so two databases are never half open together).
 */
export class SyncController {
  readonly runtime$ = new BehaviorSubject<SyncRuntime | null>(null);
  /** A store removed from the device because the account left (or was removed from) its organisation. */
  readonly removed$ = new Subject<RemovedStore>();
  private queue: Promise<void> = Promise.resolve();
  private latest: SessionInput = { target: null, closeWithoutTarget: false, fresh: false };
  /** Set by suspend(): inputs for this database are held back until another target comes or release(). */
  private hold: { dbName: string | null } | undefined;
  private lastResume = 0;

  constructor(private readonly env: () => Promise<RuntimeEnv>) {}

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step).catch((error: unknown) => console.error('sync lifecycle step failed', error));
    this.queue = run;
    return run;
  }

  private summary(): RuntimeSummary | null {
    const runtime = this.runtime$.value;
    if (!runtime) return null;
    return {
      dbName: runtime.target.dbName,
      orgId: runtime.target.orgId,
      accountId: runtime.target.accountId,
      role: runtime.role,
      paused: runtime.engine.status$.value.phase === 'signed-out',
    };
  }

  /** Brings the store in line with the session (see decideAction). */
  apply(input: SessionInput): Promise<void> {
    this.latest = input;
    if (this.hold && (input.target?.dbName ?? null) === this.hold.dbName) return Promise.resolve();
    this.hold = undefined;
    return this.enqueue(async () => {
      if (input !== this.latest || this.hold) return;
      await this.step(input);
    });
  }

  private async step(input: SessionInput): Promise<void> {
    const action = decideAction(this.summary(), input);
    const runtime = this.runtime$.value;
    switch (action) {
      case 'none':
        return;
      case 'close':
        await this.closeRuntime();
        return;
      case 'remove':
        await this.removeRuntime();
        // The session may point at another organisation of the account already.
        if (input.target) await this.open(input);
        return;
      case 'reopen':
        await this.closeRuntime();
        await this.open(input);
        return;
      case 'open':
        await this.open(input);
        return;
      case 'change-role':
        if (runtime && input.target) await runtime.changeRole(input.target.role);
        return;
      case 'resume': {
        if (!runtime) return;
        const wait = this.lastResume + RESUME_GAP_MS - Date.now();
        if (wait > 0) {
          // Too soon after the last resume: try once more later with whatever the session says then.
          setTimeout(() => void this.apply(this.latest), wait);
          return;
        }
        this.lastResume = Date.now();
        await runtime.resume();
        return;
      }
    }
  }

  private async open(input: SessionInput): Promise<void> {
    if (!input.target) return;
    this.runtime$.next(await SyncRuntime.open(input.target, await this.env()));
  }

  private async closeRuntime(): Promise<void> {
    const runtime = this.runtime$.value;
    if (!runtime) return;
    this.runtime$.next(null);
    await runtime.close();
  }

  private async removeRuntime(): Promise<void> {
    const runtime = this.runtime$.value;
    if (!runtime) return;
    this.runtime$.next(null);
    this.removed$.next(await runtime.removeFromDevice());
  }

  /**
   * Closes the store and keeps it closed until the session points elsewhere (another organisation arrives
   * through apply) or the returned release is called (the switch failed: reopen what the session says).
   * Around an organisation switch, the old organisation's engine stops before the server session moves.
   */
  async suspend(): Promise<() => void> {
    const hold = { dbName: this.runtime$.value?.target.dbName ?? this.latest.target?.dbName ?? null };
    this.hold = hold;
    await this.enqueue(() => this.closeRuntime());
    return () => {
      if (this.hold !== hold) return;
      this.hold = undefined;
      void this.apply(this.latest);
    };
  }

  /** Closes the store (the provider unmounts); a later apply() opens it again. */
  closeAll(): Promise<void> {
    return this.apply({ target: null, closeWithoutTarget: true, fresh: false });
  }
}
