import { z } from 'zod';
import { Id, Instant, LongText, text } from '../entities/common';
import { KpiDefinitionObject, checkKpiRules, type KpiDefinition } from './definition';

/**
 * The KPI side's kinds of documents inside the shared collections (docs/data-model.md, "KPI documents"): each
 * kind keeps its own typed schema, checked by the registry entry of its collection on the client and the server.
 */

/** Metrics of automatic KPIs, computed by the server from the product's own data (shared/src/kpi/auto-metrics.ts). */
export const KPI_AUTO_METRICS = [
  'COVERAGE_RATE',
  'PLANNED_HOURS',
  'ACTUAL_HOURS',
  'HOURS_VARIANCE_PCT',
  'OVERTIME_HOURS',
  'NIGHT_HOURS',
  'LATE_STARTS',
  'PAYROLL_MASS',
  'AVERAGE_HOURLY_COST',
] as const;
export type KpiAutoMetric = (typeof KPI_AUTO_METRICS)[number];

/** What an automatic KPI measures, and over what: the organisation, one project or one venue. */
export const KpiAuto = z.object({ metric: z.enum(KPI_AUTO_METRICS), projectId: Id.optional(), venueId: Id.optional() }).strict();
export type KpiAuto = z.infer<typeof KpiAuto>;

export const KPI_DATA_ISSUES = { AUTO_REQUIRED: 'KPI_AUTO_REQUIRED', AUTO_NOT_AUTOMATIC: 'KPI_AUTO_NOT_AUTOMATIC' } as const;

/**
 * `data` of a `reference` document of kind `kpi`: the definition without its name (the document's `name`) and
 * owner (the document's top-level `ownerUserId`, which read conditions test), plus the automatic source.
 */
export const KpiData = KpiDefinitionObject.omit({ name: true, ownerUserId: true })
  .extend({ auto: KpiAuto.nullable().optional() })
  .strict()
  .superRefine((d, ctx) => {
    checkKpiRules(d, ctx);
    if (d.source === 'AUTOMATIC' && !d.auto) ctx.addIssue({ code: 'custom', path: ['auto'], message: KPI_DATA_ISSUES.AUTO_REQUIRED });
    if (d.source !== 'AUTOMATIC' && d.auto) ctx.addIssue({ code: 'custom', path: ['auto'], message: KPI_DATA_ISSUES.AUTO_NOT_AUTOMATIC });
  });
export type KpiData = z.infer<typeof KpiData>;

export const DASHBOARD_SHARING = ['ORGANISATION', 'TEAMS', 'PRIVATE'] as const;
export type DashboardSharing = (typeof DASHBOARD_SHARING)[number];

/** `data` of a `reference` document of kind `dashboard`: its title is the document's `name`. */
export const DashboardData = z
  .object({
    description: LongText.optional(),
    /** Free text: Production, Logistique, Accueil... (the seed's "multi-process" dashboards). */
    process: text(60),
    /** The KPIs shown, in order. */
    kpiIds: z.array(Id).max(200),
  })
  .strict();
export type DashboardData = z.infer<typeof DashboardData>;

export const IMPORT_JOB_STATUSES = ['PENDING', 'RUNNING', 'SUCCESS', 'FAILED'] as const;
export const IMPORT_MODES = ['ALL_OR_NOTHING', 'KEEP_VALID'] as const;

/** `data` of an `analytics_slices` document of kind `import_job`: one import of KPI values, written by the server. */
export const ImportJobData = z
  .object({
    status: z.enum(IMPORT_JOB_STATUSES),
    fileName: text(255),
    fileSha256: text(64),
    format: z.enum(['csv', 'xlsx']),
    mode: z.enum(IMPORT_MODES),
    total: z.number().int().min(0),
    processed: z.number().int().min(0),
    imported: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    rejected: z.number().int().min(0),
    errors: z.array(z.object({ line: z.number().int().min(0), column: text(120).optional(), code: text(60) }).strict()).max(200),
    createdByAccountId: Id.nullable(),
    createdAt: Instant,
    finishedAt: Instant.nullable(),
    errorCode: text(60).nullable(),
  })
  .strict();
export type ImportJobData = z.infer<typeof ImportJobData>;

type Issue = { path: PropertyKey[]; message: string; code?: string };

/**
 * Checks `doc[field]` against the schema of the document's kind and reports its issues under that field: the
 * typed schema of each kind of a kind-discriminated collection, for its zod schema's superRefine.
 */
export function kindData(kindField: string, field: string, schemas: Readonly<Record<string, z.ZodType>>) {
  return (doc: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    const schema = schemas[String(doc[kindField])];
    if (!schema) return;
    const res = schema.safeParse(doc[field]);
    if (res.success) return;
    for (const issue of res.error.issues as Issue[]) ctx.addIssue({ code: 'custom', path: [field, ...issue.path], message: issue.message });
  };
}

/** A KPI's definition from its `reference` document (null when it is not a valid KPI document). */
export function kpiDefinitionOf(doc: Readonly<Record<string, unknown>> | undefined | null): KpiDefinition | null {
  if (!doc || doc.kind !== 'kpi') return null;
  const data = KpiData.safeParse(doc.data);
  if (!data.success) return null;
  const { auto: _auto, ...rest } = data.data;
  return { ...rest, name: String(doc.name ?? ''), ownerUserId: typeof doc.ownerUserId === 'string' ? doc.ownerUserId : null };
}

/** A dashboard's fields from its `reference` document (null when it is not a valid dashboard document). */
export function dashboardOf(doc: Readonly<Record<string, unknown>> | undefined | null) {
  if (!doc || doc.kind !== 'dashboard') return null;
  const data = DashboardData.safeParse(doc.data);
  if (!data.success) return null;
  return {
    ...data.data,
    title: String(doc.name ?? ''),
    sharing: (DASHBOARD_SHARING as readonly unknown[]).includes(doc.sharing) ? (doc.sharing as DashboardSharing) : 'PRIVATE',
    ownerUserId: typeof doc.ownerUserId === 'string' ? doc.ownerUserId : null,
    teamIds: Array.isArray(doc.teamIds) ? (doc.teamIds as string[]) : [],
  };
}

/** Fields of a comment (an `action_plans` document of kind `comment`). */
export const CommentBody = text(2000).min(1);
