import type { SyncDatabase } from './database';

/** True when any collection already holds a document: the first sync of this device is behind us. */
export async function hasLocalDocs(db: SyncDatabase): Promise<boolean> {
  for (const collection of Object.values(db.collections)) {
    if ((await collection.count().exec()) > 0) return true;
  }
  return false;
}
