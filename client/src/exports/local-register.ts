import Dexie, { type Table } from 'dexie';
import type { ExportFormat } from '@coulisses/shared/analytics/export-seal';

/** What the server is asked to sign (POST /api/v1/analytics/exports), kept to ask again when back online. */
export interface SignRequest {
  id: string;
  format: ExportFormat;
  viewId: string;
  fileName: string;
  sha256: string;
  filters: Record<string, string | null>;
  projectId: string | null;
  exportedAt: string;
  createdOffline: boolean;
}

/** One export of this device: the file (signed once the server answered), and the request to sign it. */
export interface LocalExport {
  id: string;
  orgId: string;
  accountId: string;
  format: ExportFormat;
  fileName: string;
  title: string;
  createdAt: string;
  status: 'unsigned' | 'signed';
  bytes: Uint8Array;
  request: SignRequest;
  signedAt: string | null;
}

/** How many exports a device keeps per account (the oldest signed ones go first). */
export const KEEP_EXPORTS = 50;

class ExportsDb extends Dexie {
  exports!: Table<LocalExport, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ exports: 'id, [accountId+createdAt], status' });
  }
}

const dbs = new Map<string, ExportsDb>();

/**
 * The device's register of its exports (issue 13): a tiny IndexedDB database of its own per account (not an
 * RxDB collection: these files are the device's, never synced). An export made offline waits here, unsigned,
 * until the server signs it; the signed file can be downloaded again.
 */
export function exportsDb(accountId: string): ExportsDb {
  let db = dbs.get(accountId);
  if (!db) {
    db = new ExportsDb(`cc-exports-${accountId}`);
    dbs.set(accountId, db);
  }
  return db;
}

export async function saveExport(rec: LocalExport): Promise<void> {
  const db = exportsDb(rec.accountId);
  await db.exports.put(rec);
  const all = await db.exports.where('[accountId+createdAt]').between([rec.accountId, Dexie.minKey], [rec.accountId, Dexie.maxKey]).reverse().toArray();
  const extra = all.slice(KEEP_EXPORTS).filter((e) => e.status === 'signed');
  if (extra.length) await db.exports.bulkDelete(extra.map((e) => e.id));
}

export async function listExports(accountId: string): Promise<LocalExport[]> {
  return exportsDb(accountId).exports.where('[accountId+createdAt]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).reverse().toArray();
}

export async function pendingExports(accountId: string, orgId: string): Promise<LocalExport[]> {
  return (await exportsDb(accountId).exports.where('status').equals('unsigned').toArray()).filter((e) => e.orgId === orgId);
}
