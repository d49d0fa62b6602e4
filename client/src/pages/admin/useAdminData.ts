import { useCallback, useEffect, useState } from 'react';
import type { Role } from '@coulisses/shared';
import { changeMemberRole, listInvitations, listMembers, revokeInvitation } from '../../api/org';
import type { Invitation, Member } from '../../api/types';

export interface AdminData {
  members: Member[] | null;
  invitations: Invitation[] | null;
  loadError: unknown;
  updateRole: (memberId: string, role: Role) => Promise<void>;
  addInvitation: (invitation: Invitation) => void;
  revoke: (id: string) => Promise<void>;
}

/** Members and invitations of the active organisation, loaded once per mount. */
export function useAdminData(): AdminData {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([listMembers(), listInvitations()]).then(
      ([loadedMembers, loadedInvitations]) => {
        if (!alive) return;
        setMembers(loadedMembers);
        setInvitations(loadedInvitations);
      },
      (error: unknown) => {
        if (alive) setLoadError(error);
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  const updateRole = useCallback(async (memberId: string, role: Role) => {
    const updated = await changeMemberRole(memberId, role);
    setMembers((list) => list?.map((m) => (m.id === updated.id ? { ...m, ...updated } : m)) ?? null);
  }, []);

  const addInvitation = useCallback((invitation: Invitation) => {
    setInvitations((list) => [invitation, ...(list ?? []).filter((i) => i.id !== invitation.id)]);
  }, []);

  const revoke = useCallback(async (id: string) => {
    await revokeInvitation(id);
    setInvitations((list) => list?.filter((i) => i.id !== id) ?? null);
  }, []);

  return { members, invitations, loadError, updateRole, addInvitation, revoke };
}
