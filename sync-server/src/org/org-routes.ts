import { Hono } from 'hono';
import { z } from 'zod';
import { ADMIN_ROLES, OrgSettingsSchema, PLANNER_ROLES, ROLES } from '@coulisses/shared';
import { SafeText, text } from '@coulisses/shared/entities/common';
import { getOrgSettings, updateOrgSettingsRow } from './settings-repo';
import { analyticsSettingsChanged } from '../analytics/jobs';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { callAuth } from '../auth/call';
import { audit } from '../audit/audit-log';
import { requireRole } from '../auth/caller';
import { countAdmins, findInvitation, findMember, listMembers, listMemberships, listPendingInvitations, updateOrgSettings } from './repo';

const RoleSchema = z.enum(ROLES);
const MemberPatch = z.object({ role: RoleSchema }).strict();
const InvitationBody = z.object({ email: SafeText.trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)), role: RoleSchema }).strict();

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
const OrgPatch = z
  .object({
    name: SafeText.trim().min(2).max(120).optional(),
    timezone: text(64).refine(isTimeZone, { message: 'unknown IANA time zone' }).optional(),
    settings: OrgSettingsSchema.partial().optional(),
  })
  .strict();

/** The active organisation: settings, members, invitations. Every query is scoped to caller.activeOrgId. */
export function orgRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  const link = (id: string) => `${deps.baseURL}/invite/${id}`;

  app.get('/', async (c) => {
    const caller = requireRole(c, ROLES);
    const org = (await listMemberships(sql, caller.accountId)).find((o) => o.id === caller.activeOrgId);
    if (!org) throw new AppError('NOT_FOUND');
    return c.json({ org: { id: org.id, name: org.name, slug: org.slug, timezone: org.timezone, settings: await getOrgSettings(sql, org.id) }, role: caller.role });
  });

  app.patch('/', async (c) => {
    const caller = requireRole(c, ADMIN_ROLES);
    const { settings, ...patch } = await readJson(c, OrgPatch);
    const previous = await getOrgSettings(sql, caller.activeOrgId);
    await updateOrgSettings(sql, caller.activeOrgId, patch);
    const saved = settings ? await updateOrgSettingsRow(sql, caller.activeOrgId, settings) : previous;
    await analyticsSettingsChanged(sql, caller.activeOrgId, previous, saved, 'timezone' in patch);
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'org.updated', entity: 'org', entityId: caller.activeOrgId, data: { ...patch, settings } });
    const org = (await listMemberships(sql, caller.accountId)).find((o) => o.id === caller.activeOrgId);
    return c.json({ org: org && { id: org.id, name: org.name, slug: org.slug, timezone: org.timezone, settings: saved }, role: caller.role });
  });

  app.get('/members', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    return c.json({ members: await listMembers(sql, caller.activeOrgId) });
  });

  app.patch('/members/:memberId', async (c) => {
    const caller = requireRole(c, ADMIN_ROLES);
    const { role } = await readJson(c, MemberPatch);
    const member = await findMember(sql, caller.activeOrgId, c.req.param('memberId'));
    if (!member) throw new AppError('NOT_FOUND');
    if (member.role === 'ADMIN' && role !== 'ADMIN' && (await countAdmins(sql, caller.activeOrgId)) <= 1) {
      throw new AppError('LAST_ADMIN', undefined, 409);
    }
    if (member.role !== role) {
      await callAuth(() =>
        deps.auth.api.updateMemberRole({ headers: c.req.raw.headers, body: { memberId: member.id, role, organizationId: caller.activeOrgId } }),
      );
      await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'member.role_changed', entity: 'member', entityId: member.id, data: { from: member.role, to: role } });
      // Open sync streams of this organisation check their viewer again (a demoted member's scope shrinks).
      await deps.feed.accessChanged({ orgId: caller.activeOrgId });
    }
    return c.json({ member: { ...member, role } });
  });

  /** Removes a member from the organisation (their open sync streams end; their person, if any, stays for history). */
  app.delete('/members/:memberId', async (c) => {
    const caller = requireRole(c, ADMIN_ROLES);
    const member = await findMember(sql, caller.activeOrgId, c.req.param('memberId'));
    if (!member) throw new AppError('NOT_FOUND');
    if (member.role === 'ADMIN' && (await countAdmins(sql, caller.activeOrgId)) <= 1) throw new AppError('LAST_ADMIN', undefined, 409);
    await callAuth(() =>
      deps.auth.api.removeMember({ headers: c.req.raw.headers, body: { memberIdOrEmail: member.id, organizationId: caller.activeOrgId } }),
    );
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'member.removed', entity: 'member', entityId: member.id, data: { role: member.role } });
    await deps.feed.accessChanged({ orgId: caller.activeOrgId, accountId: member.accountId });
    return c.body(null, 204);
  });

  app.get('/invitations', async (c) => {
    const caller = requireRole(c, ADMIN_ROLES);
    const invitations = await listPendingInvitations(sql, caller.activeOrgId);
    return c.json({ invitations: invitations.map((i) => ({ ...publicInvitation(i), link: link(i.id) })) });
  });

  app.post('/invitations', async (c) => {
    const caller = requireRole(c, ADMIN_ROLES);
    const body = await readJson(c, InvitationBody);
    const created = await callAuth(() =>
      deps.auth.api.createInvitation({ headers: c.req.raw.headers, body: { email: body.email, role: body.role, organizationId: caller.activeOrgId } }),
    );
    const invitation = await findInvitation(sql, (created as { id: string }).id);
    if (!invitation) throw new AppError('INTERNAL');
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'invitation.created', entity: 'invitation', entityId: invitation.id, data: { role: body.role } });
    return c.json({ invitation: { ...publicInvitation(invitation), link: link(invitation.id) }, link: link(invitation.id) }, 201);
  });

  app.delete('/invitations/:id', async (c) => {
    const caller = requireRole(c, ADMIN_ROLES);
    const invitation = await findInvitation(sql, c.req.param('id'));
    if (!invitation || invitation.orgId !== caller.activeOrgId) throw new AppError('NOT_FOUND');
    await callAuth(() => deps.auth.api.cancelInvitation({ headers: c.req.raw.headers, body: { invitationId: invitation.id } }));
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'invitation.revoked', entity: 'invitation', entityId: invitation.id });
    return c.body(null, 204);
  });

  return app;
}

export function publicInvitation(i: { id: string; email: string; role: string; status: string; expiresAt: string; orgName: string }) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    status: i.status,
    expiresAt: i.expiresAt,
    orgName: i.orgName,
    expired: new Date(i.expiresAt).getTime() <= Date.now(),
  };
}
