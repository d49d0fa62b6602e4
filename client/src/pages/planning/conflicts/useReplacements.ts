import type { ConventionProfile } from '@coulisses/shared';
import type { Replacement } from '@coulisses/shared/planning/replacements';
import { useEffect, useMemo, useState } from 'react';
import { planningWorker } from '../../../workers/planning-client';
import { personName, type MissionDoc, type UserDoc } from '../calendar/calendar-types';
import { planningRequest, type PlanningInput } from './planning-request';

export interface Replacements {
  list: Replacement[] | null;
  error: string | null;
}

/** Suggested replacements (worker) for one assignment of a mission, again whenever the data change. */
export function useReplacements(input: PlanningInput, users: readonly UserDoc[], mission: MissionDoc | undefined, assignmentId: string, role: string | undefined, profile: ConventionProfile, tz: string): Replacements {
  const { missions, assignments, availabilities } = input;
  const request = useMemo(() => {
    if (!mission) return null;
    const base = planningRequest({ missions, assignments, availabilities }, profile, tz);
    const people = users.filter((u) => !u._deleted).map((u) => ({ id: u.id, skills: u.skills, active: u.active, label: personName(u) }));
    const target = { id: mission.id, start: Date.parse(mission.startAt), end: Date.parse(mission.endAt), needs: mission.needs };
    return { ...base, mission: target, people, replacedAssignmentId: assignmentId, ...(role ? { role } : {}) };
  }, [missions, assignments, availabilities, users, mission, assignmentId, role, profile, tz]);
  const [state, setState] = useState<{ request: unknown; list: Replacement[] | null; error: string | null }>({ request: null, list: null, error: null });

  useEffect(() => {
    if (!request) return undefined;
    let live = true;
    planningWorker()
      .suggest(request)
      .then((list) => live && setState({ request, list, error: null }))
      .catch((caught: unknown) => live && setState({ request, list: null, error: caught instanceof Error ? caught.message : String(caught) }));
    return () => {
      live = false;
    };
  }, [request]);

  return state.request === request ? { list: state.list, error: state.error } : { list: null, error: null };
}
