import { apiRequest } from '../../../../api/http';

export interface InvitationLink {
  link: string;
  expiresAt: string;
  answer: string | null;
}

/** The current invitation link of an assignment (the first request issues it). Online only. */
export function fetchInvitationLink(assignmentId: string): Promise<InvitationLink> {
  return apiRequest<InvitationLink>(`/api/v1/assignments/${encodeURIComponent(assignmentId)}/invitation`);
}

/** Revokes every active link of the assignment. */
export async function revokeInvitationLink(assignmentId: string): Promise<void> {
  await apiRequest<undefined>(`/api/v1/assignments/${encodeURIComponent(assignmentId)}/invitation`, { method: 'DELETE' });
}
