import { useMemo } from 'react';
import type { AssignmentDoc } from '../../../../data/types';
import { useLocalWrites } from '../../../../data/useLocalWrites';
import { managerStatusPatch, newAssignment } from '../../../../data/planning/assignment-writes';

export interface AssignActions {
  /** Invites people: a new assignment each, or the existing (declined, cancelled) one invited again. */
  assign: (missionId: string, userIds: string[], role: string | null, existing: AssignmentDoc[]) => Promise<number>;
  cancel: (id: string) => Promise<void>;
  reinvite: (id: string) => Promise<void>;
}

export function useAssignActions(): AssignActions | null {
  const writes = useLocalWrites();
  return useMemo(() => {
    if (!writes) return null;
    return {
      assign: async (missionId, userIds, role, existing) => {
        const fresh = [];
        for (const userId of userIds) {
          const old = existing.find((a) => a.missionId === missionId && a.userId === userId);
          if (old) await writes.patch('assignments', old.id, managerStatusPatch('INVITED'));
          else fresh.push(newAssignment(missionId, userId, role));
        }
        await writes.bulkInsert('assignments', fresh);
        return userIds.length;
      },
      cancel: (id) => writes.patch('assignments', id, managerStatusPatch('CANCELLED')),
      reinvite: (id) => writes.patch('assignments', id, managerStatusPatch('INVITED')),
    };
  }, [writes]);
}
