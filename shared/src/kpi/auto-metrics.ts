/**
 * Automatic KPIs (issue 12, item 3): indicators the product computes from its own planning and time clock data.
 * This file holds the vocabulary only (imported by the entity registry, so it imports nothing heavy); the pure
 * computations are in auto-metrics-compute.ts (docs/decisions/kpi-rules.md, "Automatic KPIs").
 */
export const AUTO_METRICS = [
  'COVERAGE_RATE',
  'PLANNED_HOURS',
  'ACTUAL_HOURS',
  'HOURS_VARIANCE_PCT',
  'OVERTIME_HOURS',
  'NIGHT_HOURS',
  'LATE_STARTS',
  'PAYROLL_MASS',
  'AVERAGE_HOURLY_COST',
] as const;
export type AutoMetric = (typeof AUTO_METRICS)[number];

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
