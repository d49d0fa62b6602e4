import type { PublicInvitation } from '../../api/types';

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'rejected' | 'expired';

/** One clear state for an invitation: better-auth's "canceled" is shown as revoked. */
export function invitationState(invitation: Pick<PublicInvitation, 'status' | 'expired'>): InvitationState {
  const status = invitation.status.toLowerCase();
  if (status === 'accepted') return 'accepted';
  if (status === 'canceled' || status === 'cancelled' || status === 'revoked') return 'revoked';
  if (status === 'rejected') return 'rejected';
  if (invitation.expired || status === 'expired') return 'expired';
  return 'pending';
}

/** Same e-mail, ignoring case and surrounding blanks. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
