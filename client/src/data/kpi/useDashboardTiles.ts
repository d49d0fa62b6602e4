import { localDate } from '@coulisses/shared';
import { useMemo } from 'react';
import { useNow } from '../../lib/useNow';
import { useOrgContext } from '../org/useOrgContext';
import { dashboardTiles, type KpiTileView } from './tiles';
import type { Kpi, KpiValueDoc } from './types';

/** Today in the organisation's zone (KPI periods are local dates). */
export function useOrgToday(): string {
  const { tz } = useOrgContext();
  // Refreshed every minute: a page left open over midnight moves to the new day (and period).
  return localDate(useNow(), tz);
}

/**
 * The tiles of a dashboard (statuses, trend, sparkline, year to date). Computed here with the shared rules until
 * the KPI worker (client/src/workers/kpi.worker.ts) lands; then only `compute` changes.
 */
export function useDashboardTiles(kpiIds: readonly string[], kpis: ReadonlyMap<string, Kpi>, values: ReadonlyMap<string, readonly KpiValueDoc[]>): KpiTileView[] {
  const today = useOrgToday();
  const key = kpiIds.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids are compared by their joined key
  return useMemo(() => compute(kpiIds, kpis, values, today), [key, kpis, values, today]);
}

const compute = dashboardTiles;
