import { useMemo } from 'react';
import type { Interval } from '@coulisses/shared/planning/moves';
import { useSyncDatabase } from '../../../sync/useSync';
import { alreadyOnMission, cancelPatch, movePatch, newAssignment, restorePatch } from './calendar-writes';
import type { AssignmentDoc } from './calendar-types';

export type WriteOutcome = 'ok' | 'duplicate' | 'missing';

export interface CalendarActions {
  /** New start and end of a mission (its duration kept by the caller). */
  move: (missionId: string, iv: Interval) => Promise<WriteOutcome>;
  /** Invites a person to a mission (a new assignment, INVITED by a manager). */
  assign: (missionId: string, userId: string, role?: string, id?: string) => Promise<WriteOutcome>;
  /** Cancels an assignment and invites another person on the same mission and role (`newId`: the new one's id). */
  reassign: (assignmentId: string, toUserId: string, newId?: string) => Promise<WriteOutcome>;
  /** Writes back an assignment's earlier status (undo of a reassignment), or cancels it (undo of an invitation). */
  restoreAssignment: (assignmentId: string, previous: Pick<AssignmentDoc, 'status' | 'statusChangedAt' | 'statusChangedBy'> | 'cancel') => Promise<WriteOutcome>;
}

/** Local writes (RxDB): they work offline; the outbox records them and the leader tab pushes them. */
export function useCalendarActions(): CalendarActions | null {
  const db = useSyncDatabase();
  return useMemo(() => {
    if (!db?.collections['missions'] || !db.collections['assignments']) return null;
    // Looked up at each write: the engine may re-create a collection.
    const col = (name: 'missions' | 'assignments') => db.collections[name]!;
    const activeOf = async (missionId: string): Promise<AssignmentDoc[]> =>
      (await col('assignments').find({ selector: { missionId } }).exec()).map((d) => d.toJSON() as unknown as AssignmentDoc);
    const assign = async (missionId: string, userId: string, role?: string, id?: string): Promise<WriteOutcome> => {
      if (alreadyOnMission(await activeOf(missionId), missionId, userId)) return 'duplicate';
      await col('assignments').insert(newAssignment(missionId, userId, role, new Date(), id));
      return 'ok';
    };
    return {
      move: async (missionId, iv) => {
        const doc = await col('missions').findOne(missionId).exec();
        if (!doc) return 'missing';
        await doc.incrementalPatch(movePatch(iv));
        return 'ok';
      },
      assign,
      reassign: async (assignmentId, toUserId, newId) => {
        const doc = await col('assignments').findOne(assignmentId).exec();
        if (!doc) return 'missing';
        const old = doc.toJSON() as unknown as AssignmentDoc;
        if (alreadyOnMission(await activeOf(old.missionId), old.missionId, toUserId)) return 'duplicate';
        await doc.incrementalPatch(cancelPatch());
        return assign(old.missionId, toUserId, old.role, newId);
      },
      restoreAssignment: async (assignmentId, previous) => {
        const doc = await col('assignments').findOne(assignmentId).exec();
        if (!doc) return 'missing';
        await doc.incrementalPatch(previous === 'cancel' ? cancelPatch() : restorePatch(previous));
        return 'ok';
      },
    };
  }, [db]);
}
