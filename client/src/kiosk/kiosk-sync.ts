import type { SyncDoc } from '@coulisses/shared';
import type { WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject } from 'rxjs';
import { Backoff } from '../sync/backoff';
import { openSyncDatabase, type LocalContext, type SyncCollection, type SyncDatabase } from '../sync/database';
import { localKeyValueStore } from '../sync/kv-store';
import { Outbox } from '../sync/outbox';
import { appStorage } from '../sync/storage';
import { kioskHeaders } from './kiosk-api';

export const PUSH_PATH = '/api/v1/kiosk/sync/field_events/push?details=1';

export interface KioskSyncStatus {
  /** Local punches and incidents the server has not acknowledged yet. */
  pending: number;
  revoked: boolean;
  lastError: string | null;
}

interface PushOutcome {
  conflicts: SyncDoc[];
  rejected: { id: string; code: string; message: string; field?: string }[];
}

/**
 * The kiosk's own local store: an RxDB database with the field_events collection only, its outbox ledger
 * (pending count), and a push-only replication to the kiosk push endpoint, retried with backoff while offline.
 */
export class KioskSync {
  readonly status$: BehaviorSubject<KioskSyncStatus>;
  private replication: RxReplicationState<SyncDoc, unknown> | undefined;
  private readonly backoff = new Backoff(1000, 30_000);
  private readonly onOnline = () => this.wake();

  private constructor(
    readonly db: SyncDatabase,
    readonly outbox: Outbox,
    private readonly token: string,
  ) {
    this.status$ = new BehaviorSubject<KioskSyncStatus>({ pending: outbox.pendingCount('field_events'), revoked: false, lastError: null });
    outbox.subscribe(() => this.patch({ pending: outbox.pendingCount('field_events') }));
  }

  static async open(kioskId: string, token: string): Promise<KioskSync> {
    const name = `coulisses-kiosk-${kioskId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
    const outbox = new Outbox(localKeyValueStore(), name);
    window.addEventListener('pagehide', () => outbox.flush());
    const local: LocalContext = { role: null, refused: new Set() };
    const db = await openSyncDatabase({ name, storage: await appStorage(), local, outbox, only: ['field_events'] });
    const sync = new KioskSync(db, outbox, token);
    sync.start();
    return sync;
  }

  get collection(): SyncCollection {
    return this.db.collections.field_events!;
  }

  private patch(p: Partial<KioskSyncStatus>): void {
    this.status$.next({ ...this.status$.value, ...p });
  }

  private start(): void {
    const outbox = this.outbox;
    this.replication = replicateRxCollection<SyncDoc, unknown>({
      replicationIdentifier: 'cc-kiosk-field_events-push',
      collection: this.collection,
      live: true,
      retryTime: 2000,
      waitForLeadership: true,
      autoStart: true,
      push: {
        batchSize: 50,
        handler: async (rows) => {
          const sent = rows.map((r) => ({ assumedMasterState: r.assumedMasterState as SyncDoc | undefined, newDocumentState: r.newDocumentState as SyncDoc }));
          const outcome = await this.send(sent);
          const now = new Date().toISOString();
          const refused = new Set(outcome.rejected.map((r) => r.id));
          outbox.reject(outcome.rejected.map((r) => ({ collection: 'field_events', id: r.id, code: r.code, message: r.message, field: r.field, doc: sent.find((s) => s.newDocumentState.id === r.id)!.newDocumentState, at: now })));
          outbox.ack('field_events', sent.filter((s) => !refused.has(s.newDocumentState.id)).map((s) => ({ id: s.newDocumentState.id, updatedAt: String(s.newDocumentState.updatedAt ?? '') })));
          return outcome.conflicts.filter((c) => !refused.has(c.id)) as WithDeleted<SyncDoc>[];
        },
      },
    });
    window.addEventListener('online', this.onOnline);
  }

  /** One push request; offline or server trouble waits (backoff) then fails so RxDB retries. */
  private async send(rows: { assumedMasterState?: SyncDoc; newDocumentState: SyncDoc }[]): Promise<PushOutcome> {
    let res: Response;
    try {
      res = await fetch(PUSH_PATH, {
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        headers: { ...kioskHeaders(this.token), 'Content-Type': 'application/json', 'X-Device-Time': new Date().toISOString() },
        body: JSON.stringify(rows),
      });
    } catch (err) {
      this.patch({ lastError: 'NETWORK' });
      await this.backoff.wait();
      throw err;
    }
    if (res.ok) {
      this.backoff.reset();
      this.patch({ lastError: null });
      return (await res.json()) as PushOutcome;
    }
    let code = `HTTP_${res.status}`;
    try {
      code = ((await res.json()) as { error?: { code?: string } }).error?.code ?? code;
    } catch {
      // not JSON
    }
    this.patch({ lastError: code, revoked: code === 'KIOSK_REVOKED' || this.status$.value.revoked });
    await this.backoff.wait();
    throw new Error(code);
  }

  /** The network is back: stop waiting and push now. */
  wake(): void {
    this.backoff.wake();
    this.replication?.reSync();
  }

  async close(): Promise<void> {
    window.removeEventListener('online', this.onOnline);
    await this.replication?.cancel();
    this.outbox.flush();
    await this.db.close();
  }
}

