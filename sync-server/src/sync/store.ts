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
  await flushBatch(tx);
  const rows = await tx<StoredRow[]>`
    select id, seq, deleted, doc from ${table(tx, entity)}
    where org_id = ${orgId} and id = any(${ids as string[]}::text[])`;
  return new Map(rows.map((r) => [r.id, { ...r, seq: Number(r.seq) }]));
}

/** The live document with the same unique key, if any (unique-by-key rule). */
export async function findByKey(tx: Tx, entity: EntityDef, orgId: string, key: readonly string[], doc: SyncDoc): Promise<StoredRow | undefined> {
  await flushBatch(tx);
  let cond = tx`true`;
  for (const field of key) cond = tx`${cond} and doc->>${field} = ${String(doc[field])}`;
  const rows = await tx<StoredRow[]>`
    select id, seq, deleted, doc from ${table(tx, entity)}
    where org_id = ${orgId} and not deleted and id <> ${doc.id} and ${cond} limit 1`;
  return rows[0] ? { ...rows[0], seq: Number(rows[0].seq) } : undefined;
}

/**
 * Writes of one pushed batch, kept until the next read of the transaction (or its end) and then written with
 * one change-number allocation and one multi-row statement per table: a batch of 500 documents costs a few
 * statements instead of a thousand. Reads in the same transaction flush first, so they see every write.
 */
class WriteBatch {
  private rows: { entity: EntityDef; doc: SyncDoc; accountId: string | null }[] = [];
  private touches: { entity: EntityDef; id: string }[] = [];
  constructor(private readonly tx: Tx, readonly orgId: string) {}

  add(entity: EntityDef, doc: SyncDoc, accountId: string | null): void {
    this.rows.push({ entity, doc, accountId });
  }

  touch(entity: EntityDef, id: string): void {
    this.touches.push({ entity, id });
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0 && this.touches.length === 0) return;
    const last = new Map<string, { entity: EntityDef; doc: SyncDoc; accountId: string | null }>();
    for (const r of this.rows) {
      const key = `${r.entity.name}|${r.doc.id}`;
      last.delete(key);
      last.set(key, r);
    }
    const touched = new Map<string, { entity: EntityDef; id: string }>();
    for (const t of this.touches) if (!last.has(`${t.entity.name}|${t.id}`)) touched.set(`${t.entity.name}|${t.id}`, t);
    this.rows = [];
    this.touches = [];
    const n = last.size + touched.size;
    const [row] = await this.tx<{ last_seq: string }[]>`
      update org_sync_state set last_seq = last_seq + ${n} where org_id = ${this.orgId} returning last_seq`;
    let seq = Number(row?.last_seq) - n + 1;
    const byTable = new Map<string, { entity: EntityDef; ids: string[]; seqs: number[]; deleted: boolean[]; docs: string[]; by: (string | null)[] }>();
    for (const { entity, doc, accountId } of last.values()) {
      const g = byTable.get(entity.name) ?? { entity, ids: [], seqs: [], deleted: [], docs: [], by: [] };
      const { _deleted, ...fields } = doc;
      g.ids.push(doc.id);
      g.seqs.push(seq++);
      g.deleted.push(Boolean(_deleted));
      g.docs.push(JSON.stringify(fields));
      g.by.push(accountId);
      byTable.set(entity.name, g);
    }
    for (const g of byTable.values()) {
      await this.tx`
        insert into ${table(this.tx, g.entity)} (org_id, id, seq, deleted, doc, server_updated_at, updated_by)
        select ${this.orgId}, u.id, u.seq::bigint, u.deleted::boolean, u.doc::jsonb, now(), u.by
        from unnest(${g.ids}::text[], ${g.seqs.map(String)}::text[], ${g.deleted.map(String)}::text[], ${g.docs}::text[], ${g.by as string[]}::text[]) as u(id, seq, deleted, doc, by)
        on conflict (org_id, id) do update
          set seq = excluded.seq, deleted = excluded.deleted, doc = excluded.doc,
              server_updated_at = excluded.server_updated_at, updated_by = excluded.updated_by`;
    }
    const touchByTable = new Map<string, { entity: EntityDef; ids: string[]; seqs: number[] }>();
    for (const t of touched.values()) {
      const g = touchByTable.get(t.entity.name) ?? { entity: t.entity, ids: [], seqs: [] };
      g.ids.push(t.id);
      g.seqs.push(seq++);
      touchByTable.set(t.entity.name, g);
    }
    for (const g of touchByTable.values()) {
      await this.tx`
        update ${table(this.tx, g.entity)} as t set seq = u.seq::bigint
        from unnest(${g.ids}::text[], ${g.seqs.map(String)}::text[]) as u(id, seq)
        where t.org_id = ${this.orgId} and t.id = u.id`;
    }
  }
}

const batches = new WeakMap<object, WriteBatch>();

/** From now on, writes of this transaction for this organisation are batched (see WriteBatch). */
export function beginBatch(tx: Tx, orgId: string): void {
  batches.set(tx, new WriteBatch(tx, orgId));
}

/** Writes what is batched (before a read that must see it). */
export async function flushBatch(tx: Tx): Promise<void> {
  await batches.get(tx)?.flush();
}

export async function endBatch(tx: Tx): Promise<void> {
  await flushBatch(tx);
  batches.delete(tx);
}

/** Inserts or replaces one document with a new change number (the caller holds the org lock). */
export async function writeRow(tx: Tx, entity: EntityDef, orgId: string, doc: SyncDoc, accountId: string | null): Promise<number> {
  const batch = batches.get(tx);
  if (batch && batch.orgId === orgId) {
    batch.add(entity, doc, accountId);
    return 0;
  }
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
  const batch = batches.get(tx);
  if (batch && batch.orgId === orgId) return batch.touch(entity, id);
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
