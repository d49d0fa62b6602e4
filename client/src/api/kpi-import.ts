import type { ImportJobData, ImportMapping, ImportMode, ImportRowError } from '@coulisses/shared/kpi/import/index';
import { getCurrentLocale } from '../i18n/current-locale';
import { ApiError, NETWORK_ERROR, codeForStatus } from './api-error';
import { apiPostForm } from './http';

/** What POST /api/v1/imports/kpi-values/preview answers. */
export interface ImportPreview {
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'xlsx';
  columns: string[];
  rows: { line: number; cells: (string | number | boolean | null)[] }[];
  totalRows: number;
  suggestedMapping: { kpi: number | null; period: number | null; value: number | null; comment: number | null };
  mapping: ImportMapping | null;
  validRows: number;
  errorCount: number;
  errors: ImportRowError[];
}

export type ImportJobView = { id: string } & ImportJobData;


function formOf(file: File, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', file, file.name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

export function previewImport(file: File, mapping: ImportMapping | null): Promise<ImportPreview> {
  return apiPostForm('/api/v1/imports/kpi-values/preview', formOf(file, mapping ? { mapping: JSON.stringify(mapping) } : {}));
}

export async function startImport(file: File, mapping: ImportMapping, mode: ImportMode): Promise<ImportJobView> {
  const out = await apiPostForm<{ job: ImportJobView }>('/api/v1/imports/kpi-values', formOf(file, { mapping: JSON.stringify(mapping), mode }));
  return out.job;
}

export async function fetchImportJob(id: string): Promise<ImportJobView> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/imports/jobs/${encodeURIComponent(id)}`, { credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': getCurrentLocale() } });
  } catch {
    throw new ApiError(NETWORK_ERROR, 0, '');
  }
  const body = (await res.json().catch(() => null)) as { job?: ImportJobView } | null;
  if (!res.ok || !body?.job) throw new ApiError(codeForStatus(res.status), res.status, '');
  return body.job;
}
