import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Database } from '../db/connect';

const CHANNEL = 'cc_sync';
const ACCESS_CHANNEL = 'cc_access';
const ACCESS_EVENT = '__access';
const CLOSE_EVENT = '__close';

/** Whose access may have changed: an account (signed out, sessions revoked) and/or an organisation (members, roles). */
export interface AccessChange {
  accountId?: string | null;
  orgId?: string | null;
}

/**
 * Tells open streams that an organisation's data changed, or that someone's access changed. In-process
 * listeners are called right after a commit; on PostgreSQL a NOTIFY (sent inside the writing transaction, so
 * delivered at commit) reaches the other server instances too. Streams also poll now and then, so a lost
 * notification only delays.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();
  private unlisten: (() => Promise<void>)[] = [];
  private closed = false;
  /** Tags this instance's notifications: it already told its own streams in-process. */
  private readonly instance = randomUUID().slice(0, 8);

  constructor(private readonly db: Database, private readonly logger: Logger) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    const data = await this.db.sql.listen(CHANNEL, (payload) => {
      const [instance, orgId, collections = ''] = payload.split('|');
      if (orgId && instance !== this.instance) this.emit(orgId, collections.split(',').filter(Boolean));
    });
    const access = await this.db.sql.listen(ACCESS_CHANNEL, (payload) => {
      const [instance, accountId = '', orgId = ''] = payload.split('|');
      if (instance !== this.instance) this.emitAccess({ accountId: accountId || null, orgId: orgId || null });
    });
    this.unlisten = [() => data.unlisten(), () => access.unlisten()];
  }

  /** Called inside the writing transaction: other instances hear of it at commit. */
  async notifyInTx(tx: Database['sql'], orgId: string, collections: Iterable<string>): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    await tx`select pg_notify(${CHANNEL}, ${`${this.instance}|${orgId}|${[...collections].join(',')}`})`;
  }

  /** Called after commit in this process. */
  emit(orgId: string, collections: Iterable<string>): void {
    if (this.closed) return;
    this.emitter.emit(orgId, new Set(collections));
  }

  subscribe(orgId: string, listener: (collections: Set<string>) => void): () => void {
    this.emitter.on(orgId, listener);
    return () => this.emitter.off(orgId, listener);
  }

  /**
   * Someone's access changed (sign-out, revoked session, member removed, role changed): every open stream of that
   * account or organisation, on every instance, checks its viewer again.
   */
  async accessChanged(change: AccessChange): Promise<void> {
    if (this.closed) return;
    this.emitAccess(change);
    if (this.db.kind !== 'postgres') return;
    await this.db.sql`select pg_notify(${ACCESS_CHANNEL}, ${`${this.instance}|${change.accountId ?? ''}|${change.orgId ?? ''}`})`.catch((err: unknown) =>
      this.logger.warn({ err }, 'access notification failed'),
    );
  }

  private emitAccess(change: AccessChange): void {
    if (!this.closed) this.emitter.emit(ACCESS_EVENT, change);
  }

  onAccess(listener: (change: AccessChange) => void): () => void {
    this.emitter.on(ACCESS_EVENT, listener);
    return () => this.emitter.off(ACCESS_EVENT, listener);
  }

  onClose(listener: () => void): () => void {
    this.emitter.on(CLOSE_EVENT, listener);
    return () => this.emitter.off(CLOSE_EVENT, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.emit(CLOSE_EVENT);
    await Promise.all(this.unlisten.map((u) => u().catch((err: unknown) => this.logger.warn({ err }, 'unlisten failed'))));
  }
}
