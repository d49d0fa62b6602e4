import { ENTITIES, FACTS, PERSON_LINK, entityByName, factExits, factTargets, sameValue, scopeExits, type EntityDef, type SyncDoc, type Viewer } from '@coulisses/shared';
import { auditMany, type AuditEntry } from '../audit/audit-log';
import type { HookContext, HookRegistry } from './hooks';
import { WriteBatch, selectByKey, selectLiveWhere, selectRows, toSyncDoc, type StoredRow, type Tx } from './store';

const REGISTRY = ENTITIES as unknown as readonly EntityDef[];
/** Writes caused by writes (a punch recomputes a timesheet, which is audited...) nest at most this deep. */
const MAX_DEPTH = 4;

export interface WriteOptions {
  /** The stored state before this write (undefined for a new document). */
  before: SyncDoc | undefined;
  /** The account recorded as the writer (updated_by), null for the server itself. */
  accountId: string | null;
  /** Who writes, given to the domain hooks. */
  viewer: Viewer | null;
  deviceTime?: string | null;
}

/**
 * One transaction of the sync core on one organisation (its change-sequence lock is held): every write goes
 * through write(), which numbers the document, audits the registry's audited fields, touches the documents whose
 * visibility it decides, records scope exits (who can no longer read it) and runs the domains' afterWrite hooks.
 * Reads flush the pending writes first.
 */
export class SyncTx {
  readonly batch: WriteBatch;
  /** Accounts whose person link changed (their read scope changed: their open streams check again). */
  readonly accountsRescoped = new Set<string>();
  private readonly states = new Map<unknown, unknown>();
  /** Work a domain asked to do once, at the end of the transaction (registered by key: once per key). */
  private readonly endings = new Map<string, () => Promise<void>>();
  private depth = 0;
  /** Audit entries of the audited fields written so far, inserted together at the next flush. */
  private audits: AuditEntry[] = [];
  /** Fact exits that land on documents naming the fact's value in another field (a KPI's values): resolved at flush. */
  private pendingFactExits: { entity: EntityDef; field: string; value: string; atom: string }[] = [];

  constructor(
    readonly sql: Tx,
    readonly orgId: string,
    readonly now: string,
    readonly hooks: HookRegistry,
  ) {
    this.batch = new WriteBatch(sql, orgId);
  }

  /** Collections written or touched so far (the streams to wake). */
  get collections(): ReadonlySet<string> {
    return this.batch.collections;
  }

  /**
   * Runs `fn` once at the end of this transaction, before its commit (a domain that gathers its hooks' effects
   * over a batch queues one job for them all). A second call with the same key keeps the first.
   */
  beforeCommit(key: string, fn: () => Promise<void>): void {
    if (!this.endings.has(key)) this.endings.set(key, fn);
  }

  /** The work registered with beforeCommit, then the pending writes (called by the core before it commits). */
  async finish(): Promise<void> {
    while (this.endings.size > 0) {
      const [key, fn] = this.endings.entries().next().value as [string, () => Promise<void>];
      this.endings.delete(key);
      await fn();
    }
    await this.flush();
  }

  async flush(): Promise<void> {
    while (this.pendingFactExits.length > 0) {
      const pending = this.pendingFactExits;
      this.pendingFactExits = [];
      await this.batch.flush();
      for (const p of pending) {
        for (const d of await selectLiveWhere(this.sql, p.entity, this.orgId, p.field, [p.value])) this.batch.exit(p.entity, d.id, [p.atom], null);
      }
    }
    await this.batch.flush();
    if (this.audits.length > 0) {
      const audits = this.audits;
      this.audits = [];
      await auditMany(this.sql, audits);
    }
  }

  /** Stored rows by id (flushing pending writes first). */
  async rows(entity: EntityDef | string, ids: readonly string[]): Promise<Map<string, StoredRow>> {
    await this.flush();
    return selectRows(this.sql, entityOf(entity), this.orgId, ids);
  }

  /** The live documents among these ids. */
  async live(entity: EntityDef | string, ids: readonly string[]): Promise<Map<string, SyncDoc>> {
    const out = new Map<string, SyncDoc>();
    for (const [id, row] of await this.rows(entity, ids)) if (!row.deleted) out.set(id, toSyncDoc(row));
    return out;
  }

  /** The live documents of an entity whose field is one of `values` (flushing pending writes first). */
  async liveWhere(entity: EntityDef | string, field: string, values: readonly string[]): Promise<SyncDoc[]> {
    await this.flush();
    return selectLiveWhere(this.sql, entityOf(entity), this.orgId, field, values);
  }

  async byKey(entity: EntityDef, key: readonly string[], doc: SyncDoc): Promise<StoredRow | undefined> {
    await this.flush();
    return selectByKey(this.sql, entity, this.orgId, key, doc);
  }

  /** State a domain keeps for the length of this transaction (caches, what it already recomputed). */
  state<T>(key: unknown, init: () => T): T {
    if (!this.states.has(key)) this.states.set(key, init());
    return this.states.get(key) as T;
  }

  hookContext(opts: Pick<WriteOptions, 'before' | 'viewer' | 'deviceTime'>): HookContext {
    return { tx: this, orgId: this.orgId, viewer: opts.viewer, before: opts.before, deviceTime: opts.deviceTime ?? null };
  }

  /** Stores a document with every consequence of the write (see the class comment). */
  async write(entityRef: EntityDef | string, doc: SyncDoc, opts: WriteOptions): Promise<void> {
    const entity = entityOf(entityRef);
    const before = opts.before && !opts.before._deleted ? opts.before : undefined;
    if (this.depth >= MAX_DEPTH) throw new Error(`writes nested deeper than ${MAX_DEPTH} (${entity.name})`);
    this.batch.add(entity, doc, opts.accountId);
    this.batch.written += 1;
    await this.auditChanges(entity, before, doc, opts.accountId);
    for (const t of entity.touches ?? []) {
      const target = entityByName(t.entity);
      if (!target) continue;
      for (const id of new Set([doc[t.field], before?.[t.field]])) if (typeof id === 'string') this.batch.touch(target, id);
    }
    this.batch.exit(entity, doc.id, scopeExits(entity, before, doc), before ?? null);
    if (entity.name === PERSON_LINK.entity) {
      const was = before?.[PERSON_LINK.accountField];
      const is = doc._deleted ? undefined : doc[PERSON_LINK.accountField];
      if (was !== is) for (const a of [was, is]) if (typeof a === 'string') this.accountsRescoped.add(a);
    }
    for (const exit of factExits(FACTS, entity.name, before, doc)) {
      for (const target of factTargets(REGISTRY, exit.fact.name)) {
        if (target.field === 'id') this.batch.exit(target.entity, exit.value, [`u:${exit.userId}`], null);
        else this.pendingFactExits.push({ entity: target.entity, field: target.field, value: exit.value, atom: `u:${exit.userId}` });
      }
    }
    this.depth += 1;
    try {
      await this.hooks.afterWrite(entity, doc, this.hookContext({ ...opts, before }));
    } finally {
      this.depth -= 1;
    }
  }

  /** Every change of an entity's audited fields goes to the audit log, with the old and new values. */
  private async auditChanges(entity: EntityDef, live: SyncDoc | undefined, after: SyncDoc, accountId: string | null): Promise<void> {
    if (!entity.audited?.length) return;
    const action = !live ? 'created' : after._deleted ? 'deleted' : 'changed';
    const changed = entity.audited.filter((f) => !sameValue(live?.[f], after[f]));
    if (action === 'changed' && changed.length === 0) return;
    const pick = (d: SyncDoc | undefined) => Object.fromEntries(entity.audited!.map((f) => [f, d?.[f] ?? null]));
    // Kept for the next flush: one insert for a batch of writes (an import of 50,000 values) instead of one each.
    this.audits.push({
      orgId: this.orgId,
      actorAccountId: accountId,
      action: `${entity.name}.${action}`,
      entity: entity.name,
      entityId: after.id,
      data: { from: live ? pick(live) : null, to: after._deleted ? null : pick(after) },
    });
  }
}

function entityOf(ref: EntityDef | string): EntityDef {
  if (typeof ref !== 'string') return ref;
  const e = entityByName(ref);
  if (!e) throw new Error(`unknown entity ${ref}`);
  return e;
}
