import { entityByName, type EntityDef, type SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { AppError } from '../http/errors';
import { afterWrite } from './after-write';
import type { ChangeFeed } from './feed';
import { getRows, lockOrg, toSyncDoc, touchRow, writeRow, type Tx } from './store';

/**
 * A write decided by the server itself (an answer through a public invitation link, a job): the same path as
 * a push (org lock, change number, schema check, audit, touches, stream notification), in one transaction.
 * `change` gets the stored document and returns the new one, or null to leave it as it is.
 */
export async function serverUpdate(
  sql: Sql,
  feed: ChangeFeed,
  orgId: string,
  accountId: string | null,
  entityName: string,
  id: string,
  change: (stored: SyncDoc) => SyncDoc | null,
): Promise<SyncDoc> {
  const entity = entityByName(entityName) as EntityDef;
  const collections = new Set<string>();
  const result = await sql.begin(async (t) => {
    const tx = t as unknown as Tx;
    await lockOrg(tx, orgId);
    const row = (await getRows(tx, entity, orgId, [id])).get(id);
    if (!row || row.deleted) throw new AppError('NOT_FOUND');
    const before = toSyncDoc(row);
    const next = change(before);
    if (!next) return before;
    const { _deleted, ...fields } = next;
    entity.schema.parse(fields);
    await writeRow(tx, entity, orgId, next, accountId);
    await afterWrite(entity, { tx, orgId, accountId: accountId ?? '', before, after: next });
    collections.add(entity.name);
    for (const touch of entity.touches ?? []) {
      const target = entityByName(touch.entity);
      if (target && typeof next[touch.field] === 'string') {
        await touchRow(tx, target, orgId, next[touch.field] as string);
        collections.add(target.name);
      }
    }
    if (collections.size > 0) await feed.notifyInTx(tx as never, orgId, collections);
    return { ...next, _deleted: Boolean(_deleted) };
  });
  if (collections.size > 0) feed.emit(orgId, collections);
  return result;
}
