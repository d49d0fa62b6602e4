import { uuidv7, translate, type Locale } from '@coulisses/shared';
import { buildCsv, exportFileName, utf8, type ExportMeta } from '@coulisses/shared/analytics/export-files';
import { contentHash, EXPORT_ID_MARKER, exportStatement, findExportId, SEAL_MARKER, findSeal, sealValue, writeSeal } from '@coulisses/shared/analytics/export-seal';
import { analyticsExportTables, incidentCategoryName } from '@coulisses/shared/analytics/export-tables';
import type { z } from 'zod';
import type { Sql } from '../../db/connect';
import { AppError } from '../../http/errors';
import type { OrgCaller } from '../../http/context';
import { resolveViewer } from '../../sync/viewer';
import { serverDashboard } from '../dashboard-compute';
import { signStatement, type SigningKey } from './keys';
import { exportNames, insertExport } from './repo';
import type { ServerExportCreate } from './schemas';

export interface ServerMadeFile {
  id: string;
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
}

/**
 * A server-made CSV export (docs/decisions/signed-exports.md, "Server-made exports"): the dashboard computed by
 * serverDashboard for the caller (the GET /analytics/dashboard figures, pay only for pay readers), its tables built
 * by the shared builder the page uses, the file by the shared CSV writer; then hashed, signed, registered with
 * source SERVER, and the seal written in place.
 */
export async function makeServerCsv(sql: Sql, caller: OrgCaller, body: z.infer<typeof ServerExportCreate>, locale: Locale, key: SigningKey): Promise<ServerMadeFile> {
  const ctx = await resolveViewer(sql, caller);
  const { result, filters } = await serverDashboard(sql, ctx, body.filters);
  const names = await exportNames(sql, caller.activeOrgId, caller.accountId);
  const unknown = translate(locale, 'analyticsPage.unknown');
  const none = translate(locale, 'analyticsPage.none');
  const lookup = (m: Map<string, string>) => (id: string | null) => (id === null ? none : (m.get(id) ?? unknown));
  const built = analyticsExportTables({
    locale,
    result,
    filters: {
      from: filters.from,
      to: filters.to,
      projectId: filters.projectId || null,
      venueId: filters.venueId || null,
      teamId: filters.teamId || null,
      role: filters.role || null,
      compare: body.filters.compare ?? 'none',
    },
    names: { project: lookup(names.projects), venue: lookup(names.reference), team: lookup(names.reference), category: (c) => incidentCategoryName(locale, c) },
    heatmapVenue: '',
  });
  const id = uuidv7();
  const exportedAt = new Date().toISOString();
  const timezone = names.orgTimezone || 'Europe/Paris';
  const meta: ExportMeta = {
    exportId: id,
    viewId: built.viewId,
    title: built.title,
    exportedAt,
    timezone,
    orgId: caller.activeOrgId,
    orgName: names.orgName,
    projectName: built.projectName,
    exportedBy: names.accountName,
    accountId: caller.accountId,
    filters: built.filters,
  };
  const text = buildCsv(meta, built.tables, locale);
  const bytes = utf8(text);
  // A name or filter carrying a marker (CCEXPORT1:, CCSEAL1:) would make verifiers read the wrong field.
  if (text.split(SEAL_MARKER).length !== 2 || text.split(EXPORT_ID_MARKER).length !== 2 || findExportId(bytes) !== id || !findSeal(bytes)) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'filters', code: 'EXPORT_MARKER_IN_TEXT', message: 'a filter or a name holds an export marker' }]);
  }
  const sha256 = contentHash(bytes);
  if (!sha256) throw new AppError('INTERNAL');
  const statement = exportStatement({ exportId: id, sha256, orgId: caller.activeOrgId, accountId: caller.accountId, exportedAt });
  const signature = signStatement(key, statement);
  const fileName = exportFileName(built.viewId, exportedAt, timezone, 'csv');
  await insertExport(sql, {
    id, orgId: caller.activeOrgId, format: 'csv', viewId: built.viewId, fileName, sha256, filters: built.filterValues,
    projectId: built.projectName === null ? null : (filters.projectId ?? null), accountId: caller.accountId, userId: ctx.viewer.userId ?? null,
    exportedAt, createdOffline: false, keyId: key.id, signature, source: 'SERVER',
  });
  return { id, fileName, sha256, bytes: writeSeal(bytes, sealValue(signature, key.id)) };
}
