import { Hono } from 'hono';
import { z } from 'zod';
import { IMPORT_MODES, type ImportMapping } from '@coulisses/shared/kpi/import/index';
import { Id, text } from '@coulisses/shared/entities/common';
import type { Deps } from '../../deps';
import type { AppEnv } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireRole } from '../../auth/caller';
import { resolveViewer } from '../../sync/viewer';
import { getImportJob, importKpis, listImportJobs } from './import-repo';
import { createImportJob, jobView, previewOf, runImportJob, sha256 } from './import-service';
import { readSheet, type ImportSheet } from './sheet';

/** Who may import values and read the import jobs. */
export const IMPORT_ROLES = ['ADMIN', 'MANAGER'] as const;

const Column = z.number().int().min(0).max(1000);
const Mapping = z
  .object({ kpi: Column, period: Column, value: Column, comment: Column.nullable().optional() })
  .strict();
const Mode = z.enum(IMPORT_MODES);

/** The multipart form of both routes: `file`, and `mapping` (JSON) and `mode` where they apply. */
async function readForm(c: { req: { parseBody(): Promise<Record<string, unknown>> } }) {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw new AppError('IMPORT_NO_FILE');
  }
  const file = form.file;
  if (!(file instanceof File)) throw new AppError('IMPORT_NO_FILE');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = text(255).safeParse(file.name || 'import').data ?? 'import';
  return { form, bytes, fileName };
}

function parseMapping(raw: unknown, sheet: ImportSheet): ImportMapping | null {
  if (raw === undefined || raw === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(String(raw));
  } catch {
    throw new AppError('IMPORT_BAD_MAPPING');
  }
  const parsed = Mapping.safeParse(json);
  if (!parsed.success) throw new AppError('IMPORT_BAD_MAPPING');
  const m = parsed.data;
  const used = [m.kpi, m.period, m.value, ...(m.comment == null ? [] : [m.comment])];
  if (new Set(used).size !== used.length || used.some((i) => i >= sheet.columns.length)) throw new AppError('IMPORT_BAD_MAPPING');
  return { kpi: m.kpi, period: m.period, value: m.value, comment: m.comment ?? null };
}

/**
 * KPI value import (docs/decisions/kpi-import.md), ADMIN and MANAGER of the active organisation:
 * - POST /imports/kpi-values/preview (multipart: file, optional mapping): columns, first rows, suggested mapping,
 *   the rows' errors for the mapping given (or suggested);
 * - POST /imports/kpi-values (multipart: file, mapping, mode): 202 with the job (PENDING), which then runs;
 * - GET /imports/jobs, GET /imports/jobs/:id: the jobs (also synced: analytics_slices of kind import_job).
 */
export function importRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.post('/imports/kpi-values/preview', async (c) => {
    const caller = requireRole(c, IMPORT_ROLES);
    const { form, bytes, fileName } = await readForm(c);
    const sheet = await readSheet(bytes);
    const mapping = parseMapping(form.mapping, sheet);
    const { kpis } = await importKpis(sql, caller.activeOrgId);
    return c.json({ fileName, fileSha256: sha256(bytes), ...previewOf(sheet, kpis, mapping) });
  });

  app.post('/imports/kpi-values', async (c) => {
    const caller = requireRole(c, IMPORT_ROLES);
    const { form, bytes, fileName } = await readForm(c);
    const sheet = await readSheet(bytes);
    const mapping = parseMapping(form.mapping, sheet);
    if (!mapping) throw new AppError('IMPORT_BAD_MAPPING');
    const mode = Mode.safeParse(form.mode ?? 'ALL_OR_NOTHING');
    if (!mode.success) throw new AppError('VALIDATION_FAILED', [{ path: 'mode', message: 'ALL_OR_NOTHING or KEEP_VALID', code: 'invalid_value' }]);
    const { viewer } = await resolveViewer(sql, caller);
    const req = { orgId: caller.activeOrgId, viewer, fileName, fileSha256: sha256(bytes), sheet, mapping, mode: mode.data };
    const job = await createImportJob(sql, deps.sync, req);
    // The job runs after the answer; it ends SUCCESS or FAILED (never left RUNNING by an error).
    void runImportJob(sql, deps.sync, req, job).catch((err: unknown) => deps.logger.error({ err }, 'kpi import failed'));
    return c.json({ job: jobView(job) }, 202);
  });

  app.get('/imports/jobs', async (c) => {
    const caller = requireRole(c, IMPORT_ROLES);
    return c.json({ jobs: (await listImportJobs(sql, caller.activeOrgId)).map(jobView) });
  });

  app.get('/imports/jobs/:id', async (c) => {
    const caller = requireRole(c, IMPORT_ROLES);
    const id = Id.parse(c.req.param('id'));
    const job = await getImportJob(sql, caller.activeOrgId, id);
    if (!job) throw new AppError('NOT_FOUND');
    return c.json({ job: jobView(job) });
  });

  return app;
}
