/** The crew view: one row per assignment of a person whose mission is known locally. */
export interface CrewRow<A, M> {
  assignment: A;
  mission: M;
}

/**
 * The signed-in person's assignments joined to their missions: upcoming ones (not ended yet) soonest first,
 * past ones most recent first. Assignments whose mission is not in the local copy are left out.
 */
export function crewRows<A extends { missionId: string; userId: string }, M extends { id: string; startAt: string; endAt: string }>(
  assignments: readonly A[],
  missions: readonly M[],
  userId: string,
  now: number,
): { upcoming: CrewRow<A, M>[]; past: CrewRow<A, M>[] } {
  const byId = new Map(missions.map((m) => [m.id, m]));
  const rows = assignments
    .filter((a) => a.userId === userId)
    .map((a) => ({ assignment: a, mission: byId.get(a.missionId) }))
    .filter((r): r is CrewRow<A, M> => r.mission !== undefined);
  const upcoming = rows.filter((r) => Date.parse(r.mission.endAt) > now).sort((a, b) => a.mission.startAt.localeCompare(b.mission.startAt));
  const past = rows.filter((r) => Date.parse(r.mission.endAt) <= now).sort((a, b) => b.mission.startAt.localeCompare(a.mission.startAt));
  return { upcoming, past };
}
