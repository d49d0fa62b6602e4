import type { Role } from '@coulisses/shared';
import { BehaviorSubject, switchMap, type Observable } from 'rxjs';
import { openSyncDatabase, type LocalContext, type SyncDatabase } from './database';
import { SyncEngine, type SyncStatus } from './engine';
import { hasLocalDocs } from './local-docs';
import type { SyncTarget } from './lifecycle';
import { recordLastPull, lastPullKey } from './last-pull';
import { Outbox, type KeyValueStore } from './outbox';
import { statusKey } from './status-view';
import { HttpTransport } from './transport';
import type { RxStorage } from 'rxdb';

/** How long a role change waits for the old engine to push what it has before the new one takes over. */
const DRAIN_MS = 8000;

export interface RuntimeEnv {
  storage: RxStorage<unknown, unknown>;
  kv: KeyValueStore;
  locale: () => string;
  /**
   * Asked once this tab holds the leadership, before replicating: does the server session still point at this
   * organisation and account? false stops here (the caller brings the session up to date).
   */
  confirmSession: (target: SyncTarget) => Promise<boolean>;
}

/** What was removed from the device when the account lost its membership of the store's organisation. */
export interface RemovedStore {
  dbName: string;
  orgId: string;
  orgName: string | null;
  /** Writes that never reached the server (pending and refused): they are gone with the store. */
  unsent: number;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One open local store: the RxDB database of an organisation and account, its outbox and its engine. Every
 * tab opens it and reads from it; only the tab RxDB elects leader starts the engine.
 */
export class SyncRuntime {
  readonly leader$ = new BehaviorSubject<boolean>(false);
  readonly engine$: BehaviorSubject<SyncEngine>;
  /** The current engine's status (it follows the engine across role changes). */
  readonly status$: Observable<SyncStatus>;
  /** A collection whose local copy the engine dropped and re-created: its queries must subscribe again. */
  readonly collectionReset$: Observable<string>;
  /** The server refused a read (403): the app asks /me whether the account is still a member. */
  readonly accessDenied$: Observable<string>;
  private started = false;
  private closed = false;

  private constructor(
    readonly target: SyncTarget,
    readonly db: SyncDatabase,
    readonly outbox: Outbox,
    private readonly local: LocalContext,
    private readonly transport: HttpTransport,
    private readonly env: RuntimeEnv,
  ) {
    this.engine$ = new BehaviorSubject(this.newEngine(target.role));
    this.status$ = this.engine$.pipe(switchMap((engine) => engine.status$));
    this.collectionReset$ = this.engine$.pipe(switchMap((engine) => engine.collectionReset$));
    this.accessDenied$ = this.engine$.pipe(switchMap((engine) => engine.accessDenied$));
  }

  static async open(target: SyncTarget, env: RuntimeEnv): Promise<SyncRuntime> {
    const outbox = new Outbox(env.kv, target.dbName);
    // The outbox saves in bursts: save what is left before the page goes away.
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => outbox.flush());
    const local: LocalContext = { role: target.role, refused: new Set() };
    const db = await openSyncDatabase({ name: target.dbName, storage: env.storage, local, outbox, multiInstance: true });
    const transport = new HttpTransport({
      baseUrl: '',
      locale: env.locale,
      // The server answers 409 ORG_MISMATCH when the session's organisation is another one (a switch in another tab).
      headers: () => ({ 'x-org-id': target.orgId }),
    });
    const runtime = new SyncRuntime(target, db, outbox, local, transport, env);
    runtime.runWhenLeader().catch((error: unknown) => {
      if (!runtime.closed) console.error('sync start failed', error);
    });
    return runtime;
  }

  get engine(): SyncEngine {
    return this.engine$.value;
  }

  get role(): Role {
    return this.local.role ?? this.target.role;
  }

  private newEngine(role: Role): SyncEngine {
    return new SyncEngine({
      db: this.db,
      transport: this.transport,
      outbox: this.outbox,
      local: this.local,
      role,
      waitForLeadership: true,
      onPulled: (at) => recordLastPull(this.env.kv, this.target.dbName, at),
    });
  }

  /** Waits for RxDB's leader election; the leader checks the session, then starts replicating. */
  private async runWhenLeader(): Promise<void> {
    await this.db.waitForLeadership();
    if (this.closed) return;
    this.leader$.next(true);
    if (!(await this.env.confirmSession(this.target)) || this.closed) return;
    const firstSync = !(await hasLocalDocs(this.db));
    if (this.closed) return;
    this.started = true;
    void this.engine.start(firstSync);
  }

  /** The session is back (same account): push what was queued, pull what was missed. */
  async resume(): Promise<void> {
    if (this.started && this.engine.status$.value.phase === 'signed-out') await this.engine.resume();
  }

  online(): void {
    if (this.started) this.engine.online();
  }

  /**
   * The role changed in this organisation: let the engine push what it holds (the server decides every row
   * with the new role, refusals land in the outbox), then restart it with the new role's collections.
   */
  async changeRole(role: Role): Promise<void> {
    this.local.role = role;
    const old = this.engine;
    if (this.started) await Promise.race([old.awaitInSync().catch(() => undefined), delay(DRAIN_MS)]);
    await old.stop();
    if (this.closed) return;
    const next = this.newEngine(role);
    this.engine$.next(next);
    if (this.started) {
      // Documents the new role may no longer read must leave the device: start every collection over.
      await next.resetAll();
      void next.start(false);
    }
  }

  /**
   * The account is no longer a member of this organisation: stop, delete the local database (every collection
   * and the replication state) and its outbox ledger. Answers what was lost, so the user is told: writes that
   * never reached the server cannot be sent any more (the server would refuse them), they are counted.
   */
  async removeFromDevice(): Promise<RemovedStore> {
    const unsent = this.outbox.unsentCount();
    this.closed = true;
    await this.engine.stop().catch(() => undefined);
    this.leader$.next(false);
    try {
      await this.db.remove();
    } catch (error) {
      // Another tab removed it first, or the storage is gone: nothing of it stays readable either way.
      console.error('removing the local store failed', error);
    }
    this.outbox.forget();
    this.env.kv.remove?.(statusKey(this.target.dbName));
    this.env.kv.remove?.(lastPullKey(this.target.dbName));
    return { dbName: this.target.dbName, orgId: this.target.orgId, orgName: this.target.orgName ?? null, unsent };
  }

  /** Stops replicating and closes the database; the data and the queued writes stay on the device. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.engine.stop().catch(() => undefined);
    this.leader$.next(false);
    await this.db.close();
  }
}
