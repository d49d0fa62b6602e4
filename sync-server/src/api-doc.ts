import type { RouteGroup } from './http/openapi';
import { kpiApiGroups } from './kpi/api-doc';
import { reportingApiGroups } from './kpi/reporting-doc';

/**
 * Every domain's route descriptions, in one place (as domains.ts lists the sync hooks): the OpenAPI document at
 * /api/v1/openapi.json and the reference page at /api/v1/docs are generated from them.
 */
export const API_GROUPS: readonly RouteGroup[] = [
  ...kpiApiGroups,
  ...reportingApiGroups,
  // SLOT (issue 12, branch kpi-import): the import routes' description module goes here, e.g.
  // `...importApiGroups` from './kpi/import-doc' (POST /imports/kpi-values/preview, POST /imports/kpi-values,
  // GET /imports/jobs, GET /imports/jobs/:id), once their code is on main.
];
