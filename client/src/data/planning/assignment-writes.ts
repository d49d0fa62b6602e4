import { assignments, uuidv7 } from '@coulisses/shared';
import type { AssignmentDoc } from '../types';

/** A manager's invitation of a person to a mission: INVITED, by the MANAGER, now. */
export function newAssignment(missionId: string, userId: string, role: string | null, now: Date = new Date(), id: string = uuidv7(now.getTime())): AssignmentDoc {
  const at = now.toISOString();
  const doc: Record<string, unknown> = { id, updatedAt: at, missionId, userId, status: 'INVITED', statusChangedAt: at, statusChangedBy: 'MANAGER' };
  if (role) doc.role = role.slice(0, 60);
  return assignments.schema.parse(doc);
}

/** A manager's status change (cancel, invite again): the state machine's fields together. */
export function managerStatusPatch(status: 'CANCELLED' | 'INVITED', now: Date = new Date()): Pick<AssignmentDoc, 'status' | 'statusChangedAt' | 'statusChangedBy'> {
  return { status, statusChangedAt: now.toISOString(), statusChangedBy: 'MANAGER' };
}

/**
 * An answer to one's own invitation (My missions): status, when, and by whom as the server expects it (CREW for
 * a TECH; a planner answering for themselves is the MANAGER actor); a reason only with a decline.
 */
export function crewAnswer(current: AssignmentDoc, status: 'ACCEPTED' | 'DECLINED', reason: string, actor: 'CREW' | 'MANAGER' = 'CREW', now: Date = new Date()): AssignmentDoc {
  const at = now.toISOString();
  const next: AssignmentDoc = { ...current, status, statusChangedAt: at, statusChangedBy: actor, updatedAt: at };
  const clean = reason.trim().slice(0, 500);
  if (status === 'DECLINED' && clean) next.declineReason = clean;
  else delete next.declineReason;
  return next;
}

export const ACTIVE_STATUSES: readonly AssignmentDoc['status'][] = ['INVITED', 'ACCEPTED'];
