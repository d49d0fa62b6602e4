import type { ACTION_PLAN_STATUSES } from '@coulisses/shared/entities/kpi';
import type { DashboardSharing, DocOf, KpiAuto, kpiValues } from '@coulisses/shared';
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
export { DASHBOARD_SHARING as DASHBOARD_SHARINGS, KPI_AUTO_METRICS as AUTO_METRICS } from '@coulisses/shared';
export type { DashboardSharing, KpiAuto, KpiAutoMetric as AutoMetricName } from '@coulisses/shared';

/** The unit each automatic metric is measured in: the shared vocabulary of automatic KPIs, one list. */
export { AUTO_METRIC_UNITS } from '@coulisses/shared/kpi/auto-metrics';

/** A KPI definition with its document id and automatic source. */
export type Kpi = KpiDefinition & { id: string; auto: KpiAuto | null; doc: ReferenceDoc };

export { ACTION_PLAN_STATUSES as ACTION_STATUSES } from '@coulisses/shared/entities/kpi';
export type ActionStatus = (typeof ACTION_PLAN_STATUSES)[number];

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
