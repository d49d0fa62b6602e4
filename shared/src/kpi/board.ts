import { daysOverdue, isOpenAction, isOverdue, type ActionLike } from './actions';
import { aggregateWindow, type KpiAggregate } from './aggregate';
import type { KpiDefinition } from './definition';
import { targetFor } from './definition';
import { PeriodCache } from './period-cache';
import { valueStatus, type KpiPeriodStatus } from './period-status';
import type { KpiFrequency } from './periods';
import type { KpiStatus } from './status';
import { kpiNow, worstStatus, type StatusCounts } from './reporting';
import type { KpiTrend, KpiTrendReading } from './trend';

export { PeriodCache };

/**
 * Board summaries of KPIs (issue 12, docs/decisions/kpi-rules.md sections 7 and 8), pure: the tile of a KPI, the status
 * counts of a dashboard, and the direction view (status per dashboard and per process, top risks, overdue
 * actions, open actions per owner). The caller passes `today`, the organisation's local date.
 */

/** What the board reads of a KPI: its definition and its id. */
export type BoardKpi = Pick<
  KpiDefinition,
  'name' | 'unit' | 'decimals' | 'frequency' | 'direction' | 'target' | 'thresholds' | 'aggregation' | 'active' | 'gracePeriodDays'
> & { id: string; ownerUserId?: string | null };

/** One value of a KPI for one period (a kpi_values document, reduced). */
export interface BoardValue {
  kpiId: string;
  periodStart: string;
  value: number;
}

export interface BoardDashboard {
  id: string;
  name: string;
  /** Free text: Production, Logistique, Accueil... */
  process: string;
  kpiIds: readonly string[];
}

export interface BoardAction extends ActionLike {
  id: string;
  kpiId: string;
  title: string;
  ownerUserId: string | null;
  progress: number;
}

export interface TileOptions {
  /** Periods drawn by the sparkline, ending with the tile's period (default 12). */
  sparklinePeriods?: number;
  /** Periods read by the trend, ending with the tile's period (default 6). */
  trendPeriods?: number;
}

export const DEFAULT_SPARKLINE_PERIODS = 12;
export const DEFAULT_TREND_PERIODS = 6;

export interface KpiTile {
  kpiId: string;
  name: string;
  unit: string;
  decimals: number;
  active: boolean;
  /** The period the tile shows: the current one when it has a value, otherwise the previous one. */
  period: { start: string; end: string; key: string };
  status: KpiPeriodStatus;
  value: number | null;
  target: number | null;
  /** Gap to the target on the bad side, a fraction of abs(target) (0.25: 25 % short; 0 on the good side); null without a value or a non-zero target (reporting.ts). */
  gap: number | null;
  trend: KpiTrend | null;
  sparkline: { periods: string[]; values: (number | null)[]; targets: (number | null)[] };
  /** Year to date as of today, rated like a period (null: no value, no target for the bands, or ABSOLUTE bands summed). */
  ytd: KpiAggregate & { status: KpiStatus | null };
}


type ValuesOf = ReadonlyMap<string, number> | readonly Pick<BoardValue, 'periodStart' | 'value'>[];

function asMap(values: ValuesOf): ReadonlyMap<string, number> {
  if (values instanceof Map) return values;
  const m = new Map<string, number>();
  for (const v of values as readonly Pick<BoardValue, 'periodStart' | 'value'>[]) if (Number.isFinite(v.value)) m.set(v.periodStart, v.value);
  return m;
}

/** Values grouped by KPI then period start, for many tiles at once. */
export function groupValues(values: readonly BoardValue[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue;
    let m = out.get(v.kpiId);
    if (!m) out.set(v.kpiId, (m = new Map()));
    m.set(v.periodStart, v.value);
  }
  return out;
}

/**
 * The tile of one KPI: `kpiNow` (reporting.ts) decides its period, status, value, target, gap and trend; the tile
 * adds the unit, decimals, sparkline and year to date.
 */
export function kpiTile(
  kpi: BoardKpi,
  values: ValuesOf,
  today: string,
  options: TileOptions = {},
  cache: PeriodCache = new PeriodCache(),
  /** The KPI's first period with a value when `values` holds only some (kpiTiles); by default the earliest of them. */
  firstValuePeriod?: string | null,
): KpiTile {
  const byPeriod = asMap(values);
  const f = kpi.frequency;
  const now = kpiNow(kpi, byPeriod, today, { trendPeriods: options.trendPeriods, cache, firstValuePeriod });

  const sparkN = Math.max(1, options.sparklinePeriods ?? DEFAULT_SPARKLINE_PERIODS);
  const periods = cache.last(now.period, f, sparkN);

  const ytd = aggregateWindow({ frequency: f, aggregation: kpi.aggregation, target: kpi.target, values: byPeriod }, cache.ytd(today, f));
  const summed = kpi.thresholds.kind === 'ABSOLUTE' && kpi.aggregation === 'SUM';
  const ytdStatus = ytd.value === null || summed ? null : valueStatus(ytd.value, kpi, ytd.target);

  return {
    kpiId: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    decimals: kpi.decimals,
    active: kpi.active,
    period: { ...cache.period(now.period, f) },
    status: now.status,
    value: now.value,
    target: now.target,
    gap: now.gap,
    trend: now.trend,
    sparkline: { periods, values: periods.map((p) => byPeriod.get(p) ?? null), targets: periods.map((p) => targetFor(kpi.target, p)) },
    ytd: { ...ytd, status: ytdStatus },
  };
}

export function emptyCounts(): StatusCounts {
  return { GREEN: 0, ORANGE: 0, RED: 0, UNRATED: 0, NO_DATA: 0, LATE: 0 };
}

/** The headline status of counts: the worst present (reporting.ts STATUS_SEVERITY); null for none. */
export function headlineOf(counts: StatusCounts): KpiPeriodStatus | null {
  return worstStatus(counts);
}

export interface DashboardSummary {
  id: string;
  name: string;
  process: string;
  /** Active KPIs of the dashboard found among the tiles, by status. */
  counts: StatusCounts;
  kpis: number;
  headline: KpiPeriodStatus | null;
}

/** Status counts of a dashboard's active KPIs (KPIs not among the tiles, or inactive, are left out). */
export function dashboardSummary(dashboard: BoardDashboard, tiles: ReadonlyMap<string, KpiTile>): DashboardSummary {
  const counts = emptyCounts();
  let kpis = 0;
  for (const id of new Set(dashboard.kpiIds)) {
    const tile = tiles.get(id);
    if (!tile || !tile.active) continue;
    counts[tile.status]++;
    kpis++;
  }
  return { id: dashboard.id, name: dashboard.name, process: dashboard.process.trim(), counts, kpis, headline: headlineOf(counts) };
}

export interface ProcessSummary {
  process: string;
  dashboardIds: string[];
  /** Active KPIs of the process's dashboards, each counted once. */
  counts: StatusCounts;
  kpis: number;
  headline: KpiPeriodStatus | null;
}

export interface TopRisk {
  kpiId: string;
  name: string;
  unit: string;
  decimals: number;
  status: 'RED' | 'ORANGE';
  value: number;
  target: number | null;
  gap: number | null;
  trend: KpiTrend['reading'];
  period: KpiTile['period'];
  dashboardIds: string[];
}

export interface OverdueAction {
  id: string;
  kpiId: string;
  kpiName: string | null;
  title: string;
  ownerUserId: string | null;
  dueDate: string;
  daysOverdue: number;
  progress: number;
  status: BoardAction['status'];
}

export interface BoardOwnerActions {
  ownerUserId: string | null;
  open: number;
  overdue: number;
  actionIds: string[];
}

export interface DirectionSummary {
  today: string;
  /** Every active KPI on the dashboards once, by status. */
  totals: StatusCounts;
  dashboards: DashboardSummary[];
  processes: ProcessSummary[];
  topRisks: TopRisk[];
  overdueActions: OverdueAction[];
  openActionsByOwner: BoardOwnerActions[];
}

export interface DirectionInput {
  today: string;
  kpis: readonly BoardKpi[];
  values: readonly BoardValue[];
  dashboards: readonly BoardDashboard[];
  actions: readonly BoardAction[];
  /** How many top risks (default 10). */
  topRisks?: number;
  /** Tiles already computed for the same KPIs, values and day (the worker passes its own). */
  tiles?: ReadonlyMap<string, KpiTile>;
  tileOptions?: TileOptions;
}

export const DEFAULT_TOP_RISKS = 10;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const READING_ORDER: Record<KpiTrendReading | 'NONE', number> = { WORSENING: 0, STABLE: 1, NONE: 2, IMPROVING: 3 };

/**
 * The order of reporting.ts topRisks: red before orange, then the larger gap first (none last), then the trend
 * (WORSENING, STABLE, none, IMPROVING), then by name and id.
 */
export function compareRisks(a: TopRisk, b: TopRisk): number {
  return (
    (a.status === 'RED' ? 0 : 1) - (b.status === 'RED' ? 0 : 1) ||
    (b.gap ?? -1) - (a.gap ?? -1) ||
    READING_ORDER[a.trend ?? 'NONE'] - READING_ORDER[b.trend ?? 'NONE'] ||
    a.name.localeCompare(b.name) ||
    a.kpiId.localeCompare(b.kpiId)
  );
}

/** Tiles of many KPIs at once, by KPI id. */
export function kpiTiles(kpis: readonly BoardKpi[], values: readonly BoardValue[], today: string, options?: TileOptions): Map<string, KpiTile> {
  const cache = new PeriodCache();
  const n = Math.max(options?.sparklinePeriods ?? DEFAULT_SPARKLINE_PERIODS, options?.trendPeriods ?? DEFAULT_TREND_PERIODS, 2);
  // Only the periods a tile reads are kept (its window from the current period back, and the year to date):
  // five years of weekly values shrink to about 60 per KPI, in one pass.
  const neededBy = new Map<KpiFrequency, Set<string>>();
  const wanted = new Map<string, { needed: Set<string>; values: Map<string, number> }>();
  for (const k of kpis) {
    let needed = neededBy.get(k.frequency);
    if (!needed) {
      const current = cache.start(today, k.frequency);
      needed = new Set([...cache.last(current, k.frequency, n + 1), ...cache.ytd(today, k.frequency)]);
      neededBy.set(k.frequency, needed);
    }
    wanted.set(k.id, { needed, values: new Map() });
  }
  // Most values are older than every window: one set lookup skips them before the lookup of their KPI's window.
  const anyNeeded = new Set<string>();
  for (const needed of neededBy.values()) for (const p of needed) anyNeeded.add(p);
  // The first value of each KPI starts its life: before it a period is not late (rules section 9).
  const first = new Map<string, string>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue;
    const f = first.get(v.kpiId);
    if (f === undefined || v.periodStart < f) first.set(v.kpiId, v.periodStart);
    if (!anyNeeded.has(v.periodStart)) continue;
    const w = wanted.get(v.kpiId);
    if (w && w.needed.has(v.periodStart) && Number.isFinite(v.value)) w.values.set(v.periodStart, v.value);
  }
  const out = new Map<string, KpiTile>();
  for (const k of kpis) out.set(k.id, kpiTile(k, wanted.get(k.id)!.values, today, options, cache, first.get(k.id) ?? null));
  return out;
}

/** The direction view: status per dashboard and per process, top risks, overdue actions, open actions per owner. */
export function directionSummary(input: DirectionInput): DirectionSummary {
  const { today } = input;
  const tiles = input.tiles ?? kpiTiles(input.kpis, input.values, today, input.tileOptions);


  const dashboards = input.dashboards.map((d) => dashboardSummary(d, tiles)).sort((a, b) => cmp(a.process, b.process) || cmp(a.name, b.name) || cmp(a.id, b.id));

  const byProcess = new Map<string, { dashboardIds: string[]; kpiIds: Set<string> }>();
  const dashboardsOfKpi = new Map<string, string[]>();
  for (const d of input.dashboards) {
    const key = d.process.trim();
    let p = byProcess.get(key);
    if (!p) byProcess.set(key, (p = { dashboardIds: [], kpiIds: new Set() }));
    p.dashboardIds.push(d.id);
    for (const id of d.kpiIds) {
      p.kpiIds.add(id);
      const list = dashboardsOfKpi.get(id) ?? [];
      if (!list.includes(d.id)) list.push(d.id);
      dashboardsOfKpi.set(id, list);
    }
  }
  // As reporting.ts: the direction view reads the KPIs on the dashboards the viewer has, and their actions.
  const totals = emptyCounts();
  for (const k of input.kpis) {
    const tile = tiles.get(k.id);
    if (tile && tile.active && dashboardsOfKpi.has(k.id)) totals[tile.status]++;
  }
  const processes: ProcessSummary[] = [...byProcess.entries()]
    .map(([process, p]) => {
      const counts = emptyCounts();
      let kpis = 0;
      for (const id of p.kpiIds) {
        const tile = tiles.get(id);
        if (!tile || !tile.active) continue;
        counts[tile.status]++;
        kpis++;
      }
      return { process, dashboardIds: p.dashboardIds, counts, kpis, headline: headlineOf(counts) };
    })
    .sort((a, b) => cmp(a.process, b.process));

  const risks: TopRisk[] = [];
  for (const k of input.kpis) {
    const tile = tiles.get(k.id);
    if (!tile || !tile.active || !dashboardsOfKpi.has(k.id) || (tile.status !== 'RED' && tile.status !== 'ORANGE') || tile.value === null) continue;
    risks.push({
      kpiId: tile.kpiId,
      name: tile.name,
      unit: tile.unit,
      decimals: tile.decimals,
      status: tile.status,
      value: tile.value,
      target: tile.target,
      gap: tile.gap,
      trend: tile.trend?.reading ?? null,
      period: tile.period,
      dashboardIds: dashboardsOfKpi.get(tile.kpiId) ?? [],
    });
  }
  risks.sort(compareRisks);

  const names = new Map(input.kpis.map((k) => [k.id, k.name]));
  const actions = input.actions.filter((a) => dashboardsOfKpi.has(a.kpiId));
  const overdueActions: OverdueAction[] = actions
    .filter((a) => isOverdue(a, today))
    .map((a) => ({
      id: a.id,
      kpiId: a.kpiId,
      kpiName: names.get(a.kpiId) ?? null,
      title: a.title,
      ownerUserId: a.ownerUserId,
      dueDate: a.dueDate as string,
      daysOverdue: daysOverdue(a, today),
      progress: a.progress,
      status: a.status,
    }))
    .sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.title, b.title) || cmp(a.id, b.id));

  const owners = new Map<string | null, BoardOwnerActions>();
  for (const a of actions) {
    if (!isOpenAction(a)) continue;
    let o = owners.get(a.ownerUserId);
    if (!o) owners.set(a.ownerUserId, (o = { ownerUserId: a.ownerUserId, open: 0, overdue: 0, actionIds: [] }));
    o.open++;
    if (isOverdue(a, today)) o.overdue++;
    o.actionIds.push(a.id);
  }
  const openActionsByOwner = [...owners.values()].sort(
    (a, b) => b.open - a.open || b.overdue - a.overdue || (a.ownerUserId === null ? 1 : b.ownerUserId === null ? -1 : cmp(a.ownerUserId, b.ownerUserId)),
  );

  return {
    today,
    totals,
    dashboards,
    processes,
    topRisks: risks.slice(0, Math.max(0, input.topRisks ?? DEFAULT_TOP_RISKS)),
    overdueActions,
    openActionsByOwner,
  };
}
