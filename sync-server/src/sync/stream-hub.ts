import { STREAM_RESYNC, conditionalRoles, entityByName, FACTS, type EntityDef, type FactDef } from '@coulisses/shared';
import type { Logger } from 'pino';
import type { Sql } from '../db/connect';
import { orgChangeNumbers, readChangeBatch, type ChangeBatch } from './change-batch';
import type { ChangeFeed } from './feed';
import { orgState } from './store';
import { factsNeeded, viewOf, viewerFacts } from './stream-view';
import { Subscription, type StreamEvent } from './stream-subscription';
import type { ViewerContext } from './viewer';

export interface HubOptions {
  /** How often the hub checks, with one query for every organisation it serves, that no change went unheard. */
  pollMs: number;
  /** More changes than this in a collection since a stream's cursor: RESYNC instead (the client pulls). */
  maxBatch: number;
  /** A stream whose client reads slower than this many pending events gets RESYNC instead of more events. */
  maxPending: number;
}

export const HUB_DEFAULTS: HubOptions = { pollMs: 10_000, maxBatch: 500, maxPending: 64 };

/** What the hub did, for benchmarks and metrics. */
export interface HubStats {
  /** Passes over an organisation's dirty collections that read something (wake-ups). */
  rounds: number;
  /** Change-batch statements (one per organisation and collection per pass). */
  reads: number;
  /** Polls of the organisations' change numbers (one statement for all of them). */
  polls: number;
  /** Events handed to streams. */
  events: number;
}

/** The open streams of one organisation on this instance, and what the hub read for them. */
class OrgChannel {
  readonly subs = new Set<Subscription>();
  /** Collections changed since they were last read. */
  dirty = new Set<string>();
  /** Per collection: the change number up to which it was read. */
  readonly highs = new Map<string, number>();
  /** Per collection: the change number the last poll saw beyond what was read. */
  readonly polled = new Map<string, number>();
  running = false;
  unsubscribe: () => void = () => undefined;
  constructor(readonly orgId: string) {}
}

/**
 * Reads each organisation's changes once for all its open streams (stream.ts) and hands each stream what its
 * viewer must receive. When an organisation's change number advances (the feed says which collections changed:
 * in process after a commit, or through NOTIFY from another instance), the hub reads, per changed collection, the
 * rows after the lowest cursor of the streams reading it, unscoped, with their scope exits and the facts of the
 * viewers that need them, in one statement (change-batch.ts); then it decides in memory for every viewer the same
 * documents a pull from that viewer's cursor would return (stream-view.ts), once per viewer identity and cursor.
 * An idle stream costs no query: the hub polls once per pollMs, one statement for every organisation it serves,
 * in case a notification was lost (a change still unread at the next poll is read then).
 */
export class StreamHub {
  private readonly orgs = new Map<string, OrgChannel>();
  private pollTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  readonly stats: HubStats = { rounds: 0, reads: 0, polls: 0, events: 0 };

  constructor(
    private readonly sql: Sql,
    private readonly feed: ChangeFeed,
    private readonly logger: Logger,
    readonly opts: HubOptions = HUB_DEFAULTS,
  ) {
    feed.onClose(() => this.close());
  }

  /**
   * Opens a stream's subscription: its cursor is the organisation's change number now (the stream then sends
   * RESYNC, so the client pulls what came before). `wake` is called when events are waiting.
   */
  async subscribe(ctx: ViewerContext, collections: readonly string[], wake: () => void): Promise<Subscription> {
    const { lastSeq } = await orgState(this.sql, ctx.orgId);
    const sub = new Subscription(ctx, collections, lastSeq, wake, (closed) => this.unsubscribe(closed), this.opts.maxPending);
    if (this.closed) {
      sub.closed = true;
      return sub;
    }
    let org = this.orgs.get(ctx.orgId);
    if (!org) {
      const created = new OrgChannel(ctx.orgId);
      created.unsubscribe = this.feed.subscribe(ctx.orgId, (changed) => this.changed(created, changed));
      this.orgs.set(ctx.orgId, created);
      org = created;
    }
    org.subs.add(sub);
    for (const c of collections) {
      const high = org.highs.get(c);
      // Read past this cursor already (or never read): make sure nothing between is skipped.
      if (high === undefined) org.highs.set(c, lastSeq);
      else if (high > lastSeq) org.dirty.add(c);
    }
    if (org.dirty.size > 0) this.schedule(org);
    this.startPolling();
    return sub;
  }

  unsubscribe(sub: Subscription): void {
    const org = this.orgs.get(sub.ctx.orgId);
    if (!org) return;
    org.subs.delete(sub);
    if (org.subs.size === 0 && !org.running) this.drop(org);
  }

  private drop(org: OrgChannel): void {
    org.unsubscribe();
    this.orgs.delete(org.orgId);
    if (this.orgs.size === 0) this.stopPolling();
  }

  private changed(org: OrgChannel, collections: ReadonlySet<string>): void {
    for (const c of collections) org.dirty.add(c);
    this.schedule(org);
  }

  private schedule(org: OrgChannel): void {
    if (org.running || this.closed) return;
    org.running = true;
    // Writes committed in the same turn of the event loop are read together.
    setImmediate(() => {
      void this.run(org).finally(() => {
        org.running = false;
        if (org.subs.size === 0) this.drop(org);
        else if (org.dirty.size > 0 && this.wanted(org)) this.schedule(org);
        if (this.idle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    });
  }

  private idle(): boolean {
    for (const org of this.orgs.values()) if (org.running || (org.dirty.size > 0 && this.wanted(org))) return false;
    return true;
  }

  /**
   * Resolves once no organisation has a pass running or due: every change committed before the call has been
   * handed to the streams (tests and benches wait on it after their writes).
   */
  settled(): Promise<void> {
    if (this.closed || this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Does any open stream read one of the dirty collections? */
  private wanted(org: OrgChannel): boolean {
    for (const sub of org.subs) for (const c of sub.collections) if (org.dirty.has(c)) return true;
    return false;
  }

  private async run(org: OrgChannel): Promise<void> {
    while (!this.closed && org.dirty.size > 0 && org.subs.size > 0) {
      const dirty = org.dirty;
      org.dirty = new Set();
      let counted = false;
      for (const name of dirty) {
        const subs = [...org.subs].filter((s) => !s.closed && s.cursors.has(name));
        const entity = entityByName(name);
        if (subs.length === 0 || !entity) continue;
        if (!counted) this.stats.rounds += 1;
        counted = true;
        try {
          await this.readAndSend(org, entity as EntityDef, subs);
        } catch (err) {
          // Tried again a second later (the cursors did not move, nothing is skipped).
          this.logger.warn({ err, orgId: org.orgId, collection: name }, 'stream read failed');
          for (const c of dirty) org.dirty.add(c);
          await new Promise((r) => setTimeout(r, 1000));
          return;
        }
      }
    }
  }

  private async readAndSend(org: OrgChannel, entity: EntityDef, subs: Subscription[]): Promise<void> {
    let low = Number.MAX_SAFE_INTEGER;
    for (const s of subs) low = Math.min(low, s.cursors.get(entity.name)!);
    const conditional = new Set(conditionalRoles(entity));
    const factUsers = new Map<string, Set<string>>();
    for (const s of subs) {
      for (const f of factsNeeded(entity, s.ctx.viewer)) {
        const users = factUsers.get(f) ?? new Set<string>();
        users.add(s.ctx.viewer.userId!);
        factUsers.set(f, users);
      }
    }
    const facts = [...factUsers].map(([name, users]) => ({ fact: FACTS.find((f) => f.name === name) as FactDef, userIds: [...users] })).filter((f) => f.fact);
    const batch: ChangeBatch = await readChangeBatch(this.sql, org.orgId, entity, low, this.opts.maxBatch + 1, {
      exits: subs.some((s) => conditional.has(s.ctx.viewer.role)),
      facts,
    });
    this.stats.reads += 1;
    if (batch.full) {
      // More than maxBatch changes at once: every stream of the collection resyncs (its client pulls).
      org.highs.set(entity.name, Math.max(org.highs.get(entity.name) ?? 0, batch.lastSeq));
      const resync = { collection: entity.name, data: STREAM_RESYNC };
      for (const s of subs) {
        s.cursors.set(entity.name, Math.max(s.cursors.get(entity.name)!, batch.lastSeq));
        this.deliver(s, resync);
      }
      this.joinedDuring(org, entity.name, subs, batch.lastSeq);
      return;
    }
    const high = Math.max(low, batch.lastSeq, batch.rows.at(-1)?.seq ?? 0);
    org.highs.set(entity.name, Math.max(org.highs.get(entity.name) ?? 0, high));
    const made = new Map<string, StreamEvent | null>();
    const factNames = [...factUsers.keys()];
    for (const s of subs) {
      const cursor = s.cursors.get(entity.name)!;
      if (cursor >= high) continue;
      s.cursors.set(entity.name, high);
      const key = `${s.key}|${cursor}`;
      let event = made.get(key);
      if (event === undefined) {
        const rows = cursor > low ? batch.rows.filter((r) => r.seq > cursor) : batch.rows;
        const documents = viewOf(entity, s.ctx.viewer, viewerFacts(factNames, s.ctx.viewer, batch.facts), rows);
        event = documents.length ? { collection: entity.name, data: JSON.stringify({ documents, checkpoint: { seq: high, scope: s.ctx.signature } }) } : null;
        made.set(key, event);
      }
      if (event !== null) this.deliver(s, event);
    }
    this.joinedDuring(org, entity.name, subs, high);
  }

  /** A stream that subscribed during a read, with a cursor below what was read: read again for it. */
  private joinedDuring(org: OrgChannel, name: string, read: Subscription[], high: number): void {
    for (const s of org.subs) if (!s.closed && (s.cursors.get(name) ?? high) < high && !read.includes(s)) org.dirty.add(name);
  }

  private deliver(sub: Subscription, event: StreamEvent): void {
    this.stats.events += 1;
    sub.send(event);
  }

  private startPolling(): void {
    if (this.pollTimer || this.closed) return;
    this.pollTimer = setInterval(() => void this.poll(), this.opts.pollMs);
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** One statement for every organisation served: a collection read up to less than the change number is dirty. */
  private async poll(): Promise<void> {
    if (this.orgs.size === 0 || this.closed) return;
    try {
      this.stats.polls += 1;
      const states = await orgChangeNumbers(this.sql, [...this.orgs.keys()]);
      for (const [orgId, lastSeq] of states) {
        const org = this.orgs.get(orgId);
        // A pass running or due reads everything committed so far: nothing to suspect yet.
        if (!org || org.running || (org.dirty.size > 0 && this.wanted(org))) continue;
        org.dirty.clear();
        for (const [c, high] of org.highs) {
          if (![...org.subs].some((sub) => sub.cursors.has(c))) {
            // No open stream reads it any more: forget it (a new stream starts from the change number then).
            org.highs.delete(c);
            org.polled.delete(c);
            continue;
          }
          // A change the previous poll already saw and no notification brought since: read it now. (A change
          // seen for the first time is usually a commit whose notification is on its way: no second read.)
          const seen = org.polled.get(c);
          if (seen !== undefined && high < seen) org.dirty.add(c);
          if (lastSeq > high) org.polled.set(c, lastSeq);
          else org.polled.delete(c);
        }
        if (org.dirty.size > 0 && this.wanted(org)) this.schedule(org);
      }
    } catch (err) {
      this.logger.warn({ err }, 'stream poll failed');
    }
  }

  close(): void {
    this.closed = true;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.stopPolling();
    for (const org of this.orgs.values()) org.unsubscribe();
    this.orgs.clear();
  }
}
