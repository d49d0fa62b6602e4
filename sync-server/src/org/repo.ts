import { isRole, type Role } from '@coulisses/shared';
import type { Sql } from '../db/connect';

export interface OrgSummary {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  role: Role;
}

export interface MemberRow {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface InvitationRow {
  id: string;
  orgId: string;
  orgName: string;
  email: string;
  role: Role;
  status: string;
  expiresAt: string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** The organisations an account belongs to, with its role in each. */
export async function listMemberships(sql: Sql, accountId: string): Promise<OrgSummary[]> {
  const rows = await sql<{ id: string; name: string; slug: string; timezone: string; role: string }[]>`
    select o.id, o.name, o.slug, o.timezone, m.role
    from auth_member m join auth_organization o on o.id = m."organizationId"
    where m."userId" = ${accountId}
    order by o.name`;
  return rows.filter((r) => isRole(r.role)).map((r) => ({ ...r, role: r.role as Role }));
}

export async function listMembers(sql: Sql, orgId: string): Promise<MemberRow[]> {
  const rows = await sql<{ id: string; accountId: string; email: string; name: string; role: string; createdAt: Date }[]>`
    select m.id, u.id as "accountId", u.email, u.name, m.role, m."createdAt"
    from auth_member m join auth_user u on u.id = m."userId"
    where m."organizationId" = ${orgId}
    order by u.name`;
  return rows.filter((r) => isRole(r.role)).map((r) => ({ ...r, role: r.role as Role, createdAt: iso(r.createdAt) }));
}

/** One member of `orgId`, or undefined: a member id of another organisation is never found. */
export async function findMember(sql: Sql, orgId: string, memberId: string): Promise<MemberRow | undefined> {
  return (await listMembers(sql, orgId)).find((m) => m.id === memberId);
}

export async function countAdmins(sql: Sql, orgId: string): Promise<number> {
  const rows = await sql<{ n: number }[]>`
    select count(*)::int as n from auth_member where "organizationId" = ${orgId} and role = 'ADMIN'`;
  return rows[0]?.n ?? 0;
}

function toInvitation(r: { id: string; orgId: string; orgName: string; email: string; role: string | null; status: string; expiresAt: Date }): InvitationRow {
  return { ...r, role: (isRole(r.role) ? r.role : 'TECH') as Role, expiresAt: iso(r.expiresAt) };
}

export async function findInvitation(sql: Sql, id: string): Promise<InvitationRow | undefined> {
  const rows = await sql<{ id: string; orgId: string; orgName: string; email: string; role: string | null; status: string; expiresAt: Date }[]>`
    select i.id, i."organizationId" as "orgId", o.name as "orgName", i.email, i.role, i.status, i."expiresAt"
    from auth_invitation i join auth_organization o on o.id = i."organizationId"
    where i.id = ${id}`;
  return rows[0] ? toInvitation(rows[0]) : undefined;
}

export async function listPendingInvitations(sql: Sql, orgId: string): Promise<InvitationRow[]> {
  const rows = await sql<{ id: string; orgId: string; orgName: string; email: string; role: string | null; status: string; expiresAt: Date }[]>`
    select i.id, i."organizationId" as "orgId", o.name as "orgName", i.email, i.role, i.status, i."expiresAt"
    from auth_invitation i join auth_organization o on o.id = i."organizationId"
    where i."organizationId" = ${orgId} and i.status = 'pending'
    order by i."createdAt" desc`;
  return rows.map(toInvitation);
}

export async function updateOrgSettings(sql: Sql, orgId: string, patch: { name?: string; timezone?: string }): Promise<void> {
  if (patch.name !== undefined) await sql`update auth_organization set name = ${patch.name} where id = ${orgId}`;
  if (patch.timezone !== undefined) await sql`update auth_organization set timezone = ${patch.timezone} where id = ${orgId}`;
}
