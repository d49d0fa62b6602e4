import type { DetectStats } from '../../../workers/planning-api';

/** The last conflict detection of this tab, on window.__ccPlanning, read by support and the benchmark. */
export interface PlanningDebugHandle {
  runs: number;
  last: (DetectStats & { roundTripMs: number; conflicts: number; from: number | null; to: number | null }) | null;
}

declare global {
  interface Window {
    __ccPlanning?: PlanningDebugHandle;
  }
}

export function publishDetection(last: NonNullable<PlanningDebugHandle['last']>): void {
  const runs = (window.__ccPlanning?.runs ?? 0) + 1;
  window.__ccPlanning = { runs, last };
}
