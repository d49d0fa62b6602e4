import { z } from 'zod';
import { Id, Instant, text } from '../../entities/common';

export const IMPORT_JOB_STATUSES = ['PENDING', 'RUNNING', 'SUCCESS', 'FAILED'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export const IMPORT_MODES = ['ALL_OR_NOTHING', 'KEEP_VALID'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Errors kept on a job (the preview lists them all). */
export const MAX_JOB_ERRORS = 200;

/** The data of an analytics_slices document of kind import_job (docs/decisions/kpi-import.md). */
export const ImportJobData = z
  .object({
    status: z.enum(IMPORT_JOB_STATUSES),
    fileName: text(255),
    fileSha256: text(64),
    format: z.enum(IMPORT_FORMATS),
    mode: z.enum(IMPORT_MODES),
    total: z.number().int().min(0),
    processed: z.number().int().min(0),
    imported: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    rejected: z.number().int().min(0),
    errors: z.array(z.object({ line: z.number().int().min(0), column: text(200).optional(), code: text(60) }).strict()).max(MAX_JOB_ERRORS),
    createdByAccountId: Id,
    createdAt: Instant,
    finishedAt: Instant.nullable(),
    errorCode: text(60).nullable(),
  })
  .strict();
export type ImportJobData = z.infer<typeof ImportJobData>;
