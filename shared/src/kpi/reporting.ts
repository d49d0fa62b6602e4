import type { KpiDefinition } from './definition';
import { targetFor } from './definition';
import { periodStatus, roundTo, type KpiPeriodStatus } from './period-status';
import { PeriodCache } from './period-cache';
import { kpiTrend, type KpiTrend, type KpiTrendReading } from './trend';

/**
 * Reporting of the direction (issue 12, seed section 5.8), pure: the status of each KPI now, counts per dashboard
 * and per process, the top risks, overdue actions and open actions per owner. The caller passes what the viewer
 * may read and `today` (local date in the organisation's zone). Rules in docs/decisions/kpi-rules.md, section 7.
 */

/** What reporting reads of a KPI (its definition, name included). */
export type ReportKpi = Pick<KpiDefinition, 'name' | 'frequency' | 'direction' | 'target' | 'thresholds' | 'gracePeriodDays' | 'active'> &
  Partial<Pick<KpiDefinition, 'decimals' | 'unit'>> & { id: string };

export interface ReportDashboard {
  id: string;
  title: string;
  process: string;
  kpiIds: readonly string[];
}

export interface ReportValue {
  kpiId: string;
  periodStart: string;
  value: number;
}

export interface ReportAction {
  id: string;
  kpiId: string;
  title: string;
  ownerUserId: string | null;
  dueDate: string | null;
  status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
  progress: number;
}

/** How many periods the trend looks at (the current one and the ones before it). */
export const REPORT_TREND_PERIODS = 6;

export interface KpiNow {
  kpiId: string;
  name: string;
  /** The period the status is about: the current one when it has a value, else the previous one. */
  period: string;
  status: KpiPeriodStatus;
  value: number | null;
  target: number | null;
  /**
   * How far the value is from its target on the bad side, as a fraction of abs(target): UP (target - value),
   * DOWN (value - target), CLOSEST abs(value - target); 0 when on the good side; null without a value or a
   * non-zero target.
   */
  gap: number | null;
  trend: KpiTrend | null;
}

/** The shortfall of a value against its target, as a fraction of the target (see KpiNow.gap). */
export function gapToTarget(value: number | null, target: number | null, direction: KpiDefinition['direction']): number | null {
  if (value === null || target === null || target === 0) return null;
  const raw = direction === 'UP_IS_BETTER' ? target - value : direction === 'DOWN_IS_BETTER' ? value - target : Math.abs(value - target);
  const gap = Math.max(0, raw) / Math.abs(target);
  return gap === 0 ? 0 : gap;
}

export interface KpiNowOptions {
  /** Periods read by the trend, ending with the period shown (default 6). */
  trendPeriods?: number;
  /** Period arithmetic shared by many KPIs of one call (board.ts kpiTiles). */
  cache?: PeriodCache;
  /**
   * The KPI's first period with a value (null: none), when `values` holds only some of them (board.ts kpiTiles
   * keeps its windows); by default the earliest of `values`.
   */
  firstValuePeriod?: string | null;
}

/** The earliest period start of a KPI's values: the start of its life (a KPI document has no creation date). */
export function firstValuePeriodOf(periods: Iterable<string>): string | null {
  let first: string | null = null;
  for (const p of periods) if (first === null || p < first) first = p;
  return first;
}

/**
 * The status of a KPI now (the one rule of the reporting and of the board's tiles): the current period when it
 * has a value; otherwise the previous period, rated when it has a value, else NO_DATA or LATE (its due date
 * passed, and the KPI had a value before it). A current period without a value is not yet a risk.
 */
export function kpiNow(kpi: ReportKpi, values: ReadonlyMap<string, number>, today: string, options: KpiNowOptions = {}): KpiNow {
  const cache = options.cache ?? new PeriodCache();
  const current = cache.start(today, kpi.frequency);
  const period = values.has(current) ? current : cache.previous(current, kpi.frequency);
  const raw = values.get(period);
  const value = raw === undefined ? null : roundTo(raw, kpi.decimals);
  const target = targetFor(kpi.target, period);
  const first = options.firstValuePeriod === undefined ? firstValuePeriodOf(values.keys()) : options.firstValuePeriod;
  // A period that ended before the KPI's first value (or of a KPI without any) is not late (rules section 9).
  const rated = periodStatus({ definition: kpi, period, value, today, target });
  const status = rated === 'LATE' && (first === null || period < first) ? 'NO_DATA' : rated;
  const window = cache.last(period, kpi.frequency, Math.max(2, options.trendPeriods ?? REPORT_TREND_PERIODS));
  const trend = kpiTrend(
    window.map((p) => values.get(p) ?? null),
    kpi.direction,
    window.map((p) => targetFor(kpi.target, p)),
  );
  return { kpiId: kpi.id, name: kpi.name, period, status, value, target, gap: gapToTarget(value, target, kpi.direction), trend };
}

export type StatusCounts = Record<KpiPeriodStatus, number>;

const emptyCounts = (): StatusCounts => ({ GREEN: 0, ORANGE: 0, RED: 0, UNRATED: 0, NO_DATA: 0, LATE: 0 });

/** The worst status present, by severity RED, LATE, ORANGE, NO_DATA, UNRATED, GREEN; null when there is none. */
export const STATUS_SEVERITY: readonly KpiPeriodStatus[] = ['RED', 'LATE', 'ORANGE', 'NO_DATA', 'UNRATED', 'GREEN'];

export function worstStatus(counts: StatusCounts): KpiPeriodStatus | null {
  return STATUS_SEVERITY.find((s) => counts[s] > 0) ?? null;
}

/** Overdue: due before today and neither DONE nor CANCELLED. */
export function actionOverdue(a: Pick<ReportAction, 'dueDate' | 'status'>, today: string): boolean {
  return a.dueDate !== null && a.dueDate < today && a.status !== 'DONE' && a.status !== 'CANCELLED';
}

const isOpen = (a: ReportAction) => a.status === 'OPEN' || a.status === 'IN_PROGRESS';

export interface OverviewRow {
  counts: StatusCounts;
  worst: KpiPeriodStatus | null;
  kpis: number;
  openActions: number;
  overdueActions: number;
}

export interface DashboardOverview extends OverviewRow {
  dashboardId: string;
  title: string;
  process: string;
}

export interface ProcessOverview extends OverviewRow {
  process: string;
  dashboards: number;
}

export interface ReportInput {
  dashboards: readonly ReportDashboard[];
  kpis: readonly ReportKpi[];
  values: readonly ReportValue[];
  actions: readonly ReportAction[];
  today: string;
}

/** The status now of every active KPI of the input, by id. */
export function kpisNow(input: Pick<ReportInput, 'kpis' | 'values' | 'today'>): Map<string, KpiNow> {
  const byKpi = new Map<string, Map<string, number>>();
  for (const v of input.values) {
    if (!Number.isFinite(v.value)) continue;
    let m = byKpi.get(v.kpiId);
    if (!m) byKpi.set(v.kpiId, (m = new Map()));
    m.set(v.periodStart, v.value);
  }
  const out = new Map<string, KpiNow>();
  for (const k of input.kpis) if (k.active) out.set(k.id, kpiNow(k, byKpi.get(k.id) ?? new Map(), input.today));
  return out;
}

function overviewRow(kpiIds: Iterable<string>, now: ReadonlyMap<string, KpiNow>, actions: readonly ReportAction[], today: string): OverviewRow {
  const counts = emptyCounts();
  const ids = new Set<string>();
  for (const id of kpiIds) {
    const k = now.get(id);
    if (!k || ids.has(id)) continue;
    ids.add(id);
    counts[k.status] += 1;
  }
  const mine = actions.filter((a) => ids.has(a.kpiId));
  return { counts, worst: worstStatus(counts), kpis: ids.size, openActions: mine.filter(isOpen).length, overdueActions: mine.filter((a) => actionOverdue(a, today)).length };
}

/** Per dashboard and per process (a KPI on two dashboards of one process counts once there). */
export function reportingOverview(input: ReportInput, now = kpisNow(input)): { dashboards: DashboardOverview[]; processes: ProcessOverview[] } {
  const dashboards = input.dashboards.map((d) => ({ dashboardId: d.id, title: d.title, process: d.process, ...overviewRow(d.kpiIds, now, input.actions, input.today) }));
  const processes = [...new Set(input.dashboards.map((d) => d.process))].sort().map((process) => {
    const boards = input.dashboards.filter((d) => d.process === process);
    return { process, dashboards: boards.length, ...overviewRow(boards.flatMap((d) => d.kpiIds), now, input.actions, input.today) };
  });
  return { dashboards, processes };
}

const READING_ORDER: Record<KpiTrendReading | 'NONE', number> = { WORSENING: 0, STABLE: 1, NONE: 2, IMPROVING: 3 };

/**
 * KPIs RED then ORANGE, each by gap to target (largest first, unknown gaps last), then by trend (WORSENING,
 * STABLE, none, IMPROVING), then by name. Only KPIs on a dashboard of the input count.
 */
export function topRisks(input: ReportInput, limit: number, now = kpisNow(input)): (KpiNow & { dashboardIds: string[] })[] {
  const boards = new Map<string, string[]>();
  for (const d of input.dashboards) for (const k of d.kpiIds) boards.set(k, [...(boards.get(k) ?? []), d.id]);
  const risks = [...now.values()].filter((k) => (k.status === 'RED' || k.status === 'ORANGE') && boards.has(k.kpiId));
  risks.sort(
    (a, b) =>
      (a.status === 'RED' ? 0 : 1) - (b.status === 'RED' ? 0 : 1) ||
      (b.gap ?? -1) - (a.gap ?? -1) ||
      READING_ORDER[a.trend?.reading ?? 'NONE'] - READING_ORDER[b.trend?.reading ?? 'NONE'] ||
      a.name.localeCompare(b.name) ||
      a.kpiId.localeCompare(b.kpiId),
  );
  return risks.slice(0, Math.max(0, limit)).map((k) => ({ ...k, dashboardIds: boards.get(k.kpiId)! }));
}

export interface OwnerActions {
  ownerUserId: string | null;
  open: number;
  overdue: number;
}

/** The direction view: processes and dashboards, top risks, overdue actions (oldest due first), open actions per owner. */
export function directionReport(input: ReportInput, limit = 5) {
  const now = kpisNow(input);
  const { dashboards, processes } = reportingOverview(input, now);
  const onBoards = new Set(input.dashboards.flatMap((d) => d.kpiIds));
  const actions = input.actions.filter((a) => onBoards.has(a.kpiId));
  const overdueActions = actions
    .filter((a) => actionOverdue(a, input.today))
    .sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)) || a.title.localeCompare(b.title));
  const owners = new Map<string | null, OwnerActions>();
  for (const a of actions.filter(isOpen)) {
    const o = owners.get(a.ownerUserId) ?? { ownerUserId: a.ownerUserId, open: 0, overdue: 0 };
    o.open += 1;
    if (actionOverdue(a, input.today)) o.overdue += 1;
    owners.set(a.ownerUserId, o);
  }
  const openActionsByOwner = [...owners.values()].sort((a, b) => b.open - a.open || b.overdue - a.overdue || String(a.ownerUserId).localeCompare(String(b.ownerUserId)));
  return { today: input.today, processes, dashboards, topRisks: topRisks(input, limit, now), overdueActions, openActionsByOwner };
}
