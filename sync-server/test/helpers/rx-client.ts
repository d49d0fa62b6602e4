import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { EntityDef, Role } from '@coulisses/shared';
import { databaseName, openSyncDatabase, type SyncDatabase } from '../../../client/src/sync/database';
import { SyncEngine } from '../../../client/src/sync/engine';
import { Outbox, memoryStore } from '../../../client/src/sync/outbox';
import { HttpTransport } from '../../../client/src/sync/transport';
import type { UpgradeObserver } from '../../../client/src/sync/upgrade';
import { TestClient } from './client';

let devMode = false;

export interface RxTestClient {
  db: SyncDatabase;
  engine: SyncEngine;
  outbox: Outbox;
  http: TestClient;
  role: Role;
  /** Cuts or restores this client's network (every request fails like a dropped connection). */
  setOffline(offline: boolean): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real RxDB client (Dexie storage on fake-indexeddb, dev-mode schema validation) replicating with the real
 * server through the app's own sync engine, signed in as `email`. Each client has its own IndexedDB.
 */
export async function rxClient(baseUrl: string, email: string, opts: { password?: string; stream?: boolean; collections?: string[]; signInUrl?: string; indexedDB?: InstanceType<typeof IDBFactory>; name?: string; entities?: readonly EntityDef[]; outbox?: Outbox; onUpgrade?: UpgradeObserver } = {}): Promise<RxTestClient> {
  if (!devMode) {
    addRxPlugin(RxDBDevModePlugin);
    devMode = true;
  }
  // Sign in (directly when the sync goes through a proxy that cuts connections), then sync through baseUrl.
  const http = new TestClient(opts.signInUrl ?? baseUrl);
  const signIn = await http.signIn(email, opts.password);
  if (signIn.status !== 200) throw new Error(`sign-in ${email}: ${signIn.status}`);
  const me = (await (await http.get('/api/v1/me')).json()) as { account: { id: string }; activeOrg: { id: string }; role: Role };
  let offline = false;
  const fetchWithSwitch: typeof fetch = async (input, init) => {
    if (offline) throw new TypeError('fetch failed (test: offline)');
    return fetch(input, init);
  };
  const name = opts.name ?? `${databaseName(me.activeOrg.id, me.account.id)}_${Math.random().toString(36).slice(2, 8)}`;
  const outbox = opts.outbox ?? new Outbox(memoryStore(), name);
  const local = { role: me.role, refused: new Set<string>() };
  const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB: opts.indexedDB ?? new IDBFactory(), IDBKeyRange }) });
  const db = await openSyncDatabase({ name, storage: storage as never, local, outbox, multiInstance: false, only: opts.collections ?? ['projects', 'missions', 'assignments', 'conflicts'], entities: opts.entities, onUpgrade: opts.onUpgrade });
  const transport = new HttpTransport({ baseUrl, fetch: fetchWithSwitch, headers: () => ({ cookie: http.cookieHeader(), origin: baseUrl }) });
  const engine = new SyncEngine({ db, transport, outbox, local, role: me.role, waitForLeadership: false, stream: opts.stream ?? false, backoffMs: [50, 500], retryTime: 100 });
  return {
    db,
    engine,
    outbox,
    http,
    role: me.role,
    setOffline(v) {
      offline = v;
      if (!v) engine.online();
    },
    start: () => engine.start(true),
    async close() {
      await engine.stop();
      await db.close();
    },
  };
}
