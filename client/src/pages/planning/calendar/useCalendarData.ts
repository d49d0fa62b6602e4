import { DAY } from '@coulisses/shared';
import { useMemo } from 'react';
import type { AssignmentDoc, AvailabilityDoc, MissionDoc, ProjectDoc, ReferenceDoc, UserDoc } from './calendar-types';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';

/** Moving through ranges keeps the previous result on screen until the next one answers. */
const KEEP = { keepPrevious: true } as const;

/** Shifts this far before a range count for its rules (the 12-week average), so they are loaded too. */
export const LOOKBACK_MS = 12 * 7 * DAY;
/** A mission shows in a range when it started at most this long before it (shifts last hours, not weeks). */
export const LONGEST_MISSION_MS = 7 * DAY;
/** The rules' context is loaded by blocks of 4 weeks, so that moving week by week mostly reuses the same query. */
const BLOCK_MS = 28 * DAY;

export interface CalendarData {
  /** Missions that may show in the range (starting up to a week before it). */
  missions: MissionDoc[];
  /** Missions the planning rules need around the range: from 12 weeks before it to a day after it, or more. */
  context: MissionDoc[];
  /** The assignments of `missions` (and of a few more missions around them). */
  assignments: AssignmentDoc[];
  /** The assignments of `context`. */
  contextAssignments: AssignmentDoc[];
  users: UserDoc[];
  teams: ReferenceDoc[];
  projects: ProjectDoc[];
  availabilities: AvailabilityDoc[];
  loading: boolean;
  /** The missions shown are those of the previous range (the new range's query has not answered yet). */
  stale: boolean;
  /** The rules' context is that of the previous range. */
  contextStale: boolean;
}

const ALL = {};
const TEAMS = { selector: { kind: 'team' } };
const iso = (ms: number) => new Date(ms).toISOString();

function startsBetween(from: number, to: number) {
  return { selector: { startAt: { $gte: iso(from), $lt: iso(to) } }, sort: [{ startAt: 'asc' as const }] };
}

/** The assignments of the missions starting in [from, to): one range of their `missionStartAt` index. */
function missionStartsBetween(from: number, to: number) {
  return { selector: { missionStartAt: { $gte: iso(from), $lt: iso(to) } }, sort: [{ missionStartAt: 'asc' as const }] };
}

/**
 * The local store's planning data around a range [from, to), live: a small query for what the range shows
 * (it answers first, the view does not wait for more) and a larger one for the rules' context.
 */
export function useCalendarData(from: number, to: number): CalendarData {
  const visibleQuery = useMemo(() => startsBetween(from - LONGEST_MISSION_MS, to), [from, to]);
  const visibleAssignmentsQuery = useMemo(() => missionStartsBetween(from - LONGEST_MISSION_MS, to), [from, to]);
  const contextFrom = Math.floor((from - LOOKBACK_MS) / BLOCK_MS) * BLOCK_MS;
  const contextTo = Math.ceil((to + DAY) / BLOCK_MS) * BLOCK_MS;
  const contextQuery = useMemo(() => startsBetween(contextFrom, contextTo), [contextFrom, contextTo]);
  const contextAssignmentsQuery = useMemo(() => missionStartsBetween(contextFrom, contextTo), [contextFrom, contextTo]);
  const missions = useCollectionQuery<MissionDoc>('missions', visibleQuery, KEEP);
  const context = useCollectionQuery<MissionDoc>('missions', contextQuery, KEEP);
  const assignments = useCollectionQuery<AssignmentDoc>('assignments', visibleAssignmentsQuery, KEEP);
  const contextAssignments = useCollectionQuery<AssignmentDoc>('assignments', contextAssignmentsQuery, KEEP);
  const users = useCollectionQuery<UserDoc>('users', ALL, KEEP);
  const teams = useCollectionQuery<ReferenceDoc>('reference', TEAMS, KEEP);
  const projects = useCollectionQuery<ProjectDoc>('projects', ALL, KEEP);
  const availabilities = useCollectionQuery<AvailabilityDoc>('availabilities', ALL, KEEP);
  return {
    missions: missions.docs,
    context: context.docs,
    assignments: assignments.docs,
    contextAssignments: contextAssignments.docs,
    users: users.docs,
    teams: teams.docs,
    projects: projects.docs,
    availabilities: availabilities.docs,
    loading: missions.loading || assignments.loading || users.loading,
    stale: missions.stale,
    contextStale: context.loading || context.stale || contextAssignments.loading || contextAssignments.stale,
  };
}
