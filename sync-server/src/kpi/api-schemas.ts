import { CommentBody, DASHBOARD_SHARING, KPI_PERIOD_STATUSES, KpiAuto, KpiData, KpiDefinition, KpiDefinitionObject } from '@coulisses/shared';
import { ACTION_PLAN_STATUSES, KPI_STATUSES } from '@coulisses/shared/entities/kpi';
import { Id, Instant, LocalDate, LongText, SafeText, ShortText, text } from '@coulisses/shared/entities/common';
import { z } from 'zod';

/**
 * The REST shapes of the KPI side (/api/v1, issue 12 item 6): request bodies checked by the routes and the
 * answers they give. The stored documents keep the registry's schemas (shared/src/entities); these are the
 * public views of them, and the OpenAPI document is generated from them (kpi/api-doc.ts).
 */

export const SHARINGS = DASHBOARD_SHARING;

// ---- dashboards ----

export const DashboardCreate = z
  .object({
    title: ShortText.min(1),
    description: LongText.optional(),
    process: text(60).meta({ description: 'Free text: Production, Logistique, Accueil...' }),
    sharing: z.enum(SHARINGS).default('ORGANISATION'),
    teamIds: z.array(Id).max(50).default([]).meta({ description: 'Teams that read it when sharing is TEAMS' }),
    ownerUserId: Id.nullable().optional().meta({ description: "A person's id; by default the caller's person" }),
  })
  .strict();

export const DashboardPatch = z
  .object({
    title: ShortText.min(1),
    description: LongText.nullable(),
    process: text(60),
    sharing: z.enum(SHARINGS),
    teamIds: z.array(Id).max(50),
    ownerUserId: Id.nullable(),
    kpiIds: z.array(Id).max(200).meta({ description: 'The order of its KPIs (a permutation of a subset: KPIs not listed leave the dashboard)' }),
  })
  .partial()
  .strict();

export const Dashboard = z.object({
  id: Id,
  title: z.string(),
  description: z.string().optional(),
  process: z.string(),
  sharing: z.enum(SHARINGS),
  teamIds: z.array(z.string()),
  ownerUserId: z.string().nullable(),
  kpiIds: z.array(z.string()),
  updatedAt: Instant,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardList = z.object({ dashboards: z.array(Dashboard) });

export const DashboardListQuery = z.object({ process: text(60).optional().meta({ description: 'Only the dashboards of this process' }) });

// ---- KPIs ----

const AutoSpec = KpiAuto.meta({ description: 'Required when source is AUTOMATIC: the product metric that feeds the KPI, for the organisation, a project or a venue' });

/**
 * A KPI as created: its definition (shared/src/kpi/documents.ts KpiData, bands checked in the direction's order)
 * with its name and owner, which the stored document keeps at the top level.
 */
export const KpiCreate = KpiData.safeExtend({ name: ShortText.min(1), ownerUserId: Id.nullable() });

/** Any field of the definition; the merged definition is checked again as a whole. */
export const KpiPatch = z
  .object({
    ...Object.fromEntries(Object.entries(KpiDefinitionObject.shape).map(([k, v]) => [k, (v as z.ZodType).optional()])),
    auto: AutoSpec.nullable().optional(),
  })
  .strict();

export const Kpi = z.object({
  id: Id,
  name: z.string(),
  description: z.string().optional(),
  unit: z.string(),
  decimals: z.number().int(),
  frequency: KpiDefinition.shape.frequency,
  direction: KpiDefinition.shape.direction,
  target: KpiDefinition.shape.target,
  thresholds: KpiDefinition.shape.thresholds,
  aggregation: KpiDefinition.shape.aggregation,
  ownerUserId: z.string().nullable(),
  source: KpiDefinition.shape.source,
  active: z.boolean(),
  gracePeriodDays: z.number().int(),
  auto: AutoSpec.nullable().optional(),
  updatedAt: Instant,
});
export type Kpi = z.infer<typeof Kpi>;

export const KpiList = z.object({ kpis: z.array(Kpi) });

// ---- values ----

export const ValueCreate = z
  .object({
    periodStart: LocalDate.meta({ description: "First day of the period in the KPI's frequency (a Monday for WEEKLY, the 1st for MONTHLY...)" }),
    value: z.number().finite(),
    comment: text(1000).optional(),
  })
  .strict();

export const ReplacedEntry = z.record(z.string(), z.unknown()).meta({ description: 'A replaced entry of the same period (value, comment, enteredAt, who)' });

export const KpiValue = z.object({
  id: Id,
  kpiId: Id,
  periodStart: LocalDate,
  periodEnd: LocalDate,
  value: z.number(),
  comment: z.string().optional(),
  enteredAt: Instant,
  status: z.enum(KPI_STATUSES).nullable().meta({ description: 'Computed by the server; null when the bands need a target the period lacks' }),
  enteredByAccountId: z.string().nullable(),
  history: z.array(ReplacedEntry),
  updatedAt: Instant,
});
export type KpiValue = z.infer<typeof KpiValue>;

export const KpiValueList = z.object({ values: z.array(KpiValue) });

// ---- actions and comments ----

export const ActionCreate = z
  .object({
    title: ShortText.min(1),
    description: LongText.optional(),
    ownerUserId: Id.nullable(),
    dueDate: LocalDate.nullable(),
    progress: z.number().int().min(0).max(100).default(0),
    status: z.enum(ACTION_PLAN_STATUSES).default('OPEN'),
  })
  .strict();

export const ActionPatch = z
  .object({
    title: ShortText.min(1),
    description: LongText.nullable(),
    ownerUserId: Id.nullable(),
    dueDate: LocalDate.nullable(),
    progress: z.number().int().min(0).max(100),
    status: z.enum(ACTION_PLAN_STATUSES),
  })
  .partial()
  .strict();

export const Action = z.object({
  id: Id,
  kpiId: Id,
  title: z.string(),
  description: z.string().optional(),
  ownerUserId: z.string().nullable(),
  dueDate: LocalDate.nullable(),
  progress: z.number().int(),
  status: z.enum(ACTION_PLAN_STATUSES),
  overdue: z.boolean().meta({ description: "Due before today (organisation's zone) and not DONE or CANCELLED" }),
  updatedAt: Instant,
});
export type Action = z.infer<typeof Action>;

export const ActionList = z.object({ actions: z.array(Action) });

export const CommentCreate = z.object({ body: CommentBody }).strict();

export const Comment = z.object({
  id: Id,
  kpiId: Id,
  actionPlanId: z.string().nullable(),
  body: z.string(),
  authorUserId: z.string().nullable(),
  authorAccountId: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Comment = z.infer<typeof Comment>;

export const CommentList = z.object({ comments: z.array(Comment) });

// ---- reporting ----

export const StatusCounts = z.object(Object.fromEntries(KPI_PERIOD_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof KPI_PERIOD_STATUSES)[number], z.ZodNumber>);

const AsOf = LocalDate.optional().meta({ description: "The day the report is about (local date, organisation's zone); today by default" });

export const ReportingQuery = z.object({
  process: text(60).optional().meta({ description: 'Only the dashboards of this process' }),
  asOf: AsOf,
});

export const TopRisksQuery = ReportingQuery.extend({
  limit: SafeText.regex(/^\d{1,3}$/).optional().meta({ description: 'How many (1-100, default 10)' }),
});

const Status = z.enum(KPI_PERIOD_STATUSES);

const OverviewRow = {
  counts: StatusCounts,
  worst: Status.nullable().meta({ description: 'Worst status by severity RED, LATE, ORANGE, NO_DATA, UNRATED, GREEN' }),
  kpis: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
};

export const DashboardOverview = z.object({ dashboardId: Id, title: z.string(), process: z.string(), ...OverviewRow });
export const ProcessOverview = z.object({ process: z.string(), dashboards: z.number().int(), ...OverviewRow });

export const Overview = z.object({ asOf: LocalDate, dashboards: z.array(DashboardOverview), processes: z.array(ProcessOverview) });

export const Risk = z.object({
  kpiId: Id,
  name: z.string(),
  period: LocalDate.meta({ description: 'The period rated: the current one when it has a value, else the previous one' }),
  status: Status,
  value: z.number().nullable(),
  target: z.number().nullable(),
  gap: z.number().nullable().meta({ description: 'Shortfall against the target as a fraction of abs(target); null without a value or a non-zero target' }),
  trend: z
    .object({ move: z.enum(['UP', 'DOWN', 'FLAT']), reading: z.enum(['IMPROVING', 'WORSENING', 'STABLE']).nullable(), change: z.number(), points: z.number().int() })
    .nullable(),
  dashboardIds: z.array(Id),
});

export const TopRisks = z.object({ asOf: LocalDate, risks: z.array(Risk) });

export const Direction = z.object({
  asOf: LocalDate,
  processes: z.array(ProcessOverview),
  dashboards: z.array(DashboardOverview),
  topRisks: z.array(Risk),
  overdueActions: z.array(Action),
  openActionsByOwner: z.array(z.object({ ownerUserId: z.string().nullable(), open: z.number().int(), overdue: z.number().int() })),
});
