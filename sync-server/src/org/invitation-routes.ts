import { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { callAuth } from '../auth/call';
import { audit } from '../audit/audit-log';
import { requireAccount } from '../auth/caller';
import { meBody } from './me-routes';
import { publicInvitation } from './org-routes';
import { findInvitation, listMemberships } from './repo';

/**
 * The invitation link's page data (no session needed: the random id is the secret) and its acceptance.
 * Accepting twice answers the same thing as the first time.
 */
export function invitationRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.get('/:id', async (c) => {
    const invitation = await findInvitation(sql, c.req.param('id'));
    if (!invitation) throw new AppError('NOT_FOUND');
    return c.json({ invitation: publicInvitation(invitation) });
  });

  app.post('/:id/accept', async (c) => {
    const caller = requireAccount(c);
    const invitation = await findInvitation(sql, c.req.param('id'));
    if (!invitation) throw new AppError('NOT_FOUND');
    if (invitation.email.toLowerCase() !== caller.email.toLowerCase()) throw new AppError('YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION', undefined, 403);
    const memberships = await listMemberships(sql, caller.accountId);
    const alreadyMember = memberships.some((o) => o.id === invitation.orgId);
    if (invitation.status === 'accepted' && alreadyMember) {
      await callAuth(() => deps.auth.api.setActiveOrganization({ headers: c.req.raw.headers, body: { organizationId: invitation.orgId } }));
      return c.json(await meBody(deps, caller, invitation.orgId));
    }
    if (invitation.status !== 'pending') throw new AppError('INVITATION_NOT_PENDING', { status: invitation.status }, 409);
    if (new Date(invitation.expiresAt).getTime() <= Date.now()) throw new AppError('INVITATION_EXPIRED', undefined, 410);
    await callAuth(() => deps.auth.api.acceptInvitation({ headers: c.req.raw.headers, body: { invitationId: invitation.id } }));
    await callAuth(() => deps.auth.api.setActiveOrganization({ headers: c.req.raw.headers, body: { organizationId: invitation.orgId } }));
    await audit(sql, { orgId: invitation.orgId, actorAccountId: caller.accountId, action: 'invitation.accepted', entity: 'invitation', entityId: invitation.id, data: { role: invitation.role } });
    return c.json(await meBody(deps, caller, invitation.orgId));
  });

  return app;
}
