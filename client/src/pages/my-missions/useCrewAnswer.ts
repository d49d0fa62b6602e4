import { useMemo } from 'react';
import { crewAnswer } from '../../data/planning/assignment-writes';
import type { AssignmentDoc } from '../../data/types';
import { useLocalWrites } from '../../data/useLocalWrites';
import { useOrgContext } from '../../data/org/useOrgContext';

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
