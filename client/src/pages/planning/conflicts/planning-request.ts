import type { ConventionProfile, PlanningConflict } from '@coulisses/shared';
import type { ElsewhereHours } from '@coulisses/shared/planning/elsewhere';
import { isActiveAssignment } from '@coulisses/shared/planning/shift-input';
import type { DetectRequest } from '../../../workers/planning-api';
import type { AssignmentDoc, AvailabilityDoc, MissionDoc, Severity } from '../calendar/calendar-types';

export interface PlanningInput {
  missions: readonly MissionDoc[];
  assignments: readonly AssignmentDoc[];
  availabilities: readonly AvailabilityDoc[];
}

/**
 * What the worker needs, and only that (structured clone cost): the missions' times and status, the active
 * assignments (INVITED, ACCEPTED) of those missions, the declared unavailabilities, the profile and zone.
 */
export function planningRequest(input: PlanningInput, profile: ConventionProfile, tz: string, window?: { from: number; to: number }, elsewhere?: readonly ElsewhereHours[]): DetectRequest {
  const missionIds = new Set<string>();
  const missions = [];
  for (const m of input.missions) {
    if (m._deleted) continue;
    missionIds.add(m.id);
    missions.push({ id: m.id, startAt: m.startAt, endAt: m.endAt, status: m.status });
  }
  const assignments = input.assignments
    .filter((a) => isActiveAssignment(a) && missionIds.has(a.missionId))
    .map((a) => ({ id: a.id, missionId: a.missionId, userId: a.userId, status: a.status }));
  const availabilities = input.availabilities
    .filter((a) => !a._deleted && a.kind === 'UNAVAILABLE')
    .map((a) => ({ id: a.id, userId: a.userId, kind: a.kind, startAt: a.startAt, endAt: a.endAt, weeklyUntil: a.weeklyUntil, status: a.status }));
  return { missions, assignments, availabilities, profile, tz, ...(window ? { window } : {}), ...(elsewhere?.length ? { elsewhere: [...elsewhere] } : {}) };
}

export interface ConflictIndex {
  byMission: Map<string, Severity>;
  byAssignment: Map<string, Severity>;
}

/** Which missions and assignments are in a conflict, and how badly (an error beats a warning). */
export function conflictIndex(conflicts: readonly PlanningConflict[]): ConflictIndex {
  const byMission = new Map<string, Severity>();
  const byAssignment = new Map<string, Severity>();
  const mark = (map: Map<string, Severity>, id: string, s: Severity) => {
    if (map.get(id) !== 'error') map.set(id, s);
  };
  for (const c of conflicts) {
    for (const id of c.missionIds) mark(byMission, id, c.severity);
    for (const id of c.assignmentIds) mark(byAssignment, id, c.severity);
  }
  return { byMission, byAssignment };
}

/** A stable key of a conflict (kind, person, period and the assignments involved). */
export function conflictKey(c: PlanningConflict): string {
  return [c.kind, c.userId, c.period ?? '', ...c.assignmentIds].join(':');
}
