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
