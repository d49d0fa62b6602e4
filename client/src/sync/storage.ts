import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withRangeReads } from './storage-reads';

let storage: Promise<RxStorage<unknown, unknown>> | undefined;

/**
 * The RxDB storage of the app: Dexie on IndexedDB, reading index ranges in one request (storage-reads.ts). In development only, RxDB's dev-mode checks and the Ajv
 * schema validation wrap it; the dynamic imports sit behind import.meta.env.DEV, so a production build
 * contains neither.
 */
export function appStorage(): Promise<RxStorage<unknown, unknown>> {
  storage ??= create();
  return storage;
}

async function create(): Promise<RxStorage<unknown, unknown>> {
  const dexie = withRangeReads(getRxStorageDexie() as unknown as RxStorage<unknown, unknown>);
  if (!import.meta.env.DEV) return dexie;
  const [{ addRxPlugin }, { RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
    import('rxdb'),
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage: dexie }) as unknown as RxStorage<unknown, unknown>;
}
