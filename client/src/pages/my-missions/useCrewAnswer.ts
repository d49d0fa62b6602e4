import { useMemo } from 'react';
import { crewAnswer } from '../planning/missions/assign/assignment-writes';
import type { AssignmentDoc } from '../planning/missions/data/types';
import { useLocalWrites } from '../planning/missions/data/useLocalWrites';
import { useOrgContext } from '../planning/missions/data/useOrgContext';

/** Accept or decline one's own assignment locally: works offline, pushed by the next sync. */
export function useCrewAnswer(): ((a: AssignmentDoc, status: 'ACCEPTED' | 'DECLINED', reason?: string) => Promise<void>) | null {
  const writes = useLocalWrites();
  const { role } = useOrgContext();
  return useMemo(() => {
    if (!writes) return null;
    const actor = role === 'TECH' ? 'CREW' : 'MANAGER';
    return (a, status, reason = '') => writes.modify('assignments', a.id, (doc) => crewAnswer(doc as AssignmentDoc, status, reason, actor));
  }, [writes, role]);
}
