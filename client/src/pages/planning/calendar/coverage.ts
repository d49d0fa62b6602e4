import type { AssignmentDoc, MissionDoc } from './calendar-types';

export type CoverageTone = 'complete' | 'partial' | 'empty';

/** How well a mission is staffed: people needed (sum of its role needs), accepted and still invited. */
export interface Coverage {
  needed: number;
  accepted: number;
  invited: number;
  tone: CoverageTone;
}

/**
 * The staffing of a mission from its needs and its assignments' statuses (declined, cancelled and deleted
 * ones do not count). null when the mission states no need (nothing to measure against). Complete: as many
 * accepted as needed; empty: nobody accepted yet; partial: in between.
 */
export function missionCoverage(mission: Pick<MissionDoc, 'id' | 'needs'>, assignments: readonly Pick<AssignmentDoc, 'missionId' | 'status' | '_deleted'>[]): Coverage | null {
  const needed = (mission.needs ?? []).reduce((sum, n) => sum + n.count, 0);
  if (needed <= 0) return null;
  let accepted = 0;
  let invited = 0;
  for (const a of assignments) {
    if (a.missionId !== mission.id || a._deleted) continue;
    if (a.status === 'ACCEPTED') accepted += 1;
    else if (a.status === 'INVITED') invited += 1;
  }
  const tone: CoverageTone = accepted >= needed ? 'complete' : accepted === 0 ? 'empty' : 'partial';
  return { needed, accepted, invited, tone };
}
