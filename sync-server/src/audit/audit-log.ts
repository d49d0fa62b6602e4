import type { Sql } from '../db/connect';

export interface AuditEntry {
  orgId: string | null;
  actorAccountId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Appends one row to the audit log (never updated, never deleted by the app). */
export async function audit(sql: Sql, e: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (org_id, actor_account_id, action, entity, entity_id, data)
    values (${e.orgId}, ${e.actorAccountId}, ${e.action}, ${e.entity}, ${e.entityId ?? null}, ${sql.json((e.data ?? {}) as never)})`;
}

/** Appends many rows in one statement (the sync core's audited writes of one transaction, flushed together). */
export async function auditMany(sql: Sql, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2000) {
    const part = entries.slice(i, i + 2000);
    await sql`
      insert into audit_log (org_id, actor_account_id, action, entity, entity_id, data)
      select u.org_id, u.actor, u.action, u.entity, u.entity_id, u.data::jsonb
      from unnest(
        ${part.map((e) => e.orgId) as string[]}::text[], ${part.map((e) => e.actorAccountId) as string[]}::text[],
        ${part.map((e) => e.action)}::text[], ${part.map((e) => e.entity)}::text[], ${part.map((e) => e.entityId ?? null) as string[]}::text[],
        ${part.map((e) => JSON.stringify(e.data ?? {}))}::text[]
      ) as u(org_id, actor, action, entity, entity_id, data)`;
  }
}
