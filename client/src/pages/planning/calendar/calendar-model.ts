import { occurrences } from '@coulisses/shared';
import { toUnavailabilities } from '@coulisses/shared/planning/shift-input';
import type { RejectedWrite } from '../../../sync/outbox';
import type { ConflictIndex } from '../conflicts/planning-request';
import type { AssignmentDoc, AvailabilityDoc, MissionDoc, UserDoc } from './calendar-types';
import { missionVisible, teamMembers, timelinePeople, visibleAssignments, type CalendarFilter } from './filters';

/** A window in which a person declared themselves unavailable (approved: greyed; pending: hatched). */
export interface UnavailableWindow {
  start: number;
  end: number;
  status: 'APPROVED' | 'PENDING';
}

/** Everything the calendar's views draw, derived from the local store's documents. */
export interface CalendarModel {
  from: number;
  to: number;
  /** Missions in the range that the filter shows, by start. */
  missions: MissionDoc[];
  missionById: Map<string, MissionDoc>;
  /** Per mission, the assignments the filter shows. */
  assignmentsByMission: Map<string, AssignmentDoc[]>;
  /** Per mission, every live assignment (duplicates are checked against these). */
  allByMission: Map<string, AssignmentDoc[]>;
  assignmentById: Map<string, AssignmentDoc>;
  usersById: Map<string, UserDoc>;
  /** The timeline's rows. */
  people: UserDoc[];
  unavailable: Map<string, UnavailableWindow[]>;
  conflicts: ConflictIndex;
  /** Refused writes of missions and assignments, by `collection:id`. */
  refused: Map<string, RejectedWrite>;
}

export interface ModelInput {
  from: number;
  to: number;
  tz: string;
  filter: CalendarFilter;
  missions: readonly MissionDoc[];
  assignments: readonly AssignmentDoc[];
  users: readonly UserDoc[];
  availabilities: readonly AvailabilityDoc[];
  conflicts: ConflictIndex;
  refused: readonly RejectedWrite[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildModel(input: ModelInput): CalendarModel {
  const { from, to, filter } = input;
  const members = teamMembers(input.users, filter.team);
  const missionById = new Map<string, MissionDoc>();
  for (const m of input.missions) if (!m._deleted) missionById.set(m.id, m);
  const allByMission = new Map<string, AssignmentDoc[]>();
  const assignmentById = new Map<string, AssignmentDoc>();
  for (const a of input.assignments) {
    if (a._deleted || !missionById.has(a.missionId)) continue;
    push(allByMission, a.missionId, a);
    assignmentById.set(a.id, a);
  }
  const missions: MissionDoc[] = [];
  const assignmentsByMission = new Map<string, AssignmentDoc[]>();
  const withAssignments = new Set<string>();
  for (const m of missionById.values()) {
    if (Date.parse(m.endAt) <= from || Date.parse(m.startAt) >= to) continue;
    const visible = visibleAssignments(allByMission.get(m.id) ?? [], filter, members);
    if (!missionVisible(m, visible, filter)) continue;
    missions.push(m);
    assignmentsByMission.set(m.id, visible);
    for (const a of visible) withAssignments.add(a.userId);
  }
  const usersById = new Map(input.users.filter((u) => !u._deleted).map((u) => [u.id, u]));
  const people = timelinePeople(input.users, filter, members, withAssignments);
  const unavailable = new Map<string, UnavailableWindow[]>();
  for (const u of toUnavailabilities(input.availabilities)) {
    if (u.status === 'REJECTED') continue;
    for (const o of occurrences(u, from, to, input.tz)) push(unavailable, u.userId, { ...o, status: u.status });
  }
  const refused = new Map<string, RejectedWrite>();
  for (const r of input.refused) if (r.collection === 'missions' || r.collection === 'assignments') refused.set(`${r.collection}:${r.id}`, r);
  return { from, to, missions, missionById, assignmentsByMission, allByMission, assignmentById, usersById, people, unavailable, conflicts: input.conflicts, refused };
}
