import type { PlanningConflict } from '@coulisses/shared/planning/conflicts';
import type { ElsewhereHours } from '@coulisses/shared/planning/elsewhere';
import type { ConventionProfile } from '@coulisses/shared/planning/profiles';
import type { AssignmentLink, AvailabilityWindow, MissionTimes } from '@coulisses/shared/planning/shift-input';
import type { Replacement, ReplacementCandidate, ReplacementMission } from '@coulisses/shared/planning/replacements';

/** The planning data the rules read (plain, structured-clonable). */
export interface PlanningData {
  missions: MissionTimes[];
  assignments: AssignmentLink[];
  availabilities: AvailabilityWindow[];
  profile: ConventionProfile;
  tz: string;
}

export interface DetectRequest extends PlanningData {
  /** Only conflicts with an assignment meeting [from, to) are answered (the rest of the data is context). */
  window?: { from: number; to: number };
  /** Hours the persons work for other organisations per civil week (GET /api/v1/planning/elsewhere). */
  elsewhere?: ElsewhereHours[];
}

export interface DetectStats {
  shifts: number;
  users: number;
  /** People whose conflicts were computed again (the others had the same shifts as the previous call). */
  recomputedUsers: number;
  /** Time in detectConflicts and its bookkeeping, in the worker. */
  detectMs: number;
  /** Time of a plain loop over the same shifts (hours per person), the benchmark's baseline. */
  baselineMs: number;
}

export interface DetectResult {
  conflicts: PlanningConflict[];
  stats: DetectStats;
}

export interface SuggestRequest extends PlanningData {
  mission: ReplacementMission;
  role?: string;
  replacedAssignmentId?: string;
  people: ReplacementCandidate[];
}

/** What the planning worker offers through comlink (every method may also run inline, see planning-client). */
export interface PlanningWorkerApi {
  detect(request: DetectRequest): Promise<DetectResult>;
  suggest(request: SuggestRequest): Promise<Replacement[]>;
}
