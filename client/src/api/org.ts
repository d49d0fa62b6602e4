import type { OrgSettings, Role } from '@coulisses/shared';
import { apiRequest } from './http';
import type { Invitation, Member } from './types';

export async function listMembers(): Promise<Member[]> {
  const body = await apiRequest<{ members: Member[] }>('/api/v1/org/members');
  return body.members;
}

export async function changeMemberRole(memberId: string, role: Role): Promise<Member> {
  const body = await apiRequest<{ member: Member }>(`/api/v1/org/members/${encodeURIComponent(memberId)}`, {
    method: 'PATCH',
    body: { role },
  });
  return body.member;
}

export async function listInvitations(): Promise<Invitation[]> {
  const body = await apiRequest<{ invitations: Invitation[] }>('/api/v1/org/invitations');
  return body.invitations;
}

export async function createInvitation(email: string, role: Role): Promise<Invitation> {
  const body = await apiRequest<{ invitation: Invitation; link: string }>('/api/v1/org/invitations', {
    method: 'POST',
    body: { email, role },
  });
  return { ...body.invitation, link: body.link };
}

export async function revokeInvitation(id: string): Promise<void> {
  await apiRequest<undefined>(`/api/v1/org/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** PATCH /api/v1/org (ADMIN): a part of the organisation's settings; answers the saved settings. */
export async function updateOrgSettings(settings: Partial<OrgSettings>): Promise<OrgSettings> {
  const body = await apiRequest<{ org: { settings: OrgSettings } }>('/api/v1/org', { method: 'PATCH', body: { settings } });
  return body.org.settings;
}
