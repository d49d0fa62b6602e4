import type { RouteDoc, RouteGroup } from '../http/openapi';
import { named } from '../http/openapi';
import * as S from './api-schemas';

/** The KPI side's routes for the OpenAPI document (generated: sync-server/src/http/openapi.ts). */

const dashboard = named('Dashboard', S.Dashboard);
const kpi = named('Kpi', S.Kpi);
const value = named('KpiValue', S.KpiValue);
const action = named('Action', S.Action);
const comment = named('Comment', S.Comment);

const ALL = 'ADMIN, MANAGER, TECH (each reads what its read scope holds)';
const WRITERS = 'ADMIN, MANAGER';
const KPI_ID = { id: 'KPI id' };
const DASHBOARD_ID = { id: 'Dashboard id' };
const ACTION_ID = { id: 'Action id' };
const READ_ERRORS = [401, 403, 404];
const WRITE_ERRORS = [400, 401, 403, 404, 413, 415, 422];

const routes: RouteDoc[] = [
  { method: 'get', path: '/dashboards', operationId: 'listDashboards', summary: 'Dashboards the caller may read', tag: 'KPI', roles: `${ALL}; MANAGER does not see the PRIVATE dashboards of others; TECH sees those shared with the organisation or one of their teams, and their own`, query: S.DashboardListQuery, responses: [{ status: 200, description: 'The dashboards, by title', schema: named('DashboardList', S.DashboardList) }], errors: [400, 401, 403] },
  { method: 'post', path: '/dashboards', operationId: 'createDashboard', summary: 'Create a dashboard', tag: 'KPI', roles: WRITERS, body: named('DashboardCreate', S.DashboardCreate), responses: [{ status: 201, description: 'The new dashboard', schema: dashboard }], errors: [400, 401, 403, 413, 415, 422] },
  { method: 'get', path: '/dashboards/:id', operationId: 'getDashboard', summary: 'One dashboard', tag: 'KPI', roles: ALL, params: DASHBOARD_ID, responses: [{ status: 200, description: 'The dashboard', schema: dashboard }], errors: READ_ERRORS },
  { method: 'patch', path: '/dashboards/:id', operationId: 'updateDashboard', summary: 'Change a dashboard (title, sharing, order of its KPIs...)', tag: 'KPI', roles: WRITERS, params: DASHBOARD_ID, body: named('DashboardPatch', S.DashboardPatch), responses: [{ status: 200, description: 'The dashboard', schema: dashboard }], errors: WRITE_ERRORS },
  { method: 'delete', path: '/dashboards/:id', operationId: 'deleteDashboard', summary: 'Delete a dashboard (its KPIs stay)', tag: 'KPI', roles: WRITERS, params: DASHBOARD_ID, responses: [{ status: 204, description: 'Deleted' }], errors: READ_ERRORS },
  { method: 'get', path: '/dashboards/:id/kpis', operationId: 'listDashboardKpis', summary: 'The KPIs of a dashboard, in its order', tag: 'KPI', roles: ALL, params: DASHBOARD_ID, responses: [{ status: 200, description: 'The KPIs', schema: named('KpiList', S.KpiList) }], errors: READ_ERRORS },
  { method: 'post', path: '/dashboards/:id/kpis', operationId: 'createKpi', summary: 'Create a KPI at the end of a dashboard', description: 'Bands must be in the order of the direction: UP_IS_BETTER orange <= green, DOWN_IS_BETTER orange >= green, CLOSEST_IS_BETTER 0 <= green <= orange (400 VALIDATION_FAILED, detail code KPI_BANDS_ORDER).', tag: 'KPI', roles: WRITERS, params: DASHBOARD_ID, body: named('KpiCreate', S.KpiCreate), responses: [{ status: 201, description: 'The new KPI', schema: kpi }], errors: WRITE_ERRORS },
  { method: 'get', path: '/kpis/:id', operationId: 'getKpi', summary: 'One KPI definition', tag: 'KPI', roles: ALL, params: KPI_ID, responses: [{ status: 200, description: 'The KPI', schema: kpi }], errors: READ_ERRORS },
  { method: 'patch', path: '/kpis/:id', operationId: 'updateKpi', summary: 'Change a KPI definition', description: 'Any field of the definition; the merged definition is checked as a whole.', tag: 'KPI', roles: WRITERS, params: KPI_ID, body: named('KpiPatch', S.KpiPatch), responses: [{ status: 200, description: 'The KPI', schema: kpi }], errors: WRITE_ERRORS },
  { method: 'delete', path: '/kpis/:id', operationId: 'deleteKpi', summary: 'Delete a KPI (and take it off its dashboards)', tag: 'KPI', roles: WRITERS, params: KPI_ID, responses: [{ status: 204, description: 'Deleted' }], errors: READ_ERRORS },
  { method: 'get', path: '/kpis/:id/values', operationId: 'listKpiValues', summary: 'History of a KPI: one value per period with its replaced entries', tag: 'KPI values', roles: ALL, params: KPI_ID, responses: [{ status: 200, description: 'Values, oldest period first', schema: named('KpiValueList', S.KpiValueList) }], errors: READ_ERRORS },
  { method: 'post', path: '/kpis/:id/values', operationId: 'enterKpiValue', summary: 'Enter the value of a period', description: 'The status is computed by the server. A period that already has a value keeps one document: the replaced entry goes to its history (200).', tag: 'KPI values', roles: WRITERS, params: KPI_ID, body: named('ValueCreate', S.ValueCreate), responses: [{ status: 201, description: 'First value of the period', schema: value }, { status: 200, description: 'The period had a value: replaced, kept in history', schema: value }], errors: WRITE_ERRORS },
  { method: 'get', path: '/kpis/:id/actions', operationId: 'listKpiActions', summary: 'Action plans of a KPI', tag: 'Actions', roles: `${ALL}; TECH sees the actions they own`, params: KPI_ID, responses: [{ status: 200, description: 'The actions', schema: named('ActionList', S.ActionList) }], errors: READ_ERRORS },
  { method: 'post', path: '/kpis/:id/actions', operationId: 'createAction', summary: 'Create an action plan on a KPI', tag: 'Actions', roles: WRITERS, params: KPI_ID, body: named('ActionCreate', S.ActionCreate), responses: [{ status: 201, description: 'The new action', schema: action }], errors: WRITE_ERRORS },
  { method: 'patch', path: '/actions/:id', operationId: 'updateAction', summary: 'Change an action plan (progress, status...)', tag: 'Actions', roles: `${WRITERS}; TECH: progress and status of the actions they own`, params: ACTION_ID, body: named('ActionPatch', S.ActionPatch), responses: [{ status: 200, description: 'The action', schema: action }], errors: WRITE_ERRORS },
  { method: 'get', path: '/kpis/:id/comments', operationId: 'listKpiComments', summary: 'Comments on a KPI itself', tag: 'Comments', roles: ALL, params: KPI_ID, responses: [{ status: 200, description: 'Oldest first', schema: named('CommentList', S.CommentList) }], errors: READ_ERRORS },
  { method: 'post', path: '/kpis/:id/comments', operationId: 'commentKpi', summary: 'Comment on a KPI', tag: 'Comments', roles: 'everyone who may read the KPI', params: KPI_ID, body: named('CommentCreate', S.CommentCreate), responses: [{ status: 201, description: 'The comment', schema: comment }], errors: WRITE_ERRORS },
  { method: 'get', path: '/actions/:id/comments', operationId: 'listActionComments', summary: 'Comments on an action plan', tag: 'Comments', roles: ALL, params: ACTION_ID, responses: [{ status: 200, description: 'Oldest first', schema: named('CommentList', S.CommentList) }], errors: READ_ERRORS },
  { method: 'post', path: '/actions/:id/comments', operationId: 'commentAction', summary: 'Comment on an action plan', tag: 'Comments', roles: 'everyone who may read the action', params: ACTION_ID, body: named('CommentCreate', S.CommentCreate), responses: [{ status: 201, description: 'The comment', schema: comment }], errors: WRITE_ERRORS },
];

const TAGS: Record<string, string> = {
  KPI: 'Dashboards and KPI definitions (reference documents of kinds dashboard and kpi), written through the sync core.',
  'KPI values': 'Values per KPI and period, status computed by the server, replaced entries kept.',
  Actions: 'Action plans on a KPI: owner, due date, progress, status, overdue.',
  Comments: 'Comments on a KPI or an action plan, with their author.',
};

/** The KPI side's route groups, one per tag. */
export const kpiApiGroups: RouteGroup[] = Object.entries(TAGS).map(([tag, description]) => ({ tag, description, routes: routes.filter((r) => r.tag === tag) }));
