import { z } from 'zod';
import { Id, LocalDate, LongText, ShortText, text } from '../entities/common';
import { KPI_FREQUENCIES, isPeriodStart } from './periods';

/** Which way a KPI is good (docs/decisions/kpi-rules.md). */
export const KPI_DIRECTIONS = ['UP_IS_BETTER', 'DOWN_IS_BETTER', 'CLOSEST_IS_BETTER'] as const;
export type KpiRuleDirection = (typeof KPI_DIRECTIONS)[number];

/** How period values are combined for year-to-date and rolling views; targets are combined the same way. */
export const KPI_AGGREGATIONS = ['SUM', 'AVERAGE', 'LAST'] as const;
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

/** Where a KPI's values come from. */
export const KPI_SOURCES = ['MANUAL', 'IMPORT', 'AUTOMATIC'] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

export const KPI_THRESHOLD_KINDS = ['ABSOLUTE', 'PERCENT_OF_TARGET'] as const;
export type KpiThresholdKind = (typeof KPI_THRESHOLD_KINDS)[number];

const Num = z.number().finite();

/** A target that applies from the period starting on `periodStart` until the next point of the series. */
export const KpiTargetPoint = z.object({ periodStart: LocalDate, target: Num }).strict();
export type KpiTargetPoint = z.infer<typeof KpiTargetPoint>;

/** A fixed target, a series of targets by period, or none. */
export const KpiTarget = z.union([Num, z.array(KpiTargetPoint).max(1000)]).nullable();
export type KpiTarget = z.infer<typeof KpiTarget>;

/**
 * Band bounds. ABSOLUTE: values of the KPI (UP, DOWN), or allowed distances from the target (CLOSEST).
 * PERCENT_OF_TARGET: percentages of the period's target (UP: green >= 100, orange >= 90; DOWN: green <= 100,
 * orange <= 110; CLOSEST: allowed distance from the target, green <= 5, orange <= 10).
 */
export const KpiBands = z
  .object({
    kind: z.enum(KPI_THRESHOLD_KINDS),
    green: Num,
    orange: Num,
  })
  .strict();
export type KpiBands = z.infer<typeof KpiBands>;

export const KpiDefinitionObject = z
  .object({
    name: ShortText.min(1),
    description: LongText.optional(),
    /** Shown after the value: %, EUR, h, nb... */
    unit: text(20),
    /** Digits shown after the decimal point; the status is computed on the value rounded to them. */
    decimals: z.number().int().min(0).max(6),
    frequency: z.enum(KPI_FREQUENCIES),
    direction: z.enum(KPI_DIRECTIONS),
    target: KpiTarget,
    thresholds: KpiBands,
    aggregation: z.enum(KPI_AGGREGATIONS),
    ownerUserId: Id.nullable(),
    source: z.enum(KPI_SOURCES),
    active: z.boolean(),
    /** Days after a period's last day during which a missing value is not yet LATE. */
    gracePeriodDays: z.number().int().min(0).max(366),
  })
  .strict();

/** Why a definition is refused beyond its field types (issue message, stable for tests and the client). */
export const KPI_DEFINITION_ISSUES = {
  BANDS_ORDER: 'KPI_BANDS_ORDER',
  NEGATIVE_BAND: 'KPI_NEGATIVE_BAND',
  TARGET_SERIES_ORDER: 'KPI_TARGET_SERIES_ORDER',
  TARGET_NOT_PERIOD_START: 'KPI_TARGET_NOT_PERIOD_START',
} as const;

/**
 * A KPI definition (issue 12): one typed schema for the client, the server and the worker. Bands must be in
 * the order of the direction (UP: orange <= green; DOWN: orange >= green; CLOSEST: 0 <= green <= orange), percent
 * bands are not negative, a target series is in strictly increasing period order and names period starts.
 */
export const KpiDefinition = KpiDefinitionObject.superRefine(checkKpiRules);
export type KpiDefinition = z.infer<typeof KpiDefinition>;

/** The parts of a definition its rules read (the bands, the direction, the target and the frequency). */
type RuleFields = Pick<KpiDefinition, 'thresholds' | 'direction' | 'target' | 'frequency'>;

/** The definition's rules beyond its field types, as zod issues (KPI_DEFINITION_ISSUES messages). */
export function checkKpiRules(d: RuleFields, ctx: z.core.$RefinementCtx): void {
  const { green, orange, kind } = d.thresholds;
  const ordered = d.direction === 'UP_IS_BETTER' ? orange <= green : d.direction === 'DOWN_IS_BETTER' ? orange >= green : green <= orange;
  if (!ordered) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: KPI_DEFINITION_ISSUES.BANDS_ORDER });
  if ((kind === 'PERCENT_OF_TARGET' || d.direction === 'CLOSEST_IS_BETTER') && (green < 0 || orange < 0)) {
    ctx.addIssue({ code: 'custom', path: ['thresholds'], message: KPI_DEFINITION_ISSUES.NEGATIVE_BAND });
  }
  const series = d.target;
  if (Array.isArray(series)) {
    series.forEach((p, i) => {
      if (i > 0 && p.periodStart <= series[i - 1]!.periodStart) {
        ctx.addIssue({ code: 'custom', path: ['target', i, 'periodStart'], message: KPI_DEFINITION_ISSUES.TARGET_SERIES_ORDER });
      }
      if (!isPeriodStart(p.periodStart, d.frequency)) {
        ctx.addIssue({ code: 'custom', path: ['target', i, 'periodStart'], message: KPI_DEFINITION_ISSUES.TARGET_NOT_PERIOD_START });
      }
    });
  }
}

/**
 * The target of the period starting on `periodStart`: the fixed target, or the last point of the series at
 * or before that period (a point holds until the next one); null when there is none (no target, or a period
 * before the series' first point).
 */
export function targetFor(target: KpiTarget | undefined, periodStart: string): number | null {
  if (target === null || target === undefined) return null;
  if (typeof target === 'number') return target;
  let found: number | null = null;
  for (const p of target) {
    if (p.periodStart <= periodStart) found = p.target;
    else break;
  }
  return found;
}
