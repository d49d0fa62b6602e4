import { createHash } from 'node:crypto';
import { entityByName, localDate, resolveConflict, uuidv7, type EntityDef, type SyncDoc, type Viewer } from '@coulisses/shared';
import {
  ImportJobData,
  MAX_ERROR_COLUMN,
  MAX_JOB_ERRORS,
  cellText,
  completeMapping,
  isEmptyRow,
  suggestMapping,
  validateImportRows,
  type ImportCell,
  type ImportKpi,
  type ImportMapping,
  type ImportMode,
  type ImportRowError,
  type ValidImportRow,
} from '@coulisses/shared/kpi/import/index';
import { audit } from '../../audit/audit-log';
import type { Sql } from '../../db/connect';
import type { SyncCore } from '../../sync/core';
import type { SyncTx } from '../../sync/sync-tx';
import { primeKpiDocs } from '../kpi-docs';
import { importKpis, liveValues, orgZone, valueKey } from './import-repo';
import type { ImportSheet } from './sheet';

export const PREVIEW_ROWS = 20;
/** Values written per statement: the sync core's batch is flushed before each chunk. */
const WRITE_CHUNK = 2000;
/** Errors listed by a preview (the counts cover them all). */
export const PREVIEW_ERRORS = 1000;

const JOBS = () => entityByName('analytics_slices') as EntityDef;
const VALUES = () => entityByName('kpi_values') as EntityDef;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A cell as the preview shows it (dates as YYYY-MM-DD, formula errors as Excel writes them). */
function previewCell(c: ImportCell): string | number | boolean | null {
  return c === null || typeof c !== 'object' ? c : cellText(c);
}

/** What POST /imports/kpi-values/preview answers. */
export function previewOf(sheet: ImportSheet, kpis: readonly ImportKpi[], given: ImportMapping | null) {
  const data = sheet.rows.filter((r) => !isEmptyRow(r));
  const suggested = suggestMapping(sheet.columns, data.slice(0, 50), kpis);
  const mapping = given ?? completeMapping(suggested);
  const checked = mapping ? validateImportRows(sheet.rows, mapping, kpis, sheet.columns) : null;
  return {
    format: sheet.format,
    columns: sheet.columns,
    rows: data.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: sheet.columns.map((_, i) => previewCell(r.cells[i] ?? null)) })),
    totalRows: data.length,
    suggestedMapping: suggested,
    mapping,
    validRows: checked?.valid.length ?? 0,
    errorCount: checked?.errors.length ?? 0,
    errors: checked?.errors.slice(0, PREVIEW_ERRORS) ?? [],
  };
}

/** A job as the API answers it: the document's id and its data, `processed` live while it runs. */
export function jobView(doc: SyncDoc): { id: string } & ImportJobData {
  const data = doc.data as ImportJobData;
  const live = progress.get(String(doc.id));
  return { id: String(doc.id), ...data, ...(live && data.status === 'RUNNING' ? { processed: live.processed } : {}) };
}

/** Rows written so far by the running imports of this process (GET shows them before the transaction commits). */
const progress = new Map<string, { processed: number }>();

export interface ImportRequest {
  orgId: string;
  viewer: Viewer;
  fileName: string;
  fileSha256: string;
  sheet: ImportSheet;
  mapping: ImportMapping;
  mode: ImportMode;
}

async function writeJob(core: SyncCore, orgId: string, doc: SyncDoc, before: SyncDoc | undefined, tx?: SyncTx): Promise<SyncDoc> {
  const { _deleted, ...fields } = doc;
  JOBS().schema.parse(fields);
  ImportJobData.parse(doc.data);
  const write = (t: SyncTx) => t.write(JOBS(), doc, { before, accountId: null, viewer: null });
  if (tx) await write(tx);
  else await core.transaction(orgId, write);
  return doc;
}

function withData(doc: SyncDoc, patch: Partial<ImportJobData>): SyncDoc {
  const now = new Date().toISOString();
  return { ...doc, updatedAt: now, computedAt: now, data: { ...(doc.data as ImportJobData), ...patch } };
}

/** Creates the job document (PENDING) of an import. */
export async function createImportJob(sql: Sql, core: SyncCore, req: ImportRequest): Promise<SyncDoc> {
  const now = new Date().toISOString();
  const day = localDate(Date.now(), await orgZone(sql, req.orgId));
  const data: ImportJobData = {
    status: 'PENDING', fileName: req.fileName, fileSha256: req.fileSha256, format: req.sheet.format, mode: req.mode,
    total: 0, processed: 0, imported: 0, unchanged: 0, rejected: 0, errors: [],
    createdByAccountId: req.viewer.accountId, createdAt: now, finishedAt: null, errorCode: null,
  };
  const doc: SyncDoc = { id: uuidv7(), updatedAt: now, kind: 'import_job', periodStart: day, periodEnd: day, filters: {}, data, computedAt: now, _deleted: false };
  return writeJob(core, req.orgId, doc, undefined);
}

export interface ImportOutcome {
  imported: number;
  unchanged: number;
  /** Rows refused by the server's own checks while writing (KEEP_VALID): added to the file's errors. */
  refused: ImportRowError[];
}

/**
 * Writes the valid rows as kpi_values through the sync core, in the transaction `tx`: a value already stored
 * with the same value (and comment, when the file has one) is unchanged and not written again (re-importing a
 * file adds no history); another value replaces it by the unique-by-key rule (the replaced entry goes to the
 * history, as for a second entry from a phone); the KPI hooks compute the status. The KPIs are read into the hooks'
 * cache first (sync-server/src/kpi/kpi-docs.ts), so the writes stay batched 2,000 at a time.
 */
export async function writeImportRows(tx: SyncTx, viewer: Viewer, rows: readonly ValidImportRow[], onProgress?: (n: number) => void): Promise<ImportOutcome> {
  const entity = VALUES();
  const kpiIds = [...new Set(rows.map((r) => r.kpiId))];
  await primeKpiDocs(tx, kpiIds);
  const existing = await liveValues(tx.sql, tx.orgId, kpiIds);
  const out: ImportOutcome = { imported: 0, unchanged: 0, refused: [] };
  const changed: { row: ValidImportRow; storedId: string | undefined; comment: string | undefined }[] = [];
  for (const row of rows) {
    const stored = existing.get(valueKey(row.kpiId, row.periodStart));
    const comment = row.comment ?? stored?.comment;
    if (stored && stored.value === row.value && stored.comment === comment) out.unchanged += 1;
    else changed.push({ row, storedId: stored?.id, comment });
  }
  let n = out.unchanged;
  for (let i = 0; i < changed.length; i += WRITE_CHUNK) {
    const part = changed.slice(i, i + WRITE_CHUNK);
    await tx.flush();
    const ids = part.map((c) => c.storedId).filter((id): id is string => id !== undefined);
    const befores = ids.length > 0 ? await tx.live(entity, ids) : new Map<string, SyncDoc>();
    for (const { row, storedId, comment } of part) {
      n += 1;
      if (onProgress && n % 500 === 0) onProgress(n);
      const before = storedId ? befores.get(storedId) : undefined;
      const local: SyncDoc = {
        id: uuidv7(), updatedAt: tx.now, kpiId: row.kpiId, periodStart: row.periodStart, periodEnd: row.periodEnd, value: row.value,
        ...(comment !== undefined ? { comment } : {}), enteredAt: tx.now, status: null, enteredByAccountId: null, history: [], _deleted: false,
      };
      let doc = local;
      if (before && entity.conflict.kind === 'uniqueBy') {
        doc = resolveConflict(entity.conflict, { base: undefined, local: { ...local, history: before.history }, remote: before }).doc;
        doc = { ...doc, updatedAt: tx.now };
      }
      const ctx = tx.hookContext({ before, viewer });
      const refused = await tx.hooks.check(entity, doc, ctx);
      const final = refused ? doc : await tx.hooks.serverFields(entity, doc, ctx);
      const { _deleted, ...fields } = final;
      const parsed = refused ? null : entity.schema.safeParse(fields);
      if (refused || !parsed?.success) {
        out.refused.push({ line: row.line, code: (refused ?? 'VALIDATION_FAILED') as ImportRowError['code'] });
        continue;
      }
      await tx.write(entity, final, { before, accountId: viewer.accountId, viewer });
      out.imported += 1;
    }
  }
  onProgress?.(n);
  return out;
}

class AllOrNothing extends Error {}

/**
 * Runs an import job to its end: RUNNING with the number of rows, the rows checked (the job's errors), then the
 * values and the finished job in one transaction (nothing half-imported: in ALL_OR_NOTHING mode one refused row
 * writes nothing), FAILED with a code when it cannot finish, and the audit entry kpi_import.finished.
 */
export async function runImportJob(sql: Sql, core: SyncCore, req: ImportRequest, pending: SyncDoc): Promise<SyncDoc> {
  const id = String(pending.id);
  progress.set(id, { processed: 0 });
  let job = pending;
  try {
    const { kpis } = await importKpis(sql, req.orgId);
    const checked = validateImportRows(req.sheet.rows, req.mapping, kpis, req.sheet.columns);
    const total = checked.total;
    job = await writeJob(core, req.orgId, withData(job, { status: 'RUNNING', total, processed: 0 }), job);
    const fileErrors = checked.errors;
    if (req.mode === 'ALL_OR_NOTHING' && fileErrors.length > 0) {
      job = await finish(core, req, job, { total, processed: total, rejected: fileErrors.length, errors: fileErrors, errorCode: 'IMPORT_HAS_ERRORS' });
    } else {
      try {
        job = await core.transaction(req.orgId, async (tx) => {
          const outcome = await writeImportRows(tx, req.viewer, checked.valid, (n) => progress.set(id, { processed: fileErrors.length + n }));
          if (req.mode === 'ALL_OR_NOTHING' && outcome.refused.length > 0) throw new AllOrNothing();
          const errors = [...fileErrors, ...outcome.refused].sort((a, b) => a.line - b.line);
          const done = finishedData(job, { total, processed: total, imported: outcome.imported, unchanged: outcome.unchanged, rejected: errors.length, errors });
          return writeJob(core, req.orgId, done, job, tx);
        });
      } catch (err) {
        if (!(err instanceof AllOrNothing)) throw err;
        job = await finish(core, req, job, { total, processed: total, rejected: 0, errors: [], errorCode: 'IMPORT_HAS_ERRORS' });
      }
    }
  } catch {
    job = await finish(core, req, job, { errorCode: 'INTERNAL' });
  } finally {
    progress.delete(id);
  }
  const d = job.data as ImportJobData;
  await audit(sql, {
    orgId: req.orgId, actorAccountId: req.viewer.accountId, action: 'kpi_import.finished', entity: 'analytics_slices', entityId: id,
    data: { status: d.status, fileName: d.fileName, fileSha256: d.fileSha256, mode: d.mode, total: d.total, imported: d.imported, unchanged: d.unchanged, rejected: d.rejected, errorCode: d.errorCode },
  });
  return job;
}

function finishedData(job: SyncDoc, patch: Partial<ImportJobData> & { errors?: ImportRowError[] }): SyncDoc {
  const errors = (patch.errors ?? []).slice(0, MAX_JOB_ERRORS).map((e) => ({ line: e.line, code: e.code, ...(e.column ? { column: e.column.slice(0, MAX_ERROR_COLUMN) } : {}) }));
  const status = patch.errorCode ? 'FAILED' : 'SUCCESS';
  return withData(job, { ...patch, errors, status, finishedAt: new Date().toISOString(), errorCode: patch.errorCode ?? null });
}

async function finish(core: SyncCore, req: ImportRequest, job: SyncDoc, patch: Partial<ImportJobData> & { errors?: ImportRowError[] }): Promise<SyncDoc> {
  return writeJob(core, req.orgId, finishedData(job, patch), job);
}
