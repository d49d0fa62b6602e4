import { entityByName, type EntityDef, type PushRow, type SyncDoc, type Viewer } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { AppError } from '../http/errors';
import type { ChangeFeed } from './feed';
import type { HookRegistry } from './hooks';
import { applyPush, type PushContext, type PushResult } from './push';
import { lockOrg, toSyncDoc, type Tx } from './store';
import { SyncTx } from './sync-tx';

/**
 * The sync core: one engine for every registry entity, with the domains' hooks registered once
 * (sync-server/src/domains.ts). Every write of synced data goes through transaction(): the organisation's
 * change-sequence lock, numbered writes, touches and scope exits, then the streams are told.
 */
export class SyncCore {
  constructor(
    readonly sql: Sql,
    readonly feed: ChangeFeed,
    readonly hooks: HookRegistry,
  ) {}

  /** Runs `fn` in one transaction holding the organisation's lock; wakes the streams of what it wrote, after commit. */
  async transaction<T>(orgId: string, fn: (tx: SyncTx) => Promise<T>): Promise<T> {
    let collections: ReadonlySet<string> = new Set();
    let rescoped: ReadonlySet<string> = new Set();
    const result = await this.sql.begin(async (t) => {
      const raw = t as unknown as Tx;
      await lockOrg(raw, orgId);
      const tx = new SyncTx(raw, orgId, new Date().toISOString(), this.hooks);
      const out = await fn(tx);
      await tx.finish();
      collections = tx.collections;
      rescoped = tx.accountsRescoped;
      if (collections.size > 0) await this.feed.notifyInTx(raw, orgId, collections);
      return out;
    });
    if (collections.size > 0) this.feed.emit(orgId, collections);
    for (const accountId of rescoped) await this.feed.accessChanged({ accountId });
    return result as T;
  }

  /** A pushed batch (RxDB's replication protocol) from a member's session or a kiosk. */
  push(ctx: PushContext, entity: EntityDef, rows: readonly PushRow[]): Promise<PushResult> {
    return this.transaction(ctx.orgId, (tx) => applyPush(tx, ctx, entity, rows));
  }

  /**
   * A write decided by the server itself (an answer through a public invitation link, a job): the same path as a
   * push (lock, change number, schema check, audit, touches, exits, hooks, stream notification). `change` gets the
   * stored live document and returns the new one, or null to leave it as it is.
   */
  async serverUpdate(orgId: string, actor: { accountId: string | null; viewer: Viewer | null }, entityName: string, id: string, change: (stored: SyncDoc) => SyncDoc | null): Promise<SyncDoc> {
    const entity = entityByName(entityName) as EntityDef;
    return this.transaction(orgId, async (tx) => {
      const row = (await tx.rows(entity, [id])).get(id);
      if (!row || row.deleted) throw new AppError('NOT_FOUND');
      const before = toSyncDoc(row);
      const next = change(before);
      if (!next) return before;
      const { _deleted, ...fields } = next;
      entity.schema.parse(fields);
      await tx.write(entity, next, { before, accountId: actor.accountId, viewer: actor.viewer });
      return { ...next, _deleted: _deleted === true };
    });
  }
}
