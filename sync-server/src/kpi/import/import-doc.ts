import { z } from 'zod';
import { IMPORT_MODES, IMPORT_ROW_ISSUES, ImportJobData } from '@coulisses/shared/kpi/import/index';
import type { RouteGroup } from '../../http/openapi';
import { named } from '../../http/openapi';

const ROLES = 'ADMIN, MANAGER (TECH: 403)';
const RULES = 'Rules: docs/decisions/kpi-import.md (cells, periods, row checks, modes, idempotent re-import).';

const Column = z.number().int().min(0).nullable().meta({ description: 'A 0-based column index, or null when none is found' });
const Mapping = z
  .object({ kpi: z.number().int().min(0), period: z.number().int().min(0), value: z.number().int().min(0), comment: z.number().int().min(0).nullable().optional() })
  .meta({ description: 'Columns (0-based indexes) of the KPI (id or name), the period, the value and the optional comment' });
const RowError = z
  .object({ line: z.number().int(), column: z.string().optional(), code: z.enum(IMPORT_ROW_ISSUES), firstLine: z.number().int().optional() })
  .meta({ description: 'A refused row: its line in the file, the column header, a stable code (firstLine: the row a DUPLICATE_ROW repeats)' });

const PreviewForm = z.object({
  file: z.string().meta({ format: 'binary', description: 'A .csv (; , or tab, UTF-8 or Windows-1252) or .xlsx file, 10 MiB at most' }),
  mapping: z.string().optional().meta({ description: 'JSON of a mapping; absent: the suggested mapping is used' }),
});
const ImportForm = z.object({
  file: z.string().meta({ format: 'binary', description: 'The same file as the preview' }),
  mapping: z.string().meta({ description: 'JSON {"kpi":0,"period":1,"value":2,"comment":3} (comment optional)' }),
  mode: z.enum(IMPORT_MODES).optional().meta({ description: 'ALL_OR_NOTHING (default): one bad row writes nothing; KEEP_VALID: the valid rows are written' }),
});

export const ImportPreview = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.string()).meta({ description: 'Header names (A, B... for columns without one)' }),
  rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])) })).meta({ description: 'The first 20 data rows' }),
  totalRows: z.number().int(),
  suggestedMapping: z.object({ kpi: Column, period: Column, value: Column, comment: Column }),
  mapping: Mapping.nullable().meta({ description: 'The mapping the errors are for (the one given, else the suggested one when complete)' }),
  validRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(RowError).meta({ description: 'The first 1,000 row errors' }),
});
export const ImportJob = ImportJobData.extend({ id: z.string() }).meta({ description: 'An import job (also synced: analytics_slices of kind import_job)' });

/** The import routes for the OpenAPI document. */
export const importApiGroups: RouteGroup[] = [
  {
    tag: 'Imports',
    description: 'KPI values from CSV and .xlsx files: preview with a column mapping and row errors, then a job (PENDING, RUNNING, SUCCESS, FAILED).',
    routes: [
      {
        method: 'post', path: '/imports/kpi-values/preview', operationId: 'previewKpiImport', summary: 'Read a file: columns, first rows, suggested mapping, row errors', description: `${RULES} Nothing is written.`,
        tag: 'Imports', roles: ROLES, body: PreviewForm, bodyContentType: 'multipart/form-data',
        responses: [{ status: 200, description: 'The preview', schema: named('ImportPreview', ImportPreview) }], errors: [400, 401, 403, 413],
      },
      {
        method: 'post', path: '/imports/kpi-values', operationId: 'startKpiImport', summary: 'Import a file: creates the job (PENDING), which then runs', description: `${RULES} Follow the job with GET /imports/jobs/{id} (processed is live while it runs) or through sync.`,
        tag: 'Imports', roles: ROLES, body: ImportForm, bodyContentType: 'multipart/form-data',
        responses: [{ status: 202, description: 'The job, PENDING', schema: named('ImportJobAnswer', z.object({ job: named('ImportJob', ImportJob).schema })) }], errors: [400, 401, 403, 413],
      },
      {
        method: 'get', path: '/imports/jobs', operationId: 'listImportJobs', summary: "The organisation's import jobs, newest first (50)", tag: 'Imports', roles: ROLES,
        responses: [{ status: 200, description: 'The jobs', schema: named('ImportJobs', z.object({ jobs: z.array(ImportJob) })) }], errors: [401, 403],
      },
      {
        method: 'get', path: '/imports/jobs/:id', operationId: 'getImportJob', summary: 'One import job', tag: 'Imports', roles: ROLES, params: { id: 'The job id' },
        responses: [{ status: 200, description: 'The job', schema: z.object({ job: ImportJob }) }], errors: [401, 403, 404],
      },
    ],
  },
];
