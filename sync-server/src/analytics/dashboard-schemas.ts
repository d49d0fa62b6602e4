import { z } from 'zod';

/** The query and answer of GET /api/v1/analytics/dashboard, for validation (query) and the OpenAPI document. */

const LocalDay = z.iso.date();
const Opt = (description: string) => z.string().max(200).optional().meta({ description });

export const DashboardApiQuery = z
  .object({
    from: LocalDay.optional().meta({ description: "First day (YYYY-MM-DD, the organisation's zone). With `to`; both absent: this month" }),
    to: LocalDay.optional().meta({ description: 'Last day, inclusive (at most 1096 days after from)' }),
    projectId: Opt('Only this project'),
    venueId: Opt('Only this venue'),
    teamId: Opt("Only this team: hours of its members, missions of the team"),
    role: Opt('Only this role (name of the mission need role)'),
    compare: z.enum(['previous', 'lastYear', 'none']).optional().meta({ description: 'Comparison: previous period of the same length, same dates last year, or none (default)' }),
  })
  .strict();

const Num = z.number();
const NumOrNull = z.number().nullable();
const Count = z.object({ total: Num, open: Num, closed: Num });
const Period = z.object({ from: z.string(), to: z.string(), days: Num });
const Indicators = z.object({
  missions: Num.meta({ description: 'Published missions with a need in the period' }),
  needed: Num,
  filled: Num.meta({ description: 'Sum over missions of min(accepted, needed)' }),
  coverageRate: NumOrNull.meta({ description: 'filled / needed (0..1)' }),
  rows: Num,
  people: Num,
  plannedMinutes: Num,
  actualMinutes: Num,
  variancePct: NumOrNull.meta({ description: '100 x (actual - planned) / planned' }),
  overtimeMinutes: Num,
  nightMinutes: Num,
  lateStarts: Num,
  payrollCents: NumOrNull.meta({ description: 'Payroll mass; null unless the caller reads pay figures' }),
  avgHourlyCostCents: NumOrNull,
  payComplete: z.boolean().nullable(),
  incidents: Count,
});
const Heat = z.object({ cells: z.array(Num).meta({ description: '168 cells, weekday (0 Monday) x 24 + local hour, person-minutes' }), max: Num, total: Num });
const NullableId = z.string().nullable();

export const DashboardApiResult = z.object({
  filters: z.object({ from: z.string(), to: z.string(), projectId: NullableId, venueId: NullableId, teamId: NullableId, role: NullableId }),
  period: Period,
  compare: z.enum(['previous', 'lastYear']).nullable(),
  comparePeriod: Period.nullable(),
  pay: z.boolean(),
  zone: z.string().nullable(),
  missingMonths: z.array(z.string()),
  compareMissingMonths: z.array(z.string()),
  current: Indicators,
  comparison: Indicators.nullable(),
  deltas: z.record(z.string(), NumOrNull).nullable().meta({ description: 'Relative change per indicator; coverageRate and variancePct: difference' }),
  heatmap: z.object({ overall: Heat, byVenue: z.array(Heat.extend({ venueId: NullableId })) }),
  series: z.object({
    days: z.array(z.string()),
    plannedMinutes: z.array(Num),
    actualMinutes: z.array(Num),
    compareDays: z.array(z.string().nullable()).nullable(),
    comparePlannedMinutes: z.array(NumOrNull).nullable(),
    compareActualMinutes: z.array(NumOrNull).nullable(),
  }),
  incidents: z.object({
    byVenue: z.array(Count.extend({ venueId: NullableId })),
    byCategory: z.array(Count.extend({ category: NullableId })),
    byVenueCategory: z.array(Count.extend({ venueId: NullableId, category: NullableId })),
  }),
  options: z.object({ projectIds: z.array(z.string()), venueIds: z.array(z.string()), teamIds: z.array(z.string()), roles: z.array(z.string()), categories: z.array(z.string()) }),
  dataAsOf: z
    .object({ refreshedAt: z.string(), sourceUpTo: z.string().nullable(), months: z.array(z.string()) })
    .nullable()
    .meta({ description: 'When the slices were computed (an_meta); null before the first refresh' }),
});
