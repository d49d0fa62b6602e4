import { apiRequest } from './http';
import type { Me, PublicInvitation } from './types';

export async function fetchInvitation(id: string): Promise<PublicInvitation> {
  const body = await apiRequest<{ invitation: PublicInvitation }>(`/api/v1/invitations/${encodeURIComponent(id)}`);
  return body.invitation;
}

/** Accepts as the signed-in account; answers the new /me (member now, active org switched). */
export function acceptInvitation(id: string): Promise<Me> {
  return apiRequest<Me>(`/api/v1/invitations/${encodeURIComponent(id)}/accept`, { method: 'POST' });
}
