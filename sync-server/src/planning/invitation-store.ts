import type { Sql } from '../db/connect';
import { audit } from '../audit/audit-log';
import { newTokenId, signToken } from './token';

export const MISSION_INVITATION_TTL_DAYS = 14;

export interface MissionInvitationRow {
  id: string;
  org_id: string;
  assignment_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  answered_at: Date | null;
  answer: string | null;
}

/** The active (not revoked, not expired) invitation of an assignment, if any. */
export async function activeInvitation(sql: Sql, orgId: string, assignmentId: string): Promise<MissionInvitationRow | undefined> {
  const rows = await sql<MissionInvitationRow[]>`
    select id, org_id, assignment_id, expires_at, revoked_at, answered_at, answer from mission_invitations
    where org_id = ${orgId} and assignment_id = ${assignmentId} and revoked_at is null and expires_at > now()
    order by created_at desc limit 1`;
  return rows[0];
}

export async function findInvitationById(sql: Sql, id: string): Promise<MissionInvitationRow | undefined> {
  const rows = await sql<MissionInvitationRow[]>`
    select id, org_id, assignment_id, expires_at, revoked_at, answered_at, answer from mission_invitations where id = ${id}`;
  return rows[0];
}

/** Revokes every active invitation of the assignment (audited). */
export async function revokeInvitations(sql: Sql, orgId: string, assignmentId: string, actorAccountId: string | null): Promise<number> {
  const rows = await sql<{ id: string }[]>`
    update mission_invitations set revoked_at = now()
    where org_id = ${orgId} and assignment_id = ${assignmentId} and revoked_at is null returning id`;
  for (const r of rows) await audit(sql, { orgId, actorAccountId, action: 'mission_invitation.revoked', entity: 'assignments', entityId: assignmentId, data: { invitationId: r.id } });
  return rows.length;
}

/** Issues a new invitation (the previous ones are revoked) and returns its signed token. */
export async function issueInvitation(sql: Sql, secret: string, orgId: string, assignmentId: string, actorAccountId: string | null, ttlDays = MISSION_INVITATION_TTL_DAYS): Promise<{ token: string; expiresAt: Date; id: string }> {
  await revokeInvitations(sql, orgId, assignmentId, actorAccountId);
  const id = newTokenId();
  // Whole seconds: the token carries the expiry in seconds and must match the row exactly.
  const expiresAt = new Date(Math.floor((Date.now() + ttlDays * 24 * 3600_000) / 1000) * 1000);
  await sql`insert into mission_invitations (id, org_id, assignment_id, expires_at, created_by) values (${id}, ${orgId}, ${assignmentId}, ${expiresAt}, ${actorAccountId})`;
  await audit(sql, { orgId, actorAccountId, action: 'mission_invitation.issued', entity: 'assignments', entityId: assignmentId, data: { invitationId: id, expiresAt: expiresAt.toISOString() } });
  return { token: signToken(secret, id, expiresAt), expiresAt, id };
}

export function tokenOf(secret: string, row: MissionInvitationRow): string {
  return signToken(secret, row.id, row.expires_at);
}
