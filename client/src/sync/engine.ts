import { ENTITIES, syncWindow, type Checkpoint, type EntityDef, type Role, type StreamEndCode, type StreamEvent, type SyncDoc } from '@coulisses/shared';
import { BehaviorSubject, Subject } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { Backoff } from './backoff';
import { resetCollection, type LocalContext, type SyncDatabase } from './database';
import type { Outbox } from './outbox';
import { deviceDay, loadSnapshot } from './snapshot';
import { SNAPSHOT_UPSTREAM_CHECKPOINT, replicationIdentifier } from './snapshot-store';
import { SyncHttpError, type HttpTransport } from './transport';

/** 'update-required': the server refuses this version of the app (426); replication stays stopped. */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'signed-out' | 'error' | 'stopped' | 'update-required';

export interface SyncStatus {
  phase: SyncPhase;
  /** Local writes the server has not acknowledged yet. */
  pending: number;
  /** Writes the server refused (they stay local, flagged). */
  refused: number;
  /** Documents whose values written here the server discarded while merging (the author is told). */
  discarded: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /**
   * First sync of this device: documents received so far and the total the server announced; `window` once the
   * window (what the first screen shows) is in the local store, the rest following in the background.
   */
  firstSync: { received: number; total: number; window?: boolean } | null;
  streamConnected: boolean;
}

export interface EngineOptions {
  db: SyncDatabase;
  transport: HttpTransport;
  outbox: Outbox;
  local: LocalContext;
  role: Role;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Start the live stream (off in some tests). */
  stream?: boolean;
  /** Only the elected leader tab replicates (RxDB leader election); off in Node tests with one instance. */
  waitForLeadership?: boolean;
  retryTime?: number;
  /** Backoff after a network or server failure: first wait and longest wait, in ms. */
  backoffMs?: [number, number];
  /** Called after every successful pull with its time (the runtime keeps it: "data as of"). */
  onPulled?: (at: string) => void;
  /** First sync (and reset collections) through the snapshot endpoint; off: pulls from zero (on by default). */
  snapshot?: boolean;
  /** Documents per snapshot page. */
  snapshotPage?: number;
}

/**
 * Live replication of every registry collection with the sync server: RxDB's replicateRxCollection with our
 * pull and push handlers, one multiplexed SSE stream feeding every collection's stream$, backoff on network
 * failures, a pause when the session is gone (queued writes stay and go after the next sign-in), and a
 * status for the UI.
 */
export class SyncEngine {
  readonly status$: BehaviorSubject<SyncStatus>;
  readonly states = new Map<string, RxReplicationState<SyncDoc, Checkpoint>>();
  /** Emits a collection name after its local copy was dropped and re-created (queries must re-subscribe). */
  readonly collectionReset$ = new Subject<string>();
  /**
   * Emits when the server refused this viewer a read (403 FORBIDDEN or NO_ACTIVE_ORG): the app asks /me whether
   * the account is still a member of the organisation (it may have been removed from it).
   */
  readonly accessDenied$ = new Subject<string>();
  private readonly streams = new Map<string, Subject<RxReplicationPullStreamItem<SyncDoc, Checkpoint>>>();
  private readonly backoff: Backoff;
  private streamAbort: AbortController | undefined;
  private stopped = false;
  private authPaused = false;
  private updateRequired = false;
  private firstSyncTotal = 0;
  private firstSyncReceived = 0;
  private readonly restarting = new Set<string>();
  /** Collection restarts in flight: stop() waits for them, so a new engine never resets alongside the old one. */
  private readonly restarts = new Set<Promise<void>>();
  private unsubscribeOutbox: () => void;
  /** The first sync's snapshots: awaitInSync waits for them (collections replicate once their snapshot is in). */
  private snapshots: Promise<void> = Promise.resolve();
  /** Resolves once the window of every collection is in the local store (at once when there is no first sync). */
  readonly windowReady: Promise<void>;
  private markWindowReady: () => void = () => undefined;

  constructor(private readonly opts: EngineOptions) {
    this.backoff = new Backoff(...(opts.backoffMs ?? [1000, 60_000]));
    this.status$ = new BehaviorSubject<SyncStatus>({
      phase: 'idle',
      pending: opts.outbox.pendingCount(),
      refused: opts.outbox.rejected().length,
      discarded: opts.outbox.discarded().length,
      lastSyncAt: null,
      lastError: null,
      firstSync: null,
      streamConnected: false,
    });
    this.windowReady = new Promise((resolve) => (this.markWindowReady = resolve));
    this.unsubscribeOutbox = opts.outbox.subscribe(() =>
      this.patch({ pending: opts.outbox.pendingCount(), refused: opts.outbox.rejected().length, discarded: opts.outbox.discarded().length }),
    );
  }

  private patch(p: Partial<SyncStatus>): void {
    this.status$.next({ ...this.status$.value, ...p });
  }

  /** The collections this role may read at all (others stay empty locally). */
  private entities(): EntityDef[] {
    return (ENTITIES as readonly EntityDef[]).filter(
      (e) => this.opts.db.collections[e.name] && e.read[this.opts.role] && e.read[this.opts.role]!.kind !== 'none',
    );
  }

  async start(isFirstSync: boolean): Promise<void> {
    if (this.opts.waitForLeadership ?? true) await this.opts.db.waitForLeadership();
    if (this.stopped) return;
    const entities = this.entities();
    this.refuseUnpushable();
    if (isFirstSync) {
      // Progress is a nicety: the totals arrive while the replication already runs.
      this.patch({ firstSync: { received: 0, total: 0 }, phase: 'syncing' });
      // Asked once the window is in: the count must not slow the first screen down.
      void this.windowReady.then(() => (this.halted() ? ({} as Record<string, number>) : this.opts.transport.counts())).then(
        (counts) => {
          this.firstSyncTotal = entities.reduce((n, e) => n + (counts[e.name] ?? 0), 0);
          const progress = this.status$.value.firstSync;
          if (progress) this.patch({ firstSync: { ...progress, total: Math.max(this.firstSyncTotal, progress.received) } });
        },
        () => undefined,
      );
    }
    if (this.opts.stream !== false) void this.streamLoop(entities.map((e) => e.name));
    if (isFirstSync && this.opts.snapshot !== false) {
      this.snapshots = this.firstSyncBySnapshot(entities);
      await this.snapshots;
    } else {
      for (const entity of entities) this.states.set(entity.name, this.replicate(entity));
      this.markWindowReady();
    }
    await Promise.all([...this.states.values()].map((s) => s.awaitInitialReplication().catch(() => undefined)));
    this.patch({ firstSync: null, phase: this.updateRequired ? 'update-required' : this.authPaused ? 'signed-out' : 'idle', lastSyncAt: new Date().toISOString() });
  }

  /**
   * Writes queued for a collection this role may not write at all (the role changed while they waited) can
   * never be pushed: they are flagged as refused, so they are not pending for ever.
   */
  private refuseUnpushable(): void {
    const now = new Date().toISOString();
    const refused = [];
    for (const entity of ENTITIES as readonly EntityDef[]) {
      if (this.canPush(entity)) continue;
      for (const id of this.opts.outbox.pendingIds(entity.name)) {
        refused.push({ collection: entity.name, id, code: 'FORBIDDEN', message: 'FORBIDDEN', doc: { id } as SyncDoc, at: now });
      }
    }
    this.opts.outbox.reject(refused);
  }

  /**
   * First sync at storage speed, window first: the window of every collection (the planner's current weeks, the
   * crew's own documents, reference data whole) is loaded from the snapshot endpoint and written in bulk, then the
   * rest of each collection in the background; each collection's live replication starts from its snapshot's
   * checkpoint once its snapshot is in (changes made meanwhile are pulled from there). A collection whose snapshot
   * fails (offline, scope changed) falls back to the plain pull from zero, which ends at the same state.
   */
  private async firstSyncBySnapshot(entities: EntityDef[]): Promise<void> {
    const day = deviceDay();
    const windowOf = async (entity: EntityDef) => {
      const whole = syncWindow(entity.name, this.opts.role, day).kind === 'all';
      // Session gone or app too old: nothing more is asked of the server (the replications wait, paused).
      const checkpoint = this.halted() || this.stopped ? null : await this.snapshotOf(entity, whole ? 'all' : 'window', null, day);
      if (!checkpoint) this.startReplication(entity, undefined);
      else if (whole) this.startReplication(entity, checkpoint);
      return { entity, checkpoint: whole ? null : checkpoint };
    };
    // The first collection's window alone: a server that refuses this app (426) or this session (401) says so once,
    // before the other collections ask. Then the windows of the others at once (separate IndexedDB databases)...
    const [first, ...others] = entities;
    const windows = first ? [await windowOf(first), ...(await Promise.all(others.map(windowOf)))] : [];
    if (this.stopped) return;
    this.markWindowReady();
    const progress = this.status$.value.firstSync;
    if (progress) this.patch({ firstSync: { ...progress, window: true } });
    // ...then the rest of each collection, in the background of the first screen.
    await Promise.all(
      windows.map(async ({ entity, checkpoint }) => {
        if (!checkpoint) return;
        const done = this.halted() || this.stopped ? null : await this.snapshotOf(entity, 'rest', checkpoint, day);
        this.startReplication(entity, done ?? undefined);
      }),
    );
  }

  /** One part of a collection's snapshot into the local store; null when it failed (the caller pulls from zero). */
  private async snapshotOf(entity: EntityDef, part: 'window' | 'rest' | 'all', checkpoint: Checkpoint | null, day: string): Promise<Checkpoint | null> {
    try {
      return await loadSnapshot({
        transport: this.opts.transport,
        collection: this.opts.db.collections[entity.name]!,
        part,
        checkpoint,
        day,
        skip: new Set(this.opts.outbox.pendingIds(entity.name)),
        limit: this.opts.snapshotPage,
        cancelled: () => this.stopped,
        onPage: (n) => {
          this.opts.onPulled?.(new Date().toISOString());
          this.countReceived(n);
        },
      });
    } catch (err) {
      if (err instanceof SyncHttpError && err.isUpdateRequired) void this.haltForUpdate();
      else if (err instanceof SyncHttpError && err.isAuth) void this.pauseForAuth();
      return null;
    }
  }

  private halted(): boolean {
    return this.authPaused || this.updateRequired;
  }

  /** A collection's live replication; created paused (no request) while the session is gone or the app too old. */
  private startReplication(entity: EntityDef, from: Checkpoint | undefined): void {
    if (this.stopped) return;
    this.states.set(entity.name, this.replicate(entity, from, !this.halted()));
  }

  private countReceived(n: number): void {
    const progress = this.status$.value.firstSync;
    if (!progress) return;
    this.firstSyncReceived += n;
    this.patch({ firstSync: { ...progress, received: this.firstSyncReceived, total: Math.max(this.firstSyncTotal, this.firstSyncReceived) } });
  }

  private canPush(entity: EntityDef): boolean {
    return Object.values(entity.write[this.opts.role] ?? {}).some((v) => v === true);
  }

  /**
   * Drops every local collection and replicates it again from zero, keeping unpushed writes: after a role
   * change, documents the new role may no longer read must not stay on the device.
   */
  async resetAll(): Promise<void> {
    for (const entity of ENTITIES as readonly EntityDef[]) {
      if (!this.opts.db.collections[entity.name]) continue;
      await resetCollection(this.opts.db, entity, this.opts.outbox, this.opts.local);
      this.collectionReset$.next(entity.name);
    }
  }

  /**
   * The live replication of a collection; `from` is the checkpoint of a snapshot just written (the pull starts
   * there, the push after the snapshot's documents), undefined for the plain pull from zero or a stored checkpoint.
   */
  private replicate(entity: EntityDef, from?: Checkpoint, autoStart = true): RxReplicationState<SyncDoc, Checkpoint> {
    const { transport, outbox, local } = this.opts;
    const collection = this.opts.db.collections[entity.name]!;
    const stream$ = new Subject<RxReplicationPullStreamItem<SyncDoc, Checkpoint>>();
    this.streams.set(entity.name, stream$);
    const canPush = this.canPush(entity);
    const state = replicateRxCollection<SyncDoc, Checkpoint>({
      replicationIdentifier: replicationIdentifier(entity.name),
      collection,
      live: true,
      retryTime: this.opts.retryTime ?? 1000,
      waitForLeadership: this.opts.waitForLeadership ?? true,
      autoStart,
      // A replication paused for an expired session must stay paused when the tab becomes visible again.
      toggleOnDocumentVisible: false,
      pull: {
        batchSize: this.opts.pullBatchSize ?? 500,
        initialCheckpoint: from,
        stream$: stream$.asObservable(),
        handler: async (checkpoint, batchSize) => {
          let res;
          try {
            res = await this.guard(() => transport.pull(entity.name, checkpoint, batchSize));
          } catch (err) {
            // Offline longer than the server keeps deletions, or the viewer's read scope changed (role, linked
            // person): drop this collection's copy and start its pull over from zero.
            if (err instanceof SyncHttpError && (err.code === 'CHECKPOINT_EXPIRED' || err.code === 'SCOPE_CHANGED')) {
              this.restartFromScratch(entity).catch((e: unknown) => {
                if (!this.stopped) this.patch({ lastError: e instanceof Error ? e.message : String(e) });
              });
            }
            throw err;
          }
          this.opts.onPulled?.(new Date().toISOString());
          this.countReceived(res.documents.length);
          return res as { documents: WithDeleted<SyncDoc>[]; checkpoint: Checkpoint };
        },
      },
      push: canPush
        ? {
            batchSize: this.opts.pushBatchSize ?? 100,
            initialCheckpoint: from ? SNAPSHOT_UPSTREAM_CHECKPOINT : undefined,
            handler: async (rows) => {
              const sent = rows.map((r) => ({ assumedMasterState: r.assumedMasterState as SyncDoc | undefined, newDocumentState: r.newDocumentState as SyncDoc }));
              let outcome;
              try {
                outcome = await this.guard(() => transport.push(entity.name, sent));
              } catch (err) {
                // A refused batch (a 4xx other than auth or rate limit) must not block the queue for ever:
                // every row stays local, flagged with the reason.
                if (err instanceof SyncHttpError && err.status >= 400 && err.status < 500 && !err.isAuth && !err.isUpdateRequired && err.status !== 429 && err.status !== 408) {
                  outbox.reject(sent.map((r) => ({ collection: entity.name, id: r.newDocumentState.id, code: err.code, message: err.message, doc: r.newDocumentState, at: new Date().toISOString() })));
                  return [];
                }
                throw err;
              }
              const now = new Date().toISOString();
              const refused = new Set(outcome.rejected.map((r) => r.id));
              outbox.reject([
                ...outcome.rejected.map((r) => ({ collection: entity.name, id: r.id, code: r.code, message: r.message, field: r.field, doc: sent.find((s) => s.newDocumentState.id === r.id)!.newDocumentState, at: now })),
                ...outcome.diverted.map((d) => ({ collection: entity.name, id: d.id, code: d.code, message: d.message, eventId: d.eventId, doc: sent.find((s) => s.newDocumentState.id === d.id)!.newDocumentState, at: now })),
              ]);
              for (const id of refused) local.refused.add(id);
              // Values of ours the conflict rule discarded while applying the rest: the author is told.
              outbox.recordDiscarded(
                outcome.merged
                  .filter((m) => !refused.has(m.id))
                  .map((m) => ({ collection: entity.name, id: m.id, conflictId: m.conflictId, rule: m.rule, fields: m.fields, at: now })),
              );
              outbox.ack(
                entity.name,
                sent.filter((s) => !refused.has(s.newDocumentState.id)).map((s) => ({ id: s.newDocumentState.id, updatedAt: String(s.newDocumentState.updatedAt ?? ''), deleted: Boolean(s.newDocumentState._deleted) })),
              );
              this.patch({ lastSyncAt: now });
              // Refused rows stay local as they are: they are not handed back to RxDB as conflicts.
              return outcome.conflicts.filter((c) => !refused.has(c.id)) as WithDeleted<SyncDoc>[];
            },
          }
        : undefined,
    });
    // Errors are recorded by guard() with their real message (RxDB hands error$ plain objects).
    state.active$.subscribe((active) => {
      const phase = this.status$.value.phase;
      if (active && phase === 'idle' && !this.authPaused) this.patch({ phase: 'syncing' });
      // During the first sync, one collection in sync is not the device in sync: start() says idle at its end.
      else if (!active && phase === 'syncing' && !this.status$.value.firstSync) this.patch({ phase: 'idle', lastSyncAt: new Date().toISOString(), lastError: null });
    });
    return state;
  }

  /**
   * Runs one request. Offline or server trouble: wait (exponential backoff) then fail so RxDB retries.
   * Session gone: pause everything until resume() after the next sign-in; nothing queued is dropped.
   */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const out = await fn();
      this.backoff.reset();
      if (this.status$.value.phase === 'offline' || this.status$.value.phase === 'error') this.patch({ phase: 'syncing', lastError: null });
      return out;
    } catch (err) {
      if (err instanceof SyncHttpError && err.isUpdateRequired) {
        void this.haltForUpdate();
        throw err;
      }
      if (err instanceof SyncHttpError && (err.code === 'NO_ACTIVE_ORG' || err.code === 'FORBIDDEN')) this.accessDenied$.next(err.code);
      if (err instanceof SyncHttpError && err.isAuth) {
        void this.pauseForAuth();
        throw err;
      }
      const network = !(err instanceof SyncHttpError);
      this.patch({ phase: network ? 'offline' : 'error', lastError: err instanceof Error ? err.message : String(err) });
      if (network || err.status >= 500 || err.status === 429) await this.backoff.wait();
      throw err;
    }
  }

  private async pauseForAuth(): Promise<void> {
    if (this.authPaused || this.updateRequired) return;
    this.authPaused = true;
    this.patch({ phase: 'signed-out' });
    this.streamAbort?.abort();
    await Promise.all([...this.states.values()].map((s) => s.pause()));
  }

  /**
   * The server refuses this version of the app (426 APP_UPDATE_REQUIRED): stop every replication and the
   * stream for good (no retry loop); queued writes stay local and go with the updated app.
   */
  private async haltForUpdate(): Promise<void> {
    if (this.updateRequired) return;
    this.updateRequired = true;
    this.patch({ phase: 'update-required', streamConnected: false });
    this.streamAbort?.abort();
    await Promise.all([...this.states.values()].map((s) => s.pause()));
  }

  /**
   * The server no longer has the deletions this collection's checkpoint needs: drop the local copy (keeping
   * unpushed writes, which are pushed again) and replicate the collection from the start.
   */
  private restartFromScratch(entity: EntityDef): Promise<void> {
    const run = this.restartNow(entity);
    this.restarts.add(run);
    void run.finally(() => this.restarts.delete(run)).catch(() => undefined);
    return run;
  }

  private async restartNow(entity: EntityDef): Promise<void> {
    const old = this.states.get(entity.name);
    if (!old || this.restarting.has(entity.name)) return;
    this.restarting.add(entity.name);
    try {
      await old.cancel();
      if (this.stopped) return;
      await resetCollection(this.opts.db, entity, this.opts.outbox, this.opts.local);
      if (this.stopped) return;
      // The fresh copy is filled from a snapshot (its unpushed writes kept and skipped), then replicates from it.
      const from = this.opts.snapshot !== false ? await this.snapshotOf(entity, 'all', null, deviceDay()) : null;
      if (this.stopped) return;
      this.states.set(entity.name, this.replicate(entity, from ?? undefined));
      this.collectionReset$.next(entity.name);
    } finally {
      this.restarting.delete(entity.name);
    }
  }

  /** After a new sign-in: push what was queued, pull what was missed. */
  async resume(): Promise<void> {
    if (!this.authPaused || this.stopped || this.updateRequired) return;
    this.authPaused = false;
    this.backoff.wake();
    this.patch({ phase: 'syncing' });
    await Promise.all([...this.states.values()].map((s) => s.start()));
    for (const s of this.states.values()) s.reSync();
    if (this.opts.stream !== false) void this.streamLoop([...this.states.keys()]);
  }

  /** The network came back: stop waiting and sync now. */
  online(): void {
    if (this.updateRequired) return;
    this.backoff.wake();
    for (const s of this.states.values()) s.reSync();
  }

  private async streamLoop(names: string[]): Promise<void> {
    const backoff = new Backoff(this.opts.backoffMs?.[0] ?? 1000, 30_000);
    while (!this.stopped && !this.authPaused && !this.updateRequired) {
      const abort = new AbortController();
      this.streamAbort = abort;
      try {
        await this.opts.transport.stream(names, (ev) => this.onStreamEvent(ev, backoff), abort.signal);
      } catch (err) {
        if (err instanceof SyncHttpError && err.isUpdateRequired) {
          void this.haltForUpdate();
          break;
        }
        if (err instanceof SyncHttpError && (err.code === 'NO_ACTIVE_ORG' || err.code === 'FORBIDDEN')) this.accessDenied$.next(err.code);
        if (err instanceof SyncHttpError && err.isAuth) {
          void this.pauseForAuth();
          break;
        }
      }
      this.patch({ streamConnected: false });
      if (this.stopped || this.authPaused || this.updateRequired) break;
      await backoff.wait();
    }
  }

  private onStreamEvent(ev: StreamEvent, backoff: Backoff): void {
    if ('end' in ev) {
      this.onStreamEnd(ev.end);
      return;
    }
    if (!this.status$.value.streamConnected) this.patch({ streamConnected: true });
    backoff.reset();
    if (ev.collection === '*') {
      for (const s of this.streams.values()) s.next('RESYNC');
      return;
    }
    this.streams.get(ev.collection)?.next(ev.data as RxReplicationPullStreamItem<SyncDoc, Checkpoint>);
  }

  /**
   * The server ends the stream on its own initiative (the END event), saying why: the session is gone or has
   * no organisation any more (pause like a 401; the app checks /me, which may show the account was removed from
   * the organisation), the viewer's read scope changed (reconnect and pull every collection: a collection whose
   * scope changed answers 410 SCOPE_CHANGED and starts over), the session moved to another organisation, or
   * the server shuts down (the loop reconnects).
   */
  private onStreamEnd(code: StreamEndCode): void {
    this.patch({ streamConnected: false });
    switch (code) {
      case 'UNAUTHENTICATED':
      case 'NO_ACTIVE_ORG':
      case 'ORG_MISMATCH':
        if (code === 'NO_ACTIVE_ORG') this.accessDenied$.next(code);
        void this.pauseForAuth();
        return;
      case 'SCOPE_CHANGED':
        this.streamAbort?.abort();
        for (const s of this.states.values()) s.reSync();
        return;
      default:
        this.streamAbort?.abort();
    }
  }

  /** Resolves when every collection has pushed and pulled what it had. */
  async awaitInSync(): Promise<void> {
    // A collection restarted from scratch (410 SCOPE_CHANGED or CHECKPOINT_EXPIRED) replaces its replication:
    // the old one, cancelled, never comes in sync, so wait on the current ones until none was replaced meanwhile.
    await this.snapshots;
    while (!this.stopped) {
      const current = [...this.states.entries()];
      let watch: { unsubscribe(): void } | undefined;
      const replaced = new Promise<'replaced'>((resolve) => (watch = this.collectionReset$.subscribe(() => resolve('replaced'))));
      const synced = Promise.all(current.map(([, s]) => s.awaitInSync())).then(() => 'synced' as const);
      const outcome = await Promise.race([synced, replaced]).finally(() => watch?.unsubscribe());
      if (outcome === 'synced' && this.restarts.size === 0 && current.every(([name, s]) => this.states.get(name) === s)) return;
      await Promise.all([...this.restarts].map((r) => r.catch(() => undefined)));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.streamAbort?.abort();
    this.unsubscribeOutbox();
    await this.snapshots.catch(() => undefined);
    await Promise.all([...this.restarts].map((r) => r.catch(() => undefined)));
    await Promise.all([...this.states.values()].map((s) => s.cancel()));
    this.patch({ phase: 'stopped', streamConnected: false });
  }
}
