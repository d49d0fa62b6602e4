import type { Sql } from '../db/connect';

export interface ReferenceRow {
  id: string;
  kind: string;
  name: string;
  archived?: boolean;
  data: unknown;
}

export interface MissionRow {
  id: string;
  title: string;
  startAt: string;
  endAt: string;
  status: string;
  venueId: string | null;
}

/** The organisation's live equipment documents (items, kits, reservations). */
export async function equipmentDocs(sql: Sql, orgId: string): Promise<ReferenceRow[]> {
  const rows = await sql<{ doc: ReferenceRow }[]>`
    select doc from reference
    where org_id = ${orgId} and not deleted and doc->>'kind' in ('equipment_item', 'equipment_kit', 'equipment_reservation')`;
  return rows.map((r) => r.doc);
}

/** The organisation's live missions among these ids that end after `from` and start before `to`. */
export async function missionsIn(sql: Sql, orgId: string, ids: readonly string[], from: string, to: string): Promise<MissionRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ doc: MissionRow }[]>`
    select doc from missions
    where org_id = ${orgId} and not deleted and id = any(${ids as string[]}::text[])
      and doc->>'endAt' > ${from} and doc->>'startAt' < ${to}`;
  return rows.map((r) => ({ id: r.doc.id, title: r.doc.title, startAt: r.doc.startAt, endAt: r.doc.endAt, status: r.doc.status, venueId: r.doc.venueId ?? null }));
}
