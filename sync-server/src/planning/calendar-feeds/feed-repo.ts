import type { FeedMission } from '@coulisses/shared/planning/ics-missions';
import type { Sql } from '../../db/connect';
import type { FeedScope } from './repo';

interface MissionRow {
  id: string;
  seq: string | number;
  doc: Record<string, unknown>;
  a_seq: string | number | null;
  a_status: string | null;
  a_role: string | null;
}

/**
 * The missions of a feed running in [from, to) (UTC instants), at most `limit`:
 * - person: the missions the person has an assignment on (every status: a declined or cancelled one is shown
 *   cancelled), with that assignment (the most active one when there are several);
 * - team: the missions of the team (teamId) and those a member of the team (users.teamIds) is actively assigned to;
 * - org: every mission.
 * Deleted missions and assignments are left out (a calendar drops an event that leaves the feed).
 */
async function missionRows(sql: Sql, orgId: string, scope: FeedScope, subjectId: string | null, from: string, to: string, limit: number): Promise<MissionRow[]> {
  const inRange = sql`(m.doc->>'endAt')::timestamptz > ${from}::timestamptz and (m.doc->>'startAt')::timestamptz < ${to}::timestamptz`;
  if (scope === 'person') {
    return sql<MissionRow[]>`
      select distinct on (m.id) m.id, m.seq, m.doc, a.seq as a_seq, a.doc->>'status' as a_status, a.doc->>'role' as a_role
      from assignments a join missions m on m.org_id = a.org_id and m.id = a.doc->>'missionId' and not m.deleted
      where a.org_id = ${orgId} and not a.deleted and a.doc->>'userId' = ${subjectId} and ${inRange}
      order by m.id, case a.doc->>'status' when 'ACCEPTED' then 0 when 'INVITED' then 1 when 'DECLINED' then 2 else 3 end, a.seq desc
      limit ${limit}`;
  }
  if (scope === 'team') {
    return sql<MissionRow[]>`
      select m.id, m.seq, m.doc, null as a_seq, null as a_status, null as a_role from missions m
      where m.org_id = ${orgId} and not m.deleted and ${inRange} and (
        m.doc->>'teamId' = ${subjectId}
        or exists (
          select 1 from assignments a join users u on u.org_id = a.org_id and u.id = a.doc->>'userId' and not u.deleted
          where a.org_id = m.org_id and a.doc->>'missionId' = m.id and not a.deleted
            and a.doc->>'status' in ('INVITED', 'ACCEPTED') and u.doc->'teamIds' ? ${subjectId})
      )
      order by (m.doc->>'startAt')::timestamptz, m.id limit ${limit}`;
  }
  return sql<MissionRow[]>`
    select m.id, m.seq, m.doc, null as a_seq, null as a_status, null as a_role from missions m
    where m.org_id = ${orgId} and not m.deleted and ${inRange}
    order by (m.doc->>'startAt')::timestamptz, m.id limit ${limit}`;
}

interface VenueRow {
  id: string;
  seq: string | number;
  name: string | null;
  address: string | null;
}

async function venues(sql: Sql, orgId: string, ids: string[]): Promise<Map<string, VenueRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<VenueRow[]>`
    select id, seq, doc->>'name' as name, doc->'data'->>'address' as address from reference
    where org_id = ${orgId} and id = any(${ids}::text[]) and not deleted and doc->>'kind' = 'venue'`;
  return new Map(rows.map((r) => [r.id, r]));
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The feed's missions for the ICS writer. `version` is the highest change number (the organisation's `seq`) of
 * the mission, the person's assignment and the venue: every change of one of them gives the event a higher
 * SEQUENCE, since each write takes a new, larger number of the organisation's sequence.
 */
export async function feedMissions(sql: Sql, orgId: string, scope: FeedScope, subjectId: string | null, from: string, to: string, limit: number): Promise<FeedMission[]> {
  const rows = await missionRows(sql, orgId, scope, subjectId, from, to, limit);
  const venueIds = [...new Set(rows.map((r) => str(r.doc.venueId)).filter((v): v is string => v !== null))];
  const venueById = await venues(sql, orgId, venueIds);
  const out = rows.map((r): FeedMission => {
    const d = r.doc;
    const venue = venueById.get(str(d.venueId) ?? '');
    const version = Math.max(Number(r.seq), Number(r.a_seq ?? 0), Number(venue?.seq ?? 0));
    return {
      id: r.id,
      title: str(d.title) ?? '',
      startAt: str(d.startAt)!,
      endAt: str(d.endAt)!,
      status: str(d.status) ?? 'DRAFT',
      notes: str(d.notes),
      venue: venue ? { name: venue.name ?? '', address: venue.address } : null,
      assignment: r.a_status ? { status: r.a_status, role: r.a_role } : null,
      version,
      updatedAt: str(d.updatedAt) ?? new Date(0).toISOString(),
    };
  });
  return out.sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt) || a.id.localeCompare(b.id));
}
