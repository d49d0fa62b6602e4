import { KPI_AUTO_METRICS, type KpiAutoMetric } from './documents';

/**
 * Automatic KPIs (issue 12, item 3): indicators the product computes from its own planning and time clock data.
 * This file holds the vocabulary only (it imports nothing heavy); the pure computations are in
 * auto-metrics-compute.ts (docs/decisions/kpi-rules.md, "Automatic KPIs").
 */
/** The metrics (the registry's KpiAuto names them: KPI_AUTO_METRICS of documents.ts, one list). */
export const AUTO_METRICS = KPI_AUTO_METRICS;
export type AutoMetric = KpiAutoMetric;

/** The unit each metric's values are in (what an automatic KPI's `unit` should say). */
export const AUTO_METRIC_UNITS: Readonly<Record<AutoMetric, string>> = {
  COVERAGE_RATE: '%',
  PLANNED_HOURS: 'h',
  ACTUAL_HOURS: 'h',
  HOURS_VARIANCE_PCT: '%',
  OVERTIME_HOURS: 'h',
  NIGHT_HOURS: 'h',
  LATE_STARTS: 'nb',
  PAYROLL_MASS: 'EUR',
  AVERAGE_HOURLY_COST: 'EUR/h',
};

/** What an automatic KPI measures: the organisation (no id), one project, one venue (both: missions of that project at that venue). */
export interface AutoScope {
  projectId?: string | null;
  venueId?: string | null;
}
