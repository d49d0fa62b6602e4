import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Database } from '../db/connect';

const CHANNEL = 'cc_sync';

/**
 * Tells open streams that an organisation's data changed. In-process listeners are called right after a
 * commit; on PostgreSQL a NOTIFY (sent inside the writing transaction, so delivered at commit) reaches the
 * other server instances too. Streams also poll now and then, so a lost notification only delays.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();
  private unlisten: (() => Promise<void>) | undefined;
  private closed = false;
  /** Tags this instance's notifications: it already told its own streams in-process. */
  private readonly instance = randomUUID().slice(0, 8);

  constructor(private readonly db: Database, private readonly logger: Logger) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    const sub = await this.db.sql.listen(CHANNEL, (payload) => {
      const [instance, orgId, collections = ''] = payload.split('|');
      if (orgId && instance !== this.instance) this.emit(orgId, collections.split(',').filter(Boolean));
    });
    this.unlisten = () => sub.unlisten();
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

  onClose(listener: () => void): () => void {
    this.emitter.on('__close', listener);
    return () => this.emitter.off('__close', listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.emit('__close');
    await this.unlisten?.().catch((err: unknown) => this.logger.warn({ err }, 'unlisten failed'));
  }
}
