import type { Domain, DocOf, ENTITIES, EntityDef, SyncDoc, Viewer } from '@coulisses/shared';
import type { SyncTx } from './sync-tx';

/** What a domain hook is given: the transaction, who writes, and the stored state before the write. */
export interface HookContext {
  tx: SyncTx;
  orgId: string;
  /** Who writes: a member's session, a kiosk, or null for a write decided by the server (a public link, a job). */
  viewer: Viewer | null;
  /** The stored live state before this write (undefined for a new document or over a tombstone). */
  before: SyncDoc | undefined;
  /** The device's clock of the push request (X-Device-Time), when one came with it. */
  deviceTime: string | null;
}

/** A row of a pushed batch as the prefetch hook sees it: the document as parsed, and the stored live state. */
export interface PrefetchRow<D extends SyncDoc = SyncDoc> {
  doc: D;
  before: SyncDoc | undefined;
}

/**
 * A domain's server reactions to one entity, all inside the writing transaction:
 * - prefetch: reads, once per pushed batch, what the other hooks need of other documents;
 * - serverFields: sets the fields only the server decides (EntityDef.serverFields: who, when, computed values);
 * - check: refusals that need other documents (returns an error code, or null);
 * - afterWrite: effects of a stored write (recomputing other documents, locking a PIN...). Documents it writes go
 *   through tx.write, so they are numbered, audited, touched and scope-checked like any other write.
 */
export interface EntityHooks<D extends SyncDoc = SyncDoc> {
  /**
   * Called once per pushed batch, before its rows are decided, with the batch's documents that passed the schema:
   * a domain reads here, in one query per batch, what its other hooks would read row by row (kept in
   * `ctx.tx.state` and kept current by its afterWrite). Only an optimisation: the other hooks must still answer
   * right without it.
   */
  prefetch?(rows: readonly PrefetchRow<D>[], ctx: HookContext): void | Promise<void>;
  serverFields?(doc: D, ctx: HookContext): D | Promise<D>;
  check?(doc: D, ctx: HookContext): string | null | Promise<string | null>;
  afterWrite?(after: D, ctx: HookContext): void | Promise<void>;
}

type Registry = (typeof ENTITIES)[number];
/** The typed document of each registry entity, by name. */
export type EntityDocs = { [E in Registry as E['name']]: DocOf<E> & SyncDoc };

/** One domain's hooks, typed by entity. Registered once, in sync-server/src/domains.ts. */
export interface DomainHooks {
  domain: Domain;
  entities: { [K in keyof EntityDocs]?: EntityHooks<EntityDocs[K]> };
}

/**
 * The domains' hooks by entity, in registration order. The sync core calls these and knows no domain: adding a
 * domain is a registry entry in shared/, a hooks module and a migration.
 */
export class HookRegistry {
  private readonly byEntity = new Map<string, EntityHooks[]>();

  constructor(readonly domains: readonly DomainHooks[]) {
    for (const d of domains) {
      for (const [name, hooks] of Object.entries(d.entities) as [string, EntityHooks | undefined][]) {
        if (!hooks) continue;
        const list = this.byEntity.get(name) ?? [];
        list.push(hooks);
        this.byEntity.set(name, list);
      }
    }
  }

  private of(entity: EntityDef): readonly EntityHooks[] {
    return this.byEntity.get(entity.name) ?? [];
  }

  async prefetch(entity: EntityDef, rows: readonly PrefetchRow[], ctx: HookContext): Promise<void> {
    if (rows.length === 0) return;
    for (const h of this.of(entity)) await h.prefetch?.(rows, ctx);
  }

  async serverFields(entity: EntityDef, doc: SyncDoc, ctx: HookContext): Promise<SyncDoc> {
    let out = doc;
    for (const h of this.of(entity)) if (h.serverFields) out = await h.serverFields({ ...out }, ctx);
    return out;
  }

  async check(entity: EntityDef, doc: SyncDoc, ctx: HookContext): Promise<string | null> {
    for (const h of this.of(entity)) {
      const code = h.check ? await h.check(doc, ctx) : null;
      if (code) return code;
    }
    return null;
  }

  async afterWrite(entity: EntityDef, after: SyncDoc, ctx: HookContext): Promise<void> {
    for (const h of this.of(entity)) await h.afterWrite?.(after, ctx);
  }
}
