import type { ConventionProfile, PlanningConflict } from '@coulisses/shared';
import type { ElsewhereHours } from '@coulisses/shared/planning/elsewhere';
import { useEffect, useMemo, useState } from 'react';
import type { DetectRequest, DetectStats } from '../../../workers/planning-api';
import { planningWorker } from '../../../workers/planning-client';
import { publishDetection } from './perf-handle';
import { planningRequest, type PlanningInput } from './planning-request';

export interface PlanningConflicts {
  conflicts: PlanningConflict[];
  /** The answer is for the current data (false while the worker computes a newer one). */
  ready: boolean;
  stats: DetectStats | null;
  error: string | null;
}

const DEBOUNCE_MS = 40;

/**
 * Planning conflicts of the data in the worker (detectConflicts from shared), again whenever the data change;
 * only conflicts with an assignment in [from, to) are answered. `skip` holds the call while data load.
 */
export function usePlanningConflicts(input: PlanningInput, profile: ConventionProfile, tz: string, from: number, to: number, skip: boolean, elsewhere?: readonly ElsewhereHours[]): PlanningConflicts {
  const { missions, assignments, availabilities } = input;
  const request = useMemo(() => planningRequest({ missions, assignments, availabilities }, profile, tz, { from, to }, elsewhere), [missions, assignments, availabilities, profile, tz, from, to, elsewhere]);
  const [state, setState] = useState<{ request: DetectRequest; conflicts: PlanningConflict[]; stats: DetectStats | null; error: string | null } | null>(null);

  // The worker starts while the store opens and the queries run (its script and module load off the critical path).
  useEffect(() => {
    planningWorker();
  }, []);

  useEffect(() => {
    if (skip) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      const started = performance.now();
      planningWorker()
        .detect(request)
        .then((result) => {
          if (!live) return;
          setState({ request, conflicts: result.conflicts, stats: result.stats, error: null });
          const win = request.window;
          publishDetection({ ...result.stats, roundTripMs: performance.now() - started, conflicts: result.conflicts.length, from: win?.from ?? null, to: win?.to ?? null });
        })
        .catch((caught: unknown) => {
          if (live) setState({ request, conflicts: [], stats: null, error: caught instanceof Error ? caught.message : String(caught) });
        });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request, skip]);

  return { conflicts: state?.conflicts ?? [], ready: state !== null && state.request === request, stats: state?.stats ?? null, error: state?.error ?? null };
}
