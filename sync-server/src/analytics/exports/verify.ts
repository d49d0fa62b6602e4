import { contentHash, detectFormat, exportStatement, findExportId, findSeal, type ExportFormat } from '@coulisses/shared/analytics/export-seal';
import type { z } from 'zod';
import type { Sql } from '../../db/connect';
import { verifyStatement } from './keys';
import { exportById, type ExportRow } from './repo';
import type { ExportEntry, VerifyReason, VerifyResult } from './schemas';

type Entry = z.infer<typeof ExportEntry>;

/** A register row as the API shows it. */
export function entryOf(row: ExportRow): Entry {
  return {
    id: row.id,
    format: row.format as ExportFormat,
    viewId: row.view_id,
    fileName: row.file_name,
    sha256: row.sha256,
    filters: row.filters,
    orgId: row.org_id,
    orgName: row.org_name,
    orgTimezone: row.org_timezone || 'Europe/Paris',
    projectId: row.project_id,
    projectName: row.project_name,
    exportedBy: { accountId: row.exported_by_account, userId: row.exported_by_user, name: row.account_name },
    exportedAt: new Date(Number(row.exported_at_ms)).toISOString(),
    createdOffline: row.created_offline,
    serverMade: row.source === 'SERVER',
    signedAt: new Date(Number(row.signed_at_ms)).toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  };
}

export interface Verdict {
  result: VerifyResult;
  reason: VerifyReason;
  format: ExportFormat | null;
  sha256: string | null;
  entry: Entry | null;
}

/**
 * Checks a file against the exports register and the server's keys:
 * - no seal field or no export id -> UNKNOWN (NO_SEAL); an export id the register does not know -> UNKNOWN;
 * - the content hash differs from the registered one -> ALTERED (HASH_MISMATCH);
 * - the seal is the filler -> UNSIGNED (the register signed it later: download the signed copy again);
 * - the seal's signature is not the registered key's signature of the statement -> ALTERED (SIGNATURE_INVALID);
 * - else GENUINE.
 */
export async function verifyFile(sql: Sql, bytes: Uint8Array): Promise<Verdict> {
  const format = detectFormat(bytes);
  const seal = findSeal(bytes);
  const id = findExportId(bytes);
  const sha256 = seal ? contentHash(bytes) : null;
  if (!seal || !id) return { result: 'UNKNOWN', reason: 'NO_SEAL', format, sha256, entry: null };
  const row = await exportById(sql, id);
  if (!row) return { result: 'UNKNOWN', reason: 'NOT_REGISTERED', format, sha256, entry: null };
  const entry = entryOf(row);
  if (sha256 !== row.sha256 || format !== row.format) return { result: 'ALTERED', reason: 'HASH_MISMATCH', format, sha256, entry };
  if (!seal.content) return { result: 'ALTERED', reason: 'SIGNATURE_INVALID', format, sha256, entry };
  if (!seal.content.signed) return { result: 'UNSIGNED', reason: 'NOT_SIGNED_IN_FILE', format, sha256, entry };
  const statement = exportStatement({ exportId: row.id, sha256, orgId: row.org_id, accountId: row.exported_by_account, exportedAt: entry.exportedAt });
  const ok = seal.content.keyId === row.key_id && (await verifyStatement(sql, row.key_id, statement, seal.content.signature));
  if (!ok) return { result: 'ALTERED', reason: 'SIGNATURE_INVALID', format, sha256, entry };
  return { result: 'GENUINE', reason: 'SIGNATURE_VALID', format, sha256, entry };
}
