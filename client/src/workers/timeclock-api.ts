import type { MissionRef, TimesheetDraft } from '@coulisses/shared/timeclock/timesheet-build';
import type { Punch, TimeRules } from '@coulisses/shared/timeclock/types';

/** Everything the time rules read (plain, structured-clonable). */
export interface TimeclockData {
  punches: Punch[];
  missions: MissionRef[];
  rules: TimeRules;
}

export interface TimeclockStats {
  /** Punches held by the engine. */
  punches: number;
  /** People with punches. */
  users: number;
  /** Timesheets in this answer. */
  timesheets: number;
  /** People whose timesheets were computed again for this answer. */
  recomputedUsers: number;
  /** Time in buildTimesheets and its bookkeeping, in the worker. */
  buildMs: number;
  /** Time of a plain loop over the same punches (IN to OUT durations per person), the benchmark's baseline. */
  baselineMs: number;
  /** What that loop summed (whole minutes), so it is not optimised away. */
  baselineMinutes: number;
}

export interface TimeclockResult {
  timesheets: TimesheetDraft[];
  stats: TimeclockStats;
}

/** What the time clock worker offers through comlink (every method may also run inline, see timeclock-client). */
export interface TimeclockWorkerApi {
  /** Replaces the data and computes every timesheet. */
  build(data: TimeclockData): Promise<TimeclockResult>;
  /** Adds punches (known ids are skipped) and answers the timesheets of the people they touch. */
  addPunches(punches: Punch[]): Promise<TimeclockResult>;
}
