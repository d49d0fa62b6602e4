import { entityByName, uuidv7, type Discard, type SyncDoc } from '@coulisses/shared';
import { writeRow, type Tx } from './store';

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

const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends an entry to the conflict log (the `conflicts` entity, synced to managers and to the accounts
 * involved): every resolution that discarded a value, every refused or diverted write.
 */
export async function logConflict(tx: Tx, orgId: string, now: string, rec: ConflictRecord): Promise<string> {
  const id = uuidv7();
  const doc: SyncDoc = {
    id,
    updatedAt: now,
    createdAt: now,
    entity: rec.entity,
    entityId: rec.entityId,
    rule: rec.rule,
    outcome: rec.outcome,
    code: rec.code,
    fields: rec.fields.map((f) => ({ field: f.field, kept: json(f.kept), discarded: json(f.discarded) })),
    local: json(rec.local),
    remote: json(rec.remote),
    actorAccountIds: [...new Set(rec.actorAccountIds)].slice(0, 10),
    _deleted: false,
  };
  await writeRow(tx, entityByName('conflicts')!, orgId, doc, null);
  return id;
}
