import { uuidv7 } from '@coulisses/shared';
import { assignBlocker, blocks } from '@coulisses/shared/planning/assign-check';
import { applyTemplate, type ApplyTemplateInput } from '@coulisses/shared/planning/templates';
import { byId } from '../../../../data/queries';
import type { AssignmentDoc, MissionDoc } from '../../../../data/types';
import { useLocalWrites } from '../../../../data/useLocalWrites';
import { useOrgContext } from '../../../../data/org/useOrgContext';

export interface ApplyResult {
  missions: number;
  assignments: number;
  skipped: number;
}

/**
 * Applies a template: writes the missions and the INVITED assignments of the team's members locally. Under
 * overlapPolicy REFUSE a member already busy at that time (local copy) is not invited to that mission.
 */
export function useApplyTemplate(existingMissions: MissionDoc[], existingAssignments: AssignmentDoc[]) {
  const writes = useLocalWrites();
  const { settings } = useOrgContext();
  if (!writes) return null;
  return async (input: Omit<ApplyTemplateInput, 'skip'>): Promise<ApplyResult> => {
    const missionsById = byId(existingMissions);
    const skip = (userId: string, m: { startAt: string; endAt: string }) => blocks(assignBlocker({ id: '', status: 'DRAFT', ...m }, userId, existingAssignments, missionsById), settings.overlapPolicy);
    const out = applyTemplate({ ...input, skip }, () => uuidv7(), new Date().toISOString());
    await writes.bulkInsert('missions', out.missions);
    await writes.bulkInsert('assignments', out.assignments);
    return { missions: out.missions.length, assignments: out.assignments.length, skipped: out.skipped.length };
  };
}
