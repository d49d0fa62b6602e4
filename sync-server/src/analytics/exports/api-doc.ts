import { z } from 'zod';
import type { RouteGroup } from '../../http/openapi';
import { named } from '../../http/openapi';
import { ExportCreateBody, ExportEntry, ExportSignature, PublicKeyQuery, VerifyAnswer } from './schemas';

/** The exports register routes for the OpenAPI document (docs/decisions/signed-exports.md). */

const VerifyForm = z.object({
  file: z.string().meta({ format: 'binary', description: 'The exported file (CSV, PNG or PDF), 10 MiB at most' }),
});

const TAG = 'Exports';
const routes: RouteGroup['routes'] = [
  {
    method: 'post', path: '/analytics/exports', operationId: 'signExport', summary: 'Register and sign an export, or make a server-made CSV', tag: TAG, roles: 'ADMIN, MANAGER (TECH: 403)',
    description: 'Two bodies. Without `sha256` (ServerExportCreate): a server-made export: the server computes the direction dashboard for `filters` exactly as GET /analytics/dashboard does (pay figures only for ADMIN and the organisation\'s named pay readers), builds the CSV with the same builders as the page (UTF-8 BOM, `;`, CRLF, metadata lines, tables, seal line last), signs and registers it (`serverMade: true` in the register and in verify answers) and answers 201 with the signed file itself (text/csv; charset=utf-8, Content-Disposition attachment, headers X-Export-Id and X-Export-Sha256). With `sha256` (ExportCreate): the device sends the SHA-256 of the file with its seal set to the filler (CCSEAL1: + UNSIGNED and 120 dashes); the server signs `coulisses-export-v1\\n<id>\\n<sha256>\\n<orgId>\\n<accountId>\\n<exportedAt>` with its Ed25519 key and keeps the entry. Idempotent on the id: the same file again answers 200 with the same signature; the same id with another hash (or from another organisation or account) is 409 EXPORT_CONFLICT.',
    body: named('ExportCreateBody', ExportCreateBody),
    responses: [{ status: 201, description: 'Registered and signed (device-made: the signature)', schema: named('ExportSignature', ExportSignature) }, { status: 201, description: 'Server-made: the signed CSV file', contentType: 'text/csv' }, { status: 200, description: 'Already registered: the same signature', schema: named('ExportSignature', ExportSignature) }],
    errors: [400, 401, 403, 409, 413, 415],
  },
  {
    method: 'get', path: '/analytics/exports/public-key', operationId: 'exportPublicKey', summary: "The server's export signing public key (PEM)", tag: TAG, roles: 'public',
    description: 'SPKI PEM of the key in use, or of `keyId` (the id after the dot in a signed seal). `openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in statement.txt -sigfile sig.bin` checks a signature.',
    query: PublicKeyQuery, responses: [{ status: 200, description: 'The PEM', contentType: 'application/x-pem-file' }], errors: [400, 404],
  },
  {
    method: 'post', path: '/analytics/exports/verify', operationId: 'verifyExport', summary: 'Verify an exported file', tag: TAG, roles: 'public (no session needed)',
    description: 'The file as the raw request body (any content type), or as the `file` field of a multipart form. Answers 200 with result GENUINE (who, when, organisation, view, filters), ALTERED (known export id, but the hash or the signature does not match), UNSIGNED (the file was made offline; the register signed it later) or UNKNOWN (no seal, or an id the register does not know), a reason code and a message in the caller\'s language.',
    body: VerifyForm, bodyContentType: 'multipart/form-data',
    responses: [{ status: 200, description: 'The verdict', schema: named('ExportVerdict', VerifyAnswer) }], errors: [400, 413],
  },
  {
    method: 'get', path: '/analytics/exports/:id', operationId: 'getExport', summary: 'One entry of the exports register', tag: TAG, roles: 'ADMIN, MANAGER of the organisation that exported it',
    params: { id: 'Export id' }, responses: [{ status: 200, description: 'The entry', schema: named('ExportEntry', ExportEntry.extend({ seal: z.string() })) }], errors: [401, 403, 404],
  },
];

export const exportApiGroups: RouteGroup[] = [{ tag: TAG, description: 'Signed exports (CSV, PNG, PDF): the register, signatures and verification of files.', routes }];
