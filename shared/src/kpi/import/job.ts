import { IMPORT_JOB_STATUSES, IMPORT_MODES, ImportJobData } from '../documents';

/** The job document's data (kind import_job of analytics_slices) is the model's (shared/src/kpi/documents.ts). */
export { IMPORT_JOB_STATUSES, IMPORT_MODES, ImportJobData };
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Errors kept on a job (the preview lists more). */
export const MAX_JOB_ERRORS = 200;
/** Longest column name kept in a job's errors. */
export const MAX_ERROR_COLUMN = 120;
