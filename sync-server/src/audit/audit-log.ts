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
