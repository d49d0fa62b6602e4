import { ASSIGNMENT_MACHINE, PLANNER_ROLES, entityByName, transitionAllowed, type SyncDoc } from '@coulisses/shared';
import { SafeText } from '@coulisses/shared/entities/common';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { audit } from '../audit/audit-log';
import { requireRole } from '../auth/caller';

import { selectRows } from '../sync/store';
import { activeInvitation, findInvitationById, issueInvitation, revokeInvitations, tokenOf } from './invitation-store';
import { verifyToken } from './token';

const DeclineBody = z.object({ reason: SafeText.trim().max(500).optional() }).strict();

/**
 * Mission invitations: managers issue, copy and revoke the signed link of an assignment; the crew member
 * opens it without a session and accepts or declines (with a reason). Answering twice gives the same answer.
 */
export function missionInvitationRoutes(deps: Deps, secret: string) {
  const { sql } = deps.db;
  const link = (token: string) => `${deps.baseURL}/m/${token}`;
  const app = new Hono<AppEnv>();

  const assignmentOf = async (orgId: string, id: string) => {
    const row = (await selectRows(sql, entityByName('assignments')!, orgId, [id])).get(id);
    if (!row || row.deleted) throw new AppError('NOT_FOUND');
    return row.doc as SyncDoc;
  };

  app.post('/assignments/:id/invitation', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const assignment = await assignmentOf(caller.activeOrgId, c.req.param('id'));
    if (assignment.status === 'CANCELLED') throw new AppError('ASSIGNMENT_CANCELLED', undefined, 409);
    const issued = await issueInvitation(sql, secret, caller.activeOrgId, assignment.id, caller.accountId);
    c.get('log').info({ assignmentId: assignment.id }, 'mission invitation link issued');
    return c.json({ link: link(issued.token), expiresAt: issued.expiresAt.toISOString() }, 201);
  });

  /** The current link of an invited assignment; the first request issues it (assignments are created offline). */
  app.get('/assignments/:id/invitation', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const assignment = await assignmentOf(caller.activeOrgId, c.req.param('id'));
    const row = await activeInvitation(sql, caller.activeOrgId, assignment.id);
    if (row) return c.json({ link: link(tokenOf(secret, row)), expiresAt: row.expires_at.toISOString(), answer: row.answer });
    if (assignment.status === 'CANCELLED') throw new AppError('ASSIGNMENT_CANCELLED', undefined, 409);
    const issued = await issueInvitation(sql, secret, caller.activeOrgId, assignment.id, caller.accountId);
    c.get('log').info({ assignmentId: assignment.id }, 'mission invitation link issued');
    return c.json({ link: link(issued.token), expiresAt: issued.expiresAt.toISOString(), answer: null });
  });

  app.delete('/assignments/:id/invitation', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const assignment = await assignmentOf(caller.activeOrgId, c.req.param('id'));
    if ((await revokeInvitations(sql, caller.activeOrgId, assignment.id, caller.accountId)) === 0) throw new AppError('NOT_FOUND');
    return c.body(null, 204);
  });

  /** The invitation behind a token: signature, existence, revocation, expiry, in that order. */
  const resolve = async (token: string) => {
    const check = verifyToken(secret, token);
    if (!check.ok) throw new AppError('INVALID_TOKEN', undefined, 404);
    const row = await findInvitationById(sql, check.id);
    if (!row || Math.floor(row.expires_at.getTime() / 1000) !== Math.floor(check.expiresAt.getTime() / 1000)) throw new AppError('INVALID_TOKEN', undefined, 404);
    if (row.revoked_at) throw new AppError('INVITATION_REVOKED', undefined, 410);
    if (row.expires_at.getTime() <= Date.now()) throw new AppError('INVITATION_EXPIRED', undefined, 410);
    return row;
  };

  const view = async (orgId: string, assignment: SyncDoc) => {
    const mission = (await selectRows(sql, entityByName('missions')!, orgId, [String(assignment.missionId)])).get(String(assignment.missionId));
    const venueId = mission?.doc.venueId as string | null | undefined;
    const venue = venueId ? (await selectRows(sql, entityByName('reference')!, orgId, [venueId])).get(venueId) : undefined;
    const [org] = await sql<{ name: string; timezone: string }[]>`select name, timezone from auth_organization where id = ${orgId}`;
    return {
      assignment: { id: assignment.id, status: assignment.status, role: assignment.role ?? null, declineReason: assignment.declineReason ?? null },
      mission: mission && !mission.deleted ? { title: mission.doc.title, startAt: mission.doc.startAt, endAt: mission.doc.endAt, type: mission.doc.type, notes: mission.doc.notes ?? null, contacts: mission.doc.contacts ?? null, status: mission.doc.status } : null,
      venue: venue && !venue.deleted ? { name: venue.doc.name, address: (venue.doc.data as { address?: string }).address ?? null } : null,
      org: { name: org?.name ?? '', timezone: org?.timezone ?? 'Europe/Paris' },
    };
  };

  app.get('/public/mission-invitations/:token', async (c) => {
    const row = await resolve(c.req.param('token'));
    return c.json(await view(row.org_id, await assignmentOf(row.org_id, row.assignment_id)));
  });

  const answer = (status: 'ACCEPTED' | 'DECLINED') => async (c: Context<AppEnv>) => {
    const row = await resolve(c.req.param('token') ?? '');
    const reason = status === 'DECLINED' ? (await readJson(c, DeclineBody)).reason : undefined;
    const updated = await deps.sync.serverUpdate(row.org_id, { accountId: null, viewer: null }, 'assignments', row.assignment_id, (stored) => {
      if (stored.status === status) return null;
      if (stored.status === 'CANCELLED') throw new AppError('ASSIGNMENT_CANCELLED', undefined, 409);
      if (!transitionAllowed(ASSIGNMENT_MACHINE, 'CREW', stored.status, status)) throw new AppError('ILLEGAL_TRANSITION', undefined, 409);
      const now = new Date().toISOString();
      const next: SyncDoc = { ...stored, status, statusChangedAt: now, statusChangedBy: 'CREW', updatedAt: now };
      if (status === 'DECLINED' && reason) next.declineReason = reason;
      else delete next.declineReason;
      return next;
    });
    await sql`update mission_invitations set answered_at = now(), answer = ${status} where id = ${row.id}`;
    await audit(sql, { orgId: row.org_id, actorAccountId: null, action: `mission_invitation.${status.toLowerCase()}`, entity: 'assignments', entityId: row.assignment_id, data: { invitationId: row.id, via: 'link' } });
    return c.json(await view(row.org_id, updated));
  };

  app.post('/public/mission-invitations/:token/accept', answer('ACCEPTED'));
  app.post('/public/mission-invitations/:token/decline', answer('DECLINED'));

  return app;
}
