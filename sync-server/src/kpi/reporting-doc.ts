import type { RouteGroup } from '../http/openapi';
import { named } from '../http/openapi';
import * as S from './api-schemas';

const ROLES = 'ADMIN, MANAGER, TECH (over the dashboards, KPIs and actions the caller may read)';
const RULES = 'Rules: docs/decisions/kpi-rules.md, section 7 (a KPI now, gap to target, worst status, top risks).';

/** The reporting routes for the OpenAPI document. */
export const reportingApiGroups: RouteGroup[] = [
  {
    tag: 'Reporting',
    description: 'Direction views computed on read from the values: status per dashboard and process, top risks, overdue actions.',
    routes: [
      { method: 'get', path: '/reporting/overview', operationId: 'reportingOverview', summary: 'Status counts per dashboard and per process', description: RULES, tag: 'Reporting', roles: ROLES, query: S.ReportingQuery, responses: [{ status: 200, description: 'The overview', schema: named('Overview', S.Overview) }], errors: [400, 401, 403] },
      { method: 'get', path: '/reporting/top-risks', operationId: 'reportingTopRisks', summary: 'KPIs in red then orange, by gap to target then trend', description: RULES, tag: 'Reporting', roles: ROLES, query: S.TopRisksQuery, responses: [{ status: 200, description: 'The risks', schema: named('TopRisks', S.TopRisks) }], errors: [400, 401, 403] },
      { method: 'get', path: '/reporting/direction', operationId: 'reportingDirection', summary: 'The direction view: processes, dashboards, top risks, overdue actions, open actions per owner', description: RULES, tag: 'Reporting', roles: ROLES, query: S.ReportingQuery, responses: [{ status: 200, description: 'The direction view', schema: named('Direction', S.Direction) }], errors: [400, 401, 403] },
    ],
  },
];
