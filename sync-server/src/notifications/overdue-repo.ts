import type { Sql } from '../db/connect';

export interface OverdueAction {
  org_id: string;
  id: string;
  title: string | null;
  owner_user_id: string;
  due_date: string;
}

/**
 * Open actions (OPEN or IN_PROGRESS) with an owner whose due date is before today in their organisation's zone,
 * due within the last 30 days (an action overdue for months was told when it fell due).
 */
export async function overdueActions(sql: Sql): Promise<OverdueAction[]> {
  return sql<OverdueAction[]>`
    select a.org_id, a.id, a.doc->>'title' as title, a.doc->>'ownerUserId' as owner_user_id, a.doc->>'dueDate' as due_date
    from action_plans a
    join auth_organization o on o.id = a.org_id
    where not a.deleted and a.doc->>'kind' = 'action' and a.doc->>'status' in ('OPEN', 'IN_PROGRESS')
      and a.doc->>'ownerUserId' is not null
      and a.doc->>'dueDate' < to_char(now() at time zone coalesce(o.timezone, 'Europe/Paris'), 'YYYY-MM-DD')
      and a.doc->>'dueDate' >= to_char(now() at time zone coalesce(o.timezone, 'Europe/Paris') - interval '30 days', 'YYYY-MM-DD')
    order by a.org_id`;
}

export interface OwnedKpi {
  org_id: string;
  id: string;
  name: string;
  owner_user_id: string;
  frequency: string;
  grace_days: number;
  timezone: string | null;
}

/** Active MANUAL KPIs with an owner (whose values a person enters), with their organisation's zone. */
export async function ownedManualKpis(sql: Sql): Promise<OwnedKpi[]> {
  return sql<OwnedKpi[]>`
    select r.org_id, r.id, r.doc->>'name' as name, r.doc->>'ownerUserId' as owner_user_id, r.doc->'data'->>'frequency' as frequency,
      coalesce((r.doc->'data'->>'gracePeriodDays')::int, 0) as grace_days, o.timezone
    from reference r
    join auth_organization o on o.id = r.org_id
    where not r.deleted and r.doc->>'kind' = 'kpi' and r.doc->>'ownerUserId' is not null
      and coalesce(r.doc->>'archived', 'false') = 'false'
      and coalesce(r.doc->'data'->>'active', 'true') = 'true'
      and coalesce(r.doc->'data'->>'source', 'MANUAL') = 'MANUAL'
    order by r.org_id`;
}

/** The (kpiId, periodStart) pairs of these that have a value. */
export async function valuesPresent(sql: Sql, orgId: string, pairs: readonly { kpiId: string; periodStart: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await sql<{ k: string }[]>`
    select (doc->>'kpiId') || '|' || (doc->>'periodStart') as k from kpi_values
    where org_id = ${orgId} and not deleted and doc->>'kpiId' = any(${pairs.map((p) => p.kpiId)}::text[])
      and (doc->>'kpiId') || '|' || (doc->>'periodStart') = any(${pairs.map((p) => `${p.kpiId}|${p.periodStart}`)}::text[])`;
  return new Set(rows.map((r) => r.k));
}
