import { getCurrentLocale } from '../i18n/current-locale';
import { ApiError, NETWORK_ERROR, codeForStatus } from '../api/api-error';
import { extractError } from '../api/extract-error';

export type VerifyResult = 'GENUINE' | 'ALTERED' | 'UNSIGNED' | 'UNKNOWN';

export interface VerifyAnswer {
  result: VerifyResult;
  reason: string;
  message: string;
  format: 'csv' | 'png' | 'pdf' | null;
  sha256: string | null;
  export: {
    id: string;
    format: string;
    viewId: string;
    fileName: string;
    filters: Record<string, string | null>;
    orgName: string | null;
    orgTimezone: string;
    projectName: string | null;
    exportedBy: { name: string | null };
    exportedAt: string;
    createdOffline: boolean;
    /** The server computed the figures and built the file (a server-made export); false: a device built it. */
    serverMade: boolean;
    signedAt: string;
    keyId: string;
  } | null;
}

/** POST /api/v1/analytics/exports/verify with the file as the raw body (no session needed). */
export async function verifyExportFile(file: Blob): Promise<VerifyAnswer> {
  let res: Response;
  try {
    res = await fetch('/api/v1/analytics/exports/verify', {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', 'Accept-Language': getCurrentLocale() },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(NETWORK_ERROR, 0, '');
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as VerifyAnswer;
  const info = typeof body === 'object' && body !== null ? extractError(body) : null;
  throw new ApiError(info?.code ?? codeForStatus(res.status), res.status, info?.message ?? '', info?.details, info?.requestId);
}
