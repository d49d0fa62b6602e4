import { z } from 'zod';
import { EXPORT_FORMATS } from '@coulisses/shared/analytics/export-seal';

/** Request and answer shapes of the exports routes (validated here, described in the OpenAPI document). */

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'lowercase UUID');

export const ExportCreate = z
  .object({
    id: Uuid.meta({ description: 'The export id (UUIDv7) the file carries as CCEXPORT1:<id>' }),
    format: z.enum(EXPORT_FORMATS),
    viewId: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/),
    fileName: z.string().min(1).max(200).refine((n) => !/[\\/]/.test(n) && [...n].every((ch) => ch.charCodeAt(0) >= 0x20), 'a file name without / \\ or control characters'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 of the file with its seal set to the filler (lowercase hex)' }),
    filters: z.record(z.string().min(1).max(40), z.string().max(200).nullable()).refine((r) => Object.keys(r).length <= 30, 'at most 30 filters').default({}),
    projectId: z.string().min(1).max(40).nullable().default(null),
    exportedAt: z.iso.datetime().meta({ description: 'When the file was made (UTC, ISO 8601): signed as given, with milliseconds' }),
    createdOffline: z.boolean().default(false),
  })
  .strict();

const LocalDay = z.iso.date();
const FilterId = (description: string) => z.string().max(200).nullable().optional().meta({ description });

/**
 * A server-made export (no sha256): the server computes the dashboard for these filters as
 * GET /analytics/dashboard does, builds the CSV, signs and registers it, and answers the file.
 */
export const ServerExportCreate = z
  .object({
    format: z.literal('csv').meta({ description: 'Only CSV is made by the server (PNG and PDF draw the page\'s charts)' }),
    viewId: z.literal('analytics.dashboard'),
    filters: z
      .object({
        from: LocalDay.optional().meta({ description: "First day (YYYY-MM-DD, the organisation's zone). With `to`; both absent: this month" }),
        to: LocalDay.optional().meta({ description: 'Last day, inclusive (at most 1096 days after from)' }),
        projectId: FilterId('Only this project'),
        venueId: FilterId('Only this venue'),
        teamId: FilterId('Only this team'),
        role: FilterId('Only this role'),
        compare: z.enum(['previous', 'lastYear', 'none']).optional(),
      })
      .strict()
      .default({}),
    locale: z.enum(['fr', 'en']).optional().meta({ description: "The file's language (labels, decimal comma in French); default: the request's language" }),
  })
  .strict();

export const ExportCreateBody = z.union([ExportCreate, ServerExportCreate]).meta({
  description: 'With sha256: a file the device made, to sign (answer: the signature, JSON). Without sha256: a server-made CSV (answer: the signed file, text/csv)',
});

export const ExportSignature = z.object({
  id: z.string(),
  signature: z.string().meta({ description: 'base64url Ed25519 signature (86 characters) of the statement' }),
  keyId: z.string(),
  signedAt: z.string(),
  exportedAt: z.string(),
  seal: z.string().meta({ description: 'The 128 characters to write after CCSEAL1: in the file' }),
  statement: z.string().meta({ description: 'coulisses-export-v1, id, sha256, orgId, accountId, exportedAt: one per line' }),
});

export const ExportEntry = z.object({
  id: z.string(),
  format: z.enum(EXPORT_FORMATS),
  viewId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  filters: z.record(z.string(), z.string().nullable()),
  orgId: z.string(),
  orgName: z.string().nullable(),
  orgTimezone: z.string().meta({ description: "The organisation's zone, to show the instants in" }),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  exportedBy: z.object({ accountId: z.string(), userId: z.string().nullable(), name: z.string().nullable() }),
  exportedAt: z.string(),
  createdOffline: z.boolean(),
  serverMade: z.boolean().meta({ description: 'true: the server computed the figures and built the file (POST without sha256); false: a device built it and the server signed its hash' }),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

export const VERIFY_RESULTS = ['GENUINE', 'ALTERED', 'UNSIGNED', 'UNKNOWN'] as const;
export type VerifyResult = (typeof VERIFY_RESULTS)[number];
export const VERIFY_REASONS = ['SIGNATURE_VALID', 'HASH_MISMATCH', 'SIGNATURE_INVALID', 'NOT_SIGNED_IN_FILE', 'NO_SEAL', 'NOT_REGISTERED'] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

export const VerifyAnswer = z.object({
  result: z.enum(VERIFY_RESULTS),
  reason: z.enum(VERIFY_REASONS),
  message: z.string().meta({ description: "The result in the caller's language" }),
  format: z.enum(EXPORT_FORMATS).nullable(),
  sha256: z.string().nullable().meta({ description: 'Content hash of the file sent (seal set to the filler)' }),
  export: ExportEntry.omit({ signature: true }).nullable().meta({ description: 'The register entry the file names (absent for UNKNOWN)' }),
});

export const PublicKeyQuery = z.object({ keyId: z.string().min(1).max(40).optional() });
