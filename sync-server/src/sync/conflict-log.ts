import { entityByName, sanitizeJson, uuidv7, type Discard, type SyncDoc } from '@coulisses/shared';
import type { SyncTx } from './sync-tx';

export interface ConflictRecord {
  entity: string;
  entityId: string;
  rule: string;
  outcome: 'MERGED' | 'REJECTED' | 'DIVERTED';
  code: string | null;
  fields: Discard[];
  local: SyncDoc | null;
  remote: SyncDoc | null;
  actorAccountIds: string[];
}

/** A storable copy (a refused row may carry text the database cannot store: it is logged with U+FFFD instead). */
const json = (v: unknown) => (v === undefined ? null : (sanitizeJson(v) ?? null));

/**
 * Appends an entry to the conflict log (the `conflicts` entity, synced to managers and to the accounts involved,
 * each reader seeing its states and values only as it may read the entity they belong to): every resolution that
 * discarded a value, every refused or diverted write.
 */
export async function logConflict(tx: SyncTx, rec: ConflictRecord): Promise<string> {
  const id = uuidv7();
  const doc: SyncDoc = {
    id,
    updatedAt: tx.now,
    createdAt: tx.now,
    entity: rec.entity,
    entityId: String(sanitizeJson(rec.entityId)).slice(0, 40),
    rule: rec.rule,
    outcome: rec.outcome,
    code: rec.code,
    fields: rec.fields.slice(0, 200).map((f) => ({ field: String(sanitizeJson(f.field)), kept: json(f.kept), discarded: json(f.discarded) })),
    local: json(rec.local) as SyncDoc | null,
    remote: json(rec.remote) as SyncDoc | null,
    actorAccountIds: [...new Set(rec.actorAccountIds)].slice(0, 10),
    _deleted: false,
  };
  await tx.write(entityByName('conflicts')!, doc, { before: undefined, accountId: null, viewer: null });
  return id;
}
