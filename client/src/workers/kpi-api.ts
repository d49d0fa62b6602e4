import type { BoardAction, BoardDashboard, BoardKpi, BoardValue, DashboardSummary, DirectionSummary, KpiTile, TileOptions } from '@coulisses/shared/kpi/board';

/**
 * The KPI worker's API (issue 12), plain structured-clonable data both ways. Callers build the requests from the
 * local store (client/src/data/kpi/board-input.ts turns reference and kpi_values documents into BoardKpi and
 * BoardValue) and pass `today`, the organisation's local date (useOrgToday or todayInZone).
 *
 *   const { tiles, dashboards } = await kpiWorker().dashboardTiles({ today, kpis, values, dashboards: [d] });
 *   tiles[i] is the tile of kpis[i] (same order): period, status, value, target, gap, trend, sparkline, ytd.
 *   dashboards[j] counts the statuses of dashboards[j]'s active KPIs (headline: its worst status).
 *
 *   const { summary } = await kpiWorker().direction({ today, kpis, values, dashboards, actions });
 *
 * The rules are shared/src/kpi/board.ts (docs/decisions/kpi-rules.md, sections 7 and 8).
 */
export interface KpiBoardData {
  /** The organisation's local date YYYY-MM-DD. */
  today: string;
  kpis: BoardKpi[];
  /** Values of those KPIs (others are ignored); one per KPI and period start. */
  values: BoardValue[];
  options?: TileOptions;
  /** Also time the bench's baseline (a plain loop over the same values) in the same call; off in the app. */
  measureBaseline?: boolean;
}

export interface TilesRequest extends KpiBoardData {
  /** Dashboards to count (optional): each gets its status counts over its KPIs among `kpis`. */
  dashboards?: BoardDashboard[];
}

export interface KpiStats {
  kpis: number;
  values: number;
  /** Time in the board rules and their bookkeeping, in the worker. */
  computeMs: number;
  /** Time of a plain loop over the same values (sum and count per KPI), the benchmark's baseline (0 unless asked). */
  baselineMs: number;
  /** What that loop summed, so it is not optimised away. */
  baselineSum: number;
}

export interface TilesResult {
  /** One tile per KPI of the request, in the same order. */
  tiles: KpiTile[];
  dashboards: DashboardSummary[];
  stats: KpiStats;
}

export interface DirectionRequest extends KpiBoardData {
  dashboards: BoardDashboard[];
  actions: BoardAction[];
  /** How many top risks (default 10). */
  topRisks?: number;
}

export interface DirectionResult {
  summary: DirectionSummary;
  stats: KpiStats;
}

/** What the KPI worker offers through comlink (every method may also run inline, see kpi-client). */
export interface KpiWorkerApi {
  /** Tiles of KPIs (a dashboard, a KPI list) and the status counts of the given dashboards. */
  dashboardTiles(request: TilesRequest): Promise<TilesResult>;
  /** The direction view: status per dashboard and process, top risks, overdue actions, open actions per owner. */
  direction(request: DirectionRequest): Promise<DirectionResult>;
}
