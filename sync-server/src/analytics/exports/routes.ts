import { PLANNER_ROLES, translate } from '@coulisses/shared';
import { exportStatement, sealValue } from '@coulisses/shared/analytics/export-seal';
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps';
import { requireRole } from '../../auth/caller';
import type { AppEnv } from '../../http/context';
import { AppError } from '../../http/errors';
import { readJsonRaw } from '../../http/validate';
import { linkedUserId } from '../../sync/viewer';
import { loadSigningKey, signStatement, type SigningKey } from './keys';
import { exportById, insertExport, keyById, type ExportRow } from './repo';
import { ExportCreate, PublicKeyQuery, ServerExportCreate } from './schemas';
import { makeServerCsv } from './server-made';
import { ANALYTICS_API_ROLES } from '../dashboard-routes';
import { entryOf, verifyFile } from './verify';

/** How far in the future (clock skew) and the past (an offline device) an export's own timestamp may be. */
const FUTURE_SKEW_MS = 10 * 60_000;
const PAST_LIMIT_MS = 400 * 86_400_000;

function signatureAnswer(row: ExportRow) {
  const entry = entryOf(row);
  return {
    id: row.id,
    signature: row.signature,
    keyId: row.key_id,
    signedAt: entry.signedAt,
    exportedAt: entry.exportedAt,
    seal: sealValue(row.signature, row.key_id),
    statement: exportStatement({ exportId: row.id, sha256: row.sha256, orgId: row.org_id, accountId: row.exported_by_account, exportedAt: entry.exportedAt }),
  };
}

/** The file of a verify request: the raw body, or the `file` field of a multipart form. */
async function fileOf(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  let bytes: Uint8Array;
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new AppError('BAD_REQUEST', { reason: 'malformed multipart body' });
    }
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('EXPORT_NO_FILE');
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (bytes.length === 0) throw new AppError('EXPORT_NO_FILE');
  return bytes;
}

/**
 * The exports register and its verification (issue 13, docs/decisions/signed-exports.md):
 * POST /analytics/exports signs a file's content hash and registers it (ADMIN, MANAGER; idempotent on the id),
 * GET /analytics/exports/:id reads an entry of the caller's organisation, POST /analytics/exports/verify (public)
 * checks a file, GET /analytics/exports/public-key gives the key's PEM for openssl.
 */
export function exportRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  let key: Promise<SigningKey> | undefined;
  const signingKey = () => {
    key ??= loadSigningKey(sql, deps.config.exportSigningKey).catch((err: unknown) => {
      key = undefined;
      throw err;
    });
    return key;
  };

  app.post('/analytics/exports/verify', async (c) => {
    const bytes = await fileOf(c);
    const v = await verifyFile(sql, bytes);
    const locale = c.get('locale') ?? 'fr';
    const entry = v.entry ? (({ signature: _s, ...rest }) => rest)(v.entry) : null;
    return c.json({ result: v.result, reason: v.reason, message: translate(locale, `exportsVerify.result.${v.result}`), format: v.format, sha256: v.sha256, export: entry });
  });

  app.get('/analytics/exports/public-key', async (c) => {
    const { keyId } = PublicKeyQuery.parse({ keyId: c.req.query('keyId') });
    const pem = keyId ? (await keyById(sql, keyId))?.public_pem : (await signingKey()).publicPem;
    if (!pem) throw new AppError('NOT_FOUND');
    return c.body(pem, 200, { 'content-type': 'application/x-pem-file; charset=utf-8' });
  });

  app.post('/analytics/exports', async (c) => {
    // ADMIN and MANAGER for both kinds (the dashboard's ANALYTICS_API_ROLES are the planner roles).
    const caller = requireRole(c, PLANNER_ROLES);
    const raw = await readJsonRaw(c);
    // Without a hash: a server-made export (the server computes the figures and answers the signed CSV file).
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !('sha256' in raw)) {
      requireRole(c, ANALYTICS_API_ROLES);
      const body = ServerExportCreate.parse(raw);
      const locale = body.locale ?? c.get('locale') ?? 'fr';
      const file = await makeServerCsv(sql, caller, body, locale, await signingKey());
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 201, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'x-export-id': file.id,
        'x-export-sha256': file.sha256,
        'cache-control': 'private, no-store',
      });
    }
    const body = ExportCreate.parse(raw);
    const exportedMs = Date.parse(body.exportedAt);
    const now = Date.now();
    if (exportedMs > now + FUTURE_SKEW_MS || exportedMs < now - PAST_LIMIT_MS) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'exportedAt', code: 'EXPORT_TIME_OUT_OF_RANGE', message: 'exportedAt is too far from now' }]);
    }
    const existing = await exportById(sql, body.id);
    if (existing) return answerExisting(c, existing, caller.activeOrgId, caller.accountId, body.sha256);
    const k = await signingKey();
    const exportedAt = new Date(exportedMs).toISOString();
    const statement = exportStatement({ exportId: body.id, sha256: body.sha256, orgId: caller.activeOrgId, accountId: caller.accountId, exportedAt });
    const inserted = await insertExport(sql, {
      id: body.id, orgId: caller.activeOrgId, format: body.format, viewId: body.viewId, fileName: body.fileName, sha256: body.sha256,
      filters: body.filters, projectId: body.projectId, accountId: caller.accountId, userId: await linkedUserId(sql, caller.activeOrgId, caller.accountId),
      exportedAt, createdOffline: body.createdOffline, keyId: k.id, signature: signStatement(k, statement),
    });
    const row = await exportById(sql, body.id);
    if (!row) throw new AppError('INTERNAL');
    if (!inserted) return answerExisting(c, row, caller.activeOrgId, caller.accountId, body.sha256);
    return c.json(signatureAnswer(row), 201);
  });

  app.get('/analytics/exports/:id', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const id = c.req.param('id');
    const row = id.length <= 40 ? await exportById(sql, id) : undefined;
    if (!row || row.org_id !== caller.activeOrgId) throw new AppError('NOT_FOUND');
    return c.json({ ...entryOf(row), seal: sealValue(row.signature, row.key_id) });
  });

  /** A second POST of a registered id: the same file again (200 with its signature), else 409. */
  function answerExisting(c: Context<AppEnv>, row: ExportRow, orgId: string, accountId: string, sha256: string) {
    if (row.org_id !== orgId || row.exported_by_account !== accountId || row.sha256 !== sha256) throw new AppError('EXPORT_CONFLICT');
    return c.json(signatureAnswer(row), 200);
  }

  return app;
}
