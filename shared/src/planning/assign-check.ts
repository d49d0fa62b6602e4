/** What the local checks read of an assignment and of a mission. */
export interface AssignmentLike {
  id: string;
  missionId: string;
  userId: string;
  status: 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';
}

export interface MissionSpan {
  id: string;
  startAt: string;
  endAt: string;
  status: string;
}

export type AssignBlocker = { kind: 'DUPLICATE' } | { kind: 'OVERLAP'; missionIds: string[] };

const ACTIVE = new Set(['INVITED', 'ACCEPTED']);

export function isActiveAssignment(a: Pick<AssignmentLike, 'status'>): boolean {
  return ACTIVE.has(a.status);
}

/**
 * Why assigning `userId` to `mission` would be refused or warned about, from the local copy (the server decides
 * again): an active assignment on the same mission (DUPLICATE), or active ones on other missions, not
 * cancelled, whose times intersect (OVERLAP; touching ends do not).
 */
export function assignBlocker(mission: MissionSpan, userId: string, assignments: readonly AssignmentLike[], missionsById: ReadonlyMap<string, MissionSpan>): AssignBlocker | null {
  const mine = assignments.filter((a) => a.userId === userId && isActiveAssignment(a));
  if (mine.some((a) => a.missionId === mission.id)) return { kind: 'DUPLICATE' };
  const start = Date.parse(mission.startAt);
  const end = Date.parse(mission.endAt);
  const overlapping = mine
    .map((a) => missionsById.get(a.missionId))
    .filter((m): m is MissionSpan => Boolean(m) && m!.status !== 'CANCELLED' && m!.id !== mission.id)
    .filter((m) => Date.parse(m.startAt) < end && start < Date.parse(m.endAt))
    .map((m) => m.id);
  return overlapping.length > 0 ? { kind: 'OVERLAP', missionIds: [...new Set(overlapping)] } : null;
}

/** Under REFUSE an overlap blocks like a duplicate; under WARN it only warns. A duplicate always blocks. */
export function blocks(blocker: AssignBlocker | null, overlapPolicy: 'WARN' | 'REFUSE'): boolean {
  if (!blocker) return false;
  return blocker.kind === 'DUPLICATE' || overlapPolicy === 'REFUSE';
}
