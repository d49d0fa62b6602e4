import type { DocOf, kpiValues } from '@coulisses/shared';
import type { KpiDefinition } from '@coulisses/shared';
import type { ReferenceDoc } from '../types';

/** A KPI value as stored locally (the registry's schema). */
export type KpiValueDoc = DocOf<typeof kpiValues>;

/** A dashboard (a reference document of kind `dashboard`), read as the screens need it. */
export interface Dashboard {
  id: string;
  title: string;
  description: string;
  process: string;
  kpiIds: string[];
  ownerUserId: string | null;
  sharing: DashboardSharing;
  teamIds: string[];
  doc: ReferenceDoc;
}
export const DASHBOARD_SHARINGS = ['ORGANISATION', 'TEAMS', 'PRIVATE'] as const;
export type DashboardSharing = (typeof DASHBOARD_SHARINGS)[number];

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
export type AutoMetricName = (typeof AUTO_METRICS)[number];
/** The unit each automatic metric is measured in (docs: the KPI data model). */
export const AUTO_METRIC_UNITS: Record<AutoMetricName, string> = {
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
export interface KpiAuto {
  metric: AutoMetricName;
  projectId?: string;
  venueId?: string;
}

/** A KPI definition with its document id and automatic source. */
export type Kpi = KpiDefinition & { id: string; auto: KpiAuto | null; doc: ReferenceDoc };

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action plan (action_plans, kind `action`). */
export interface ActionDoc {
  id: string;
  updatedAt: string;
  kind?: 'action';
  kpiId: string;
  title: string;
  description?: string;
  ownerUserId: string | null;
  dueDate: string | null;
  progress: number;
  status: ActionStatus;
}

/** A comment on a KPI or on one of its actions (action_plans, kind `comment`). */
export interface CommentDoc {
  id: string;
  updatedAt: string;
  kind: 'comment';
  kpiId: string;
  actionPlanId: string | null;
  body: string;
  authorUserId: string | null;
  authorAccountId: string | null;
  createdAt: string;
}
