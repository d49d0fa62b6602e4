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
  const [loaded, setLoaded] = useState<{ version: string; generation: number } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<DashboardState>({ result: null, computing: true, error: null });
  const version = `${withPay ? 'pay' : 'nopay'}#${slices.version}`;

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, computing: true }));
    analyticsWorker()
      .load({ hours: slices.hours, pay: withPay ? slices.pay : null, missions: slices.missions, incidents: slices.incidents }, version)
      .then(
        () => live && setLoaded({ version, generation }),
        (error: unknown) => live && setState((s) => ({ ...s, computing: false, error })),
      );
    return () => {
      live = false;
    };
    // The slices' content is named by the version: a new array with the same version is not sent again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, generation]);

  const queryKey = query ? JSON.stringify(query) : null;
  useEffect(() => {
    if (!loaded || loaded.version !== version || queryKey === null) return undefined;
    let live = true;
    setState((s) => ({ ...s, computing: true }));
    analyticsWorker()
      .compute({ ...(JSON.parse(queryKey) as DashboardQuery), version })
      .then(
        (answer) => {
          if (!live) return;
          if (answer.stale) setGeneration((g) => g + 1);
          else setState({ result: answer.result, computing: false, error: null });
        },
        (error: unknown) => live && setState((s) => ({ ...s, computing: false, error })),
      );
    return () => {
      live = false;
    };
  }, [loaded, version, queryKey]);

  return state;
}
