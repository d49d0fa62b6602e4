import type { Shift, Unavailability } from './conflicts';

/** The mission fields the planning rules read. */
export interface MissionTimes {
  id: string;
  startAt: string;
  endAt: string;
  status: string;
  _deleted?: boolean;
}

/** The assignment fields the planning rules read. */
export interface AssignmentLink {
  id: string;
  missionId: string;
  userId: string;
  status: string;
  _deleted?: boolean;
}

/** The availability fields the planning rules read. */
export interface AvailabilityWindow {
  id: string;
  userId: string;
  kind: string;
  startAt: string;
  endAt: string;
  weeklyUntil: string | null;
  status: string;
  _deleted?: boolean;
}

/** Assignment states that hold a person's time (the rules ignore DECLINED and CANCELLED). */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly string[] = ['INVITED', 'ACCEPTED'];

export function isActiveAssignment(a: Pick<AssignmentLink, 'status' | '_deleted'>): boolean {
  return !a._deleted && ACTIVE_ASSIGNMENT_STATUSES.includes(a.status);
}

/**
 * The shifts of active assignments on live missions that are not cancelled (as the server's conflict
 * endpoint builds them): one per assignment, with the mission's instants.
 */
export function toShifts(missions: readonly MissionTimes[], assignments: readonly AssignmentLink[]): Shift[] {
  const byId = new Map<string, MissionTimes>();
  for (const m of missions) if (!m._deleted && m.status !== 'CANCELLED') byId.set(m.id, m);
  const out: Shift[] = [];
  for (const a of assignments) {
    if (!isActiveAssignment(a)) continue;
    const m = byId.get(a.missionId);
    if (!m) continue;
    out.push({ assignmentId: a.id, missionId: m.id, userId: a.userId, start: Date.parse(m.startAt), end: Date.parse(m.endAt) });
  }
  return out;
}

/** Declared unavailabilities (kind UNAVAILABLE, not deleted), as the rules take them. */
export function toUnavailabilities(availabilities: readonly AvailabilityWindow[]): Unavailability[] {
  return availabilities
    .filter((a) => !a._deleted && a.kind === 'UNAVAILABLE')
    .map((a) => ({
      id: a.id,
      userId: a.userId,
      start: Date.parse(a.startAt),
      end: Date.parse(a.endAt),
      weeklyUntil: a.weeklyUntil,
      status: a.status as Unavailability['status'],
    }));
}
