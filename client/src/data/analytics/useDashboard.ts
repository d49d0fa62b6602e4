import type { DashboardQuery, DashboardResult } from '@coulisses/shared/analytics/dashboard-types';
import { useEffect, useState } from 'react';
import { analyticsWorker } from '../../workers/analytics-client';
import type { LocalSlices } from './slices';

export interface DashboardState {
  /** The last result (kept on screen while the next query computes). */
  result: DashboardResult | null;
  /** A query or a load is under way in the worker. */
  computing: boolean;
  error: unknown;
}

/**
 * The dashboard of a query over the local slices, computed in the analytics worker: the slices go to the worker
 * once per version (a sync that changes them), each query (a filter change) sends only the query. Nothing here
 * waits for the network.
 */
export function useAnalyticsDashboard(slices: LocalSlices, withPay: boolean, query: DashboardQuery | null): DashboardState {
  const [loaded, setLoaded] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ key: string | null; result: DashboardResult | null; error: unknown }>({ key: null, result: null, error: null });
  const version = `${withPay ? 'pay' : 'nopay'}#${slices.version}`;
  const queryKey = query ? JSON.stringify(query) : null;
  const key = queryKey === null ? null : `${version}|${queryKey}`;

  useEffect(() => {
    let live = true;
    analyticsWorker()
      .load({ hours: slices.hours, pay: withPay ? slices.pay : null, missions: slices.missions, incidents: slices.incidents }, version)
      .then(
        () => live && setLoaded(`${version}@${generation}`),
        (error: unknown) => live && setAnswer((a) => ({ ...a, error })),
      );
    return () => {
      live = false;
    };
    // The slices' content is named by the version: a new array with the same version is not sent again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, generation]);

  useEffect(() => {
    if (loaded !== `${version}@${generation}` || queryKey === null || key === null) return undefined;
    let live = true;
    analyticsWorker()
      .compute({ ...(JSON.parse(queryKey) as DashboardQuery), version })
      .then(
        (res) => {
          if (!live) return;
          // The worker holds other slices (restarted, or another tab's load): load again.
          if (res.stale) setGeneration((g) => g + 1);
          else setAnswer({ key, result: res.result, error: null });
        },
        (error: unknown) => live && setAnswer((a) => ({ ...a, key, error })),
      );
    return () => {
      live = false;
    };
  }, [loaded, version, generation, queryKey, key]);

  return { result: answer.result, computing: key !== answer.key, error: answer.error };
}
