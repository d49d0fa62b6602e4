import { ASSIGNMENT_STATUSES, type AssignmentDoc, type AssignmentStatus, type MissionDoc, type UserDoc } from './calendar-types';

export interface CalendarFilter {
  statuses: readonly AssignmentStatus[];
  person: string | null;
  team: string | null;
  project: string | null;
}

/** Members of a team (users.teamIds). */
export function teamMembers(users: readonly UserDoc[], team: string | null): Set<string> | null {
  if (!team) return null;
  return new Set(users.filter((u) => u.teamIds.includes(team)).map((u) => u.id));
}

/** The assignments the filter shows: their status is picked, and they belong to the person or team picked. */
export function visibleAssignments(list: readonly AssignmentDoc[], filter: CalendarFilter, members: Set<string> | null): AssignmentDoc[] {
  return list.filter((a) => !a._deleted && filter.statuses.includes(a.status) && (!filter.person || a.userId === filter.person) && (!members || members.has(a.userId)));
}

/**
 * Whether a mission shows: its project is the one picked; with a person filter it must have one of their
 * assignments; with a team filter it is the team's mission or has a member's assignment; with only some
 * statuses picked it must have an assignment in one of them.
 */
export function missionVisible(mission: MissionDoc, visible: readonly AssignmentDoc[], filter: CalendarFilter): boolean {
  if (mission._deleted) return false;
  if (filter.project && mission.projectId !== filter.project) return false;
  if (filter.person) return visible.length > 0;
  if (filter.team) return mission.teamId === filter.team || visible.length > 0;
  if (filter.statuses.length < ASSIGNMENT_STATUSES.length) return visible.length > 0;
  return true;
}

/** The timeline's rows: the person picked, or the team's members, or every active person (and anyone shown). */
export function timelinePeople(users: readonly UserDoc[], filter: CalendarFilter, members: Set<string> | null, withAssignments: Set<string>): UserDoc[] {
  const rows = users.filter((u) => {
    if (u._deleted) return false;
    if (filter.person) return u.id === filter.person;
    if (members) return members.has(u.id);
    return u.active || withAssignments.has(u.id);
  });
  return rows.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id));
}

/** How many filters are on (for the toolbar's "Filters" count): a person, a team, a project, a narrowed status set. */
export function activeFilterCount(filter: CalendarFilter, allStatuses: number): number {
  return [filter.person, filter.team, filter.project].filter(Boolean).length + (filter.statuses.length < allStatuses ? 1 : 0);
}
