import { apiRequest } from '../../api/http';

/** GET /api/v1/public/mission-invitations/:token (no session needed), and the accept and decline answers. */
export interface MissionInvitationView {
  assignment: { id: string; status: 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED'; role: string | null; declineReason: string | null };
  mission: { title: string; startAt: string; endAt: string; type: string; notes: string | null; contacts: string | null; status: string } | null;
  venue: { name: string; address: string | null } | null;
  org: { name: string; timezone: string };
}

const base = (token: string) => `/api/v1/public/mission-invitations/${encodeURIComponent(token)}`;

export function fetchMissionInvitation(token: string): Promise<MissionInvitationView> {
  return apiRequest<MissionInvitationView>(base(token));
}

export function acceptMissionInvitation(token: string): Promise<MissionInvitationView> {
  return apiRequest<MissionInvitationView>(`${base(token)}/accept`, { method: 'POST', body: {} });
}

export function declineMissionInvitation(token: string, reason: string): Promise<MissionInvitationView> {
  const clean = reason.trim().slice(0, 500);
  return apiRequest<MissionInvitationView>(`${base(token)}/decline`, { method: 'POST', body: clean ? { reason: clean } : {} });
}
