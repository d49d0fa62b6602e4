import type { BoardDashboard, BoardKpi, BoardValue, DashboardSummary, KpiTile } from '@coulisses/shared/kpi/board';
import { useEffect, useMemo, useState } from 'react';
import { kpiWorker } from '../../workers/kpi-client';
import { boardValueOf, mapDocs } from './board-input';
import { useOrgToday } from './board-queries';
import type { Kpi, KpiValueDoc } from './types';

/** A KPI of the local store as the KPI worker reads it (plain data: no document, no automatic settings). */
export function boardKpiOfKpi(k: Kpi): BoardKpi {
  return {
    id: k.id,
    name: k.name,
    unit: k.unit,
    decimals: k.decimals,
    frequency: k.frequency,
    direction: k.direction,
    target: k.target,
    thresholds: k.thresholds,
    aggregation: k.aggregation,
    active: k.active,
    gracePeriodDays: k.gracePeriodDays,
  };
}

export interface WorkerTiles {
  /** Tiles by KPI id; null until the worker has answered for these KPIs, values and day (show a Skeleton). */
  tiles: ReadonlyMap<string, KpiTile> | null;
  /** Status counts of the dashboards asked, by dashboard id (null with `tiles`). */
  dashboards: ReadonlyMap<string, DashboardSummary> | null;
}

/**
 * Tiles of KPIs and the status counts of dashboards, computed by the KPI worker through comlink
 * (client/src/workers/kpi-client.ts; rules shared/src/kpi/board.ts). `ready` false (the store still loading)
 * asks nothing.
 */
export function useWorkerTiles(kpis: readonly Kpi[], values: readonly KpiValueDoc[], ready: boolean, dashboards?: readonly BoardDashboard[]): WorkerTiles {
  const today = useOrgToday();
  const request = useMemo(
    () => ({
      today,
      kpis: kpis.map(boardKpiOfKpi),
      values: mapDocs<KpiValueDoc, BoardValue>(values, boardValueOf),
      dashboards: dashboards ? [...dashboards] : undefined,
    }),
    [today, kpis, values, dashboards],
  );
  // What an answer is about: the day, the KPIs and the dashboards (not the values, see below).
  const about = `${today}|${request.kpis.map((k) => k.id).join(',')}|${(dashboards ?? []).map((d) => `${d.id}:${d.kpiIds.join(',')}`).join(';')}`;
  const [answer, setAnswer] = useState<{ about: string; result: WorkerTiles } | null>(null);

  useEffect(() => {
    if (!ready) return undefined;
    let live = true;
    kpiWorker()
      .dashboardTiles(request)
      .then(
        (res) => {
          if (!live) return;
          const result: WorkerTiles = {
            tiles: new Map(res.tiles.map((t) => [t.kpiId, t])),
            dashboards: new Map(res.dashboards.map((d) => [d.id, d])),
          };
          setAnswer({ about, result });
        },
        (error: unknown) => console.error('KPI tiles failed', error),
      );
    return () => {
      live = false;
    };
  }, [request, ready, about]);

  // A new value keeps the tiles of the same KPIs on screen until the worker's next answer (a few ms, no flicker);
  // other KPIs, dashboards or another day show the loading state, never tiles computed for something else.
  return answer && answer.about === about ? answer.result : { tiles: null, dashboards: null };
}
