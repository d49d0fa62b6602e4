import { assignments, uuidv7 } from '@coulisses/shared';
import { toIso, type Interval } from '@coulisses/shared/planning/moves';
import type { AssignmentDoc, MissionDoc } from './calendar-types';

/** Every local write stamps updatedAt with now (the field-merge rule and the server read it). */
export function movePatch(iv: Interval, now: Date = new Date()): Pick<MissionDoc, 'startAt' | 'endAt' | 'updatedAt'> {
  return { ...toIso(iv), updatedAt: now.toISOString() };
}

/** A new invitation of a person to a mission, by a manager, checked against the registry schema. */
export function newAssignment(missionId: string, userId: string, role: string | undefined, now: Date = new Date(), id: string = uuidv7(now.getTime())): AssignmentDoc {
  const at = now.toISOString();
  return assignments.schema.parse({
    id,
    updatedAt: at,
    missionId,
    userId,
    ...(role ? { role } : {}),
    status: 'INVITED',
    statusChangedAt: at,
    statusChangedBy: 'MANAGER',
  });
}

/** A manager's cancellation of an assignment. */
export function cancelPatch(now: Date = new Date()): Pick<AssignmentDoc, 'status' | 'statusChangedAt' | 'statusChangedBy' | 'updatedAt'> {
  const at = now.toISOString();
  return { status: 'CANCELLED', statusChangedAt: at, statusChangedBy: 'MANAGER', updatedAt: at };
}

/** Writes back an assignment's earlier status (the undo of a manager's cancellation), stamped now. */
export function restorePatch(previous: Pick<AssignmentDoc, 'status' | 'statusChangedAt' | 'statusChangedBy'>, now: Date = new Date()): Pick<AssignmentDoc, 'status' | 'statusChangedAt' | 'statusChangedBy' | 'updatedAt'> {
  return { status: previous.status, statusChangedAt: previous.statusChangedAt, statusChangedBy: previous.statusChangedBy, updatedAt: now.toISOString() };
}

export function isActive(a: Pick<AssignmentDoc, 'status' | '_deleted'>): boolean {
  return !a._deleted && (a.status === 'INVITED' || a.status === 'ACCEPTED');
}

/** True when the person already holds an active assignment on the mission (the server would refuse another). */
export function alreadyOnMission(list: readonly AssignmentDoc[], missionId: string, userId: string): boolean {
  return list.some((a) => a.missionId === missionId && a.userId === userId && isActive(a));
}
