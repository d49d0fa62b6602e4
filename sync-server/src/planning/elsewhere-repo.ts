import { elsewhereWeeklyHours, type ElsewhereHours } from '@coulisses/shared/planning/elsewhere';
import type { Sql } from '../db/connect';

/**
 * Hours per civil week (in `tz`, this organisation's zone) that the persons of `orgId` work for other
 * organisations of this product, between `from` and `to` (ISO instants): a person here and a person there
 * linked to the same account, and that person's active assignments there (INVITED, ACCEPTED) on missions that
 * are not cancelled. L8261-1: the weekly maximum and average apply to the total of a person's work.
 * Only this organisation's person ids, Mondays and hours leave this function: the other organisation's
 * missions, times, ids and names stay in the query.
 */
export async function elsewhereHoursOf(sql: Sql, orgId: string, from: string, to: string, tz: string): Promise<ElsewhereHours[]> {
  const rows = await sql<{ user_id: string; start_at: string; end_at: string }[]>`
    select here.id as user_id, m.doc->>'startAt' as start_at, m.doc->>'endAt' as end_at
    from users here
    join users there on there.org_id <> here.org_id and not there.deleted and there.doc->>'accountId' = here.doc->>'accountId'
    join assignments a on a.org_id = there.org_id and not a.deleted and a.doc->>'userId' = there.id
      and a.doc->>'status' in ('INVITED', 'ACCEPTED')
    join missions m on m.org_id = a.org_id and m.id = a.doc->>'missionId' and not m.deleted and m.doc->>'status' <> 'CANCELLED'
    where here.org_id = ${orgId} and not here.deleted and coalesce(here.doc->>'accountId', '') <> ''
      and (m.doc->>'endAt')::timestamptz > ${from}::timestamptz and (m.doc->>'startAt')::timestamptz < ${to}::timestamptz`;
  return elsewhereWeeklyHours(rows.map((r) => ({ userId: r.user_id, start: Date.parse(r.start_at), end: Date.parse(r.end_at) })), tz);
}
