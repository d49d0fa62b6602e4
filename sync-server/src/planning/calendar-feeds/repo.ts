import type { Sql } from '../../db/connect';

/** The scopes of a calendar feed (migration 0016). */
export const FEED_SCOPES = ['person', 'team', 'org'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export interface FeedRow {
  id: string;
  orgId: string;
  scope: FeedScope;
  subjectId: string | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

interface DbFeed {
  id: string;
  org_id: string;
  scope: FeedScope;
  subject_id: string | null;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toFeed = (r: DbFeed): FeedRow => ({
  id: r.id,
  orgId: r.org_id,
  scope: r.scope,
  subjectId: r.subject_id,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

export async function insertFeed(sql: Sql, f: { id: string; orgId: string; scope: FeedScope; subjectId: string | null; tokenHash: string; createdBy: string }): Promise<FeedRow> {
  const [row] = await sql<DbFeed[]>`
    insert into calendar_feeds (id, org_id, scope, subject_id, token_hash, created_by)
    values (${f.id}, ${f.orgId}, ${f.scope}, ${f.subjectId}, ${f.tokenHash}, ${f.createdBy})
    returning id, org_id, scope, subject_id, created_by, created_at, revoked_at`;
  return toFeed(row!);
}

/** The organisation's feeds, newest first; only those created by `createdBy` when given (a TECH's own). */
export async function listFeeds(sql: Sql, orgId: string, createdBy: string | null): Promise<FeedRow[]> {
  const rows = await sql<DbFeed[]>`
    select id, org_id, scope, subject_id, created_by, created_at, revoked_at from calendar_feeds
    where org_id = ${orgId} ${createdBy ? sql`and created_by = ${createdBy}` : sql``}
    order by created_at desc, id desc limit 500`;
  return rows.map(toFeed);
}

export async function getFeed(sql: Sql, orgId: string, id: string): Promise<FeedRow | null> {
  const rows = await sql<DbFeed[]>`
    select id, org_id, scope, subject_id, created_by, created_at, revoked_at from calendar_feeds where org_id = ${orgId} and id = ${id}`;
  return rows[0] ? toFeed(rows[0]) : null;
}

/** Revokes a live feed; false when it was already revoked. */
export async function revokeFeed(sql: Sql, orgId: string, id: string): Promise<boolean> {
  const rows = await sql`update calendar_feeds set revoked_at = now() where org_id = ${orgId} and id = ${id} and revoked_at is null returning id`;
  return rows.length > 0;
}

/** A live (not revoked) feed by the hash of its token. */
export async function liveFeedByHash(sql: Sql, tokenHash: string): Promise<FeedRow | null> {
  const rows = await sql<DbFeed[]>`
    select id, org_id, scope, subject_id, created_by, created_at, revoked_at from calendar_feeds
    where token_hash = ${tokenHash} and revoked_at is null`;
  return rows[0] ? toFeed(rows[0]) : null;
}

/** The creator's role in the organisation today (null when no longer a member) and the organisation's zone. */
export async function creatorStanding(sql: Sql, orgId: string, accountId: string): Promise<{ role: string | null; timeZone: string; orgName: string }> {
  const rows = await sql<{ role: string | null; timezone: string | null; name: string }[]>`
    select m.role, o.timezone, o.name from auth_organization o
    left join auth_member m on m."organizationId" = o.id and m."userId" = ${accountId}
    where o.id = ${orgId}`;
  return { role: rows[0]?.role ?? null, timeZone: rows[0]?.timezone || 'Europe/Paris', orgName: rows[0]?.name ?? '' };
}

/** A live person of the organisation (its display name), or null. */
export async function livePerson(sql: Sql, orgId: string, userId: string): Promise<{ id: string; name: string } | null> {
  const rows = await sql<{ id: string; first: string | null; last: string | null }[]>`
    select id, doc->>'firstName' as first, doc->>'lastName' as last from users where org_id = ${orgId} and id = ${userId} and not deleted`;
  const r = rows[0];
  return r ? { id: r.id, name: `${r.first ?? ''} ${r.last ?? ''}`.trim() } : null;
}

/** A live team (reference kind team) of the organisation, or null. */
export async function liveTeam(sql: Sql, orgId: string, teamId: string): Promise<{ id: string; name: string } | null> {
  const rows = await sql<{ id: string; name: string | null }[]>`
    select id, doc->>'name' as name from reference where org_id = ${orgId} and id = ${teamId} and not deleted and doc->>'kind' = 'team'`;
  const r = rows[0];
  return r ? { id: r.id, name: r.name ?? '' } : null;
}
