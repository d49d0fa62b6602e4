import type { RouteGroup } from './http/openapi';
import { kpiApiGroups } from './kpi/api-doc';
import { reportingApiGroups } from './kpi/reporting-doc';
import { importApiGroups } from './kpi/import/import-doc';
import { analyticsDashboardGroups } from './analytics/dashboard-doc';
import { exportApiGroups } from './analytics/exports/api-doc';
import { equipmentApiGroups } from './equipment/api-doc';
import { notificationApiGroups } from './notifications/api-doc';
import { calendarApiGroups } from './planning/calendar-feeds/api-doc';
import { webhookApiGroups } from './integrations/webhooks/api-doc';

/**
 * Every domain's route descriptions, in one place (as domains.ts lists the sync hooks): the OpenAPI document at
 * /api/v1/openapi.json and the reference page at /api/v1/docs are generated from them.
 */
export const API_GROUPS: readonly RouteGroup[] = [
  ...kpiApiGroups,
  ...reportingApiGroups,
  ...importApiGroups,
  ...analyticsDashboardGroups,
  ...exportApiGroups,
  ...equipmentApiGroups,
  ...notificationApiGroups,
  ...calendarApiGroups,
  ...webhookApiGroups,
];
