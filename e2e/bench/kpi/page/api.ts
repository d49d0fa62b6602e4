/** What the bench page (page/main.ts) exposes on window.__kpiBench, as seen by the Node runner. */
import type { DirectionRequest, KpiStats, TilesRequest } from '../../../../client/src/workers/kpi-api';

export interface KpiSample extends KpiStats {
  /** postMessage to answer received on the page (structured clone both ways included). */
  roundTripMs: number;
  /** What the answer held (tiles, or top risks), a check that the work was done. */
  answered: number;
}

export interface RenderSample {
  /** From root.render to the commit (flushSync). */
  commitMs: number;
  /** From root.render to the next painted frame. */
  paintMs: number;
  /** Elements in the view, a check of what was drawn. */
  elements: number;
}

export interface KpiBenchApi {
  /** `runs` calls of dashboardTiles over every KPI, in the app's KPI worker (one worker, in order). */
  tiles(request: TilesRequest, runs: number): Promise<KpiSample[]>;
  /** `runs` calls of direction in the same worker. */
  direction(request: DirectionRequest, runs: number): Promise<KpiSample[]>;
  /**
   * The direction view (the app's DirectionView) rendered from a summary the worker computed, mounted afresh
   * `runs` times; `empty` renders the same view without any dashboard (the baseline).
   */
  render(request: DirectionRequest, runs: number, empty: boolean): Promise<RenderSample[]>;
}
