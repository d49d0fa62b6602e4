import { uuidv7, type Locale } from '@coulisses/shared';
import { contentHash, writeSeal, type ExportFormat } from '@coulisses/shared/analytics/export-seal';
import { ApiError, NETWORK_ERROR } from '../api/api-error';
import { apiRequest } from '../api/http';
import { buildCsvFile } from './csv';
import { listExports, pendingExports, saveExport, type LocalExport, type SignRequest } from './local-register';
import { exportFileName } from '@coulisses/shared/analytics/export-files';
import { exportMeta, type ExportContext } from './meta';
import { buildPdfFile } from './pdf';
import { buildPngFile } from './png';
import type { ExportView } from './view';

const MIME: Record<ExportFormat, string> = { csv: 'text/csv;charset=utf-8', png: 'image/png', pdf: 'application/pdf' };

interface SignAnswer {
  id: string;
  signature: string;
  keyId: string;
  signedAt: string;
  seal: string;
}

/**
 * Asks the server to sign; null when it cannot now (offline, the server unreachable or failing, the session
 * expired: the export stays unsigned and is signed later). Other refusals (a role without exports) throw.
 */
async function requestSignature(req: SignRequest): Promise<SignAnswer | null> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return null;
  try {
    return await apiRequest<SignAnswer>('/api/v1/analytics/exports', { method: 'POST', body: req });
  } catch (err) {
    if (err instanceof ApiError && (err.code === NETWORK_ERROR || err.status === 0 || err.status === 401 || err.status >= 500)) return null;
    throw err;
  }
}

/** The file of a view in a format (unsigned: the seal holds the filler). */
export async function buildFile(view: ExportView, format: ExportFormat, meta: ReturnType<typeof exportMeta>, locale: Locale): Promise<Uint8Array> {
  if (format === 'csv') return buildCsvFile(view, meta, locale);
  if (format === 'png') return buildPngFile(view, meta, locale);
  return buildPdfFile(view, meta, locale);
}

/** Saves bytes as a file through a temporary link (the browser's download). */
export function downloadBytes(bytes: Uint8Array, fileName: string, format: ExportFormat): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Exports a view: builds the file, keeps it in the device's register, asks the server to sign its content hash
 * and fills the seal in place. Offline (or the server unreachable) the file stays unsigned, marked so, and is
 * signed by signPendingExports() when the device is back online.
 */
export async function exportView(view: ExportView, format: ExportFormat, ctx: ExportContext): Promise<LocalExport> {
  const id = uuidv7();
  const exportedAt = new Date().toISOString();
  const meta = exportMeta(view, ctx, id, exportedAt);
  const bytes = await buildFile(view, format, meta, ctx.locale);
  const sha256 = contentHash(bytes);
  if (!sha256) throw new Error('export without a seal');
  const request: SignRequest = {
    id, format, viewId: view.viewId, fileName: exportFileName(view.viewId, exportedAt, ctx.timezone, format), sha256,
    filters: { ...view.filterValues }, projectId: view.filterValues.projectId ?? null, exportedAt, createdOffline: false,
  };
  const answer = await requestSignature(request);
  const rec: LocalExport = {
    id, orgId: view.orgId, accountId: ctx.accountId, format, fileName: request.fileName, title: view.title, createdAt: exportedAt,
    status: answer ? 'signed' : 'unsigned', bytes: answer ? writeSeal(bytes, answer.seal) : bytes,
    request: answer ? request : { ...request, createdOffline: true }, signedAt: answer?.signedAt ?? null,
  };
  await saveExport(rec);
  return rec;
}

/** Signs the device's unsigned exports of the organisation (back online); returns those it signed. */
export async function signPendingExports(accountId: string, orgId: string): Promise<LocalExport[]> {
  const signed: LocalExport[] = [];
  for (const rec of await pendingExports(accountId, orgId)) {
    let answer: SignAnswer | null;
    try {
      answer = await requestSignature(rec.request);
    } catch {
      continue; // refused (e.g. the role changed): it stays unsigned, listed as such
    }
    if (!answer) break;
    const done: LocalExport = { ...rec, status: 'signed', bytes: writeSeal(rec.bytes, answer.seal), signedAt: answer.signedAt };
    await saveExport(done);
    signed.push(done);
  }
  return signed;
}

export { listExports };
