import type { EntityDef, SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';

/** A transaction handle (postgres.js TransactionSql behaves as Sql for our queries). */
export type Tx = Sql;

export interface StoredRow {
  id: string;
  seq: number;
  deleted: boolean;
  doc: Record<string, unknown>;
}

/** Table names come from the registry (validated names), never from a request. */
function table(sql: Sql, entity: EntityDef) {
  if (!/^[a-z_]+$/.test(entity.name)) throw new Error(`bad entity name ${entity.name}`);
  return sql(entity.name);
}

export function toSyncDoc(row: StoredRow): SyncDoc {
  return { ...(row.doc as SyncDoc), _deleted: row.deleted };
}

/**
 * Takes the organisation's change-sequence lock for the rest of the transaction. Every writer of the
 * organisation's synced data takes it first, so writers commit one after the other in seq order.
 */
export async function lockOrg(tx: Tx, orgId: string): Promise<{ lastSeq: number; purgedSeq: number }> {
  await tx`insert into org_sync_state (org_id) values (${orgId}) on conflict (org_id) do nothing`;
  const [row] = await tx<{ last_seq: string; purged_seq: string }[]>`
    select last_seq, purged_seq from org_sync_state where org_id = ${orgId} for update`;
  return { lastSeq: Number(row?.last_seq ?? 0), purgedSeq: Number(row?.purged_seq ?? 0) };
}

/** Allocates the next change number (the caller holds the org lock). */
export async function nextSeq(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx<{ last_seq: string }[]>`
    update org_sync_state set last_seq = last_seq + 1 where org_id = ${orgId} returning last_seq`;
  return Number(row?.last_seq);
}

export async function getRows(tx: Tx, entity: EntityDef, orgId: string, ids: readonly string[]): Promise<Map<string, StoredRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx<StoredRow[]>`
    select id, seq, deleted, doc from ${table(tx, entity)}
    where org_id = ${orgId} and id = any(${ids as string[]}::text[])`;
  return new Map(rows.map((r) => [r.id, { ...r, seq: Number(r.seq) }]));
}

/** The live document with the same unique key, if any (unique-by-key rule). */
export async function findByKey(tx: Tx, entity: EntityDef, orgId: string, key: readonly string[], doc: SyncDoc): Promise<StoredRow | undefined> {
  let cond = tx`true`;
  for (const field of key) cond = tx`${cond} and doc->>${field} = ${String(doc[field])}`;
  const rows = await tx<StoredRow[]>`
    select id, seq, deleted, doc from ${table(tx, entity)}
    where org_id = ${orgId} and not deleted and id <> ${doc.id} and ${cond} limit 1`;
  return rows[0] ? { ...rows[0], seq: Number(rows[0].seq) } : undefined;
}

/** Inserts or replaces one document with a new change number (the caller holds the org lock). */
export async function writeRow(tx: Tx, entity: EntityDef, orgId: string, doc: SyncDoc, accountId: string | null): Promise<number> {
  const seq = await nextSeq(tx, orgId);
  const { _deleted, ...fields } = doc;
  await tx`
    insert into ${table(tx, entity)} (org_id, id, seq, deleted, doc, server_updated_at, updated_by)
    values (${orgId}, ${doc.id}, ${seq}, ${Boolean(_deleted)}, ${tx.json(fields as never)}, now(), ${accountId})
    on conflict (org_id, id) do update
      set seq = excluded.seq, deleted = excluded.deleted, doc = excluded.doc,
          server_updated_at = excluded.server_updated_at, updated_by = excluded.updated_by`;
  return seq;
}

/** Gives an existing document a new change number without changing it (see EntityDef.touches). */
export async function touchRow(tx: Tx, entity: EntityDef, orgId: string, id: string): Promise<void> {
  const seq = await nextSeq(tx, orgId);
  await tx`update ${table(tx, entity)} set seq = ${seq} where org_id = ${orgId} and id = ${id}`;
}

/** Changes of an organisation after `afterSeq`, in seq order. */
export async function readChanges(sql: Sql, entity: EntityDef, orgId: string, afterSeq: number, limit: number): Promise<StoredRow[]> {
  const rows = await sql<StoredRow[]>`
    select id, seq, deleted, doc from ${table(sql, entity)}
    where org_id = ${orgId} and seq > ${afterSeq}
    order by seq limit ${limit}`;
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function orgState(sql: Sql, orgId: string): Promise<{ lastSeq: number; purgedSeq: number }> {
  const [row] = await sql<{ last_seq: string; purged_seq: string }[]>`select last_seq, purged_seq from org_sync_state where org_id = ${orgId}`;
  return { lastSeq: Number(row?.last_seq ?? 0), purgedSeq: Number(row?.purged_seq ?? 0) };
}
