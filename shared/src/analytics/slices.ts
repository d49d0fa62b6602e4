import { z } from 'zod';
import { SafeText, text } from '../entities/common';

/**
 * The analytics slices the server computes from its warehouse and syncs to the devices of those allowed
 * (docs/data-model.md "Analytics slices"). One document per kind, month and part: at most SLICE_MAX_ROWS rows each,
 * the last 13 months and the next 2 by default. Rows are columns (one array per field, all of the same length) and every id or
 * name is written once in `dict`, the columns holding its index (-1: none), so 100,000 assignments fit in a few
 * megabytes and the worker reads them without parsing objects.
 *
 * Kinds (the `kind` of the analytics_slices document):
 * - an_hours: one row per person and mission (an ACCEPTED assignment on a PUBLISHED mission, or timesheets on it),
 *   and one per timesheet without mission: planned, actual (paid, overlapping time once), overtime, night minutes,
 *   late start. Not sensitive.
 * - an_pay: the cost of each row of the an_hours slice of the same month, part and stamp (same order). Sensitive:
 *   ADMIN, and the accounts the organisation's setting names (`readerAccountIds`).
 * - an_missions: one row per mission and role need (and one with role -1 for assignments of no listed role).
 * - an_incidents: one row per equipment incident.
 * - an_meta: one document (id `an-meta`): when the slices were computed, which months they hold.
 */
export const ANALYTICS_SLICE_KINDS = ['an_hours', 'an_pay', 'an_missions', 'an_incidents', 'an_meta'] as const;
export type AnalyticsSliceKind = (typeof ANALYTICS_SLICE_KINDS)[number];

/** Rows per slice document (a month with more rows has several parts). */
export const SLICE_MAX_ROWS = 5000;
/** Months of history the server keeps in slices by default (this month and the 12 before). */
export const SLICE_DEFAULT_MONTHS = 13;
/** Months after this one also kept in slices: the coverage of the coming weeks is read offline too. */
export const SLICE_AHEAD_MONTHS = 2;
/** The id of the one meta document of an organisation. */
export const SLICE_META_ID = 'an-meta';
/** The deterministic id of a slice document (ids are at most 40 characters). */
export const sliceId = (kind: Exclude<AnalyticsSliceKind, 'an_meta'>, month: string, part: number): string => `${kind}-${month}-${part}`;

const Month = SafeText.regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Ints = z.array(z.number().int());
const Index = z.array(z.number().int().min(-1));

/** The zone's UTC offset (minutes) from the month's first instant, and at every change inside it: [utcMinute, offset]. */
const Offsets = z.array(z.tuple([z.number().int(), z.number().int().min(-900).max(900)])).min(1).max(8);

const common = {
  month: Month,
  part: z.number().int().min(0).max(999),
  /** The refresh that wrote it: an an_pay slice goes with the an_hours slice of the same month, part and stamp. */
  stamp: text(40),
};

/** Same length for every column of `rows`. */
function sameLengths(doc: { rows: Record<string, unknown[]> }, ctx: z.core.$RefinementCtx): void {
  const lengths = new Set(Object.values(doc.rows).map((c) => c.length));
  if (lengths.size > 1) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'columns of different lengths' });
}

export const HoursSliceData = z
  .object({
    ...common,
    zone: text(64),
    offsets: Offsets,
    dict: z.array(text(200)).max(4 * SLICE_MAX_ROWS),
    rows: z
      .object({
        /** Local day of the month (1-31) of the mission's start, or the timesheet's date. */
        day: Ints,
        user: Index,
        mission: Index,
        project: Index,
        venue: Index,
        /** The assignment's role (the mission need's role name), -1 without. */
        role: Index,
        /** Planned start and end (UTC epoch minutes) for the load heatmap; a timesheet's own times without mission; -1 unknown. */
        start: Ints,
        end: Ints,
        planned: Ints,
        actual: Ints,
        overtime: Ints,
        night: Ints,
        /** 1: first clock in later than the start by more than the tolerance. */
        late: Ints,
      })
      .strict(),
  })
  .strict()
  .superRefine(sameLengths);
export type HoursSliceData = z.infer<typeof HoursSliceData>;

export const PaySliceData = z
  .object({ ...common, rows: z.object({ costCents: Ints }).strict() })
  .strict();
export type PaySliceData = z.infer<typeof PaySliceData>;

export const MissionsSliceData = z
  .object({
    ...common,
    zone: text(64),
    offsets: Offsets,
    dict: z.array(text(200)).max(4 * SLICE_MAX_ROWS),
    rows: z
      .object({
        day: Ints,
        mission: Index,
        project: Index,
        venue: Index,
        /** The mission's team (-1 without). */
        team: Index,
        role: Index,
        /** Index of the mission type and status names in dict. */
        type: Index,
        status: Index,
        start: Ints,
        end: Ints,
        needed: Ints,
        accepted: Ints,
        invited: Ints,
        declined: Ints,
      })
      .strict(),
  })
  .strict()
  .superRefine(sameLengths);
export type MissionsSliceData = z.infer<typeof MissionsSliceData>;

export const IncidentsSliceData = z
  .object({
    ...common,
    dict: z.array(text(200)).max(8 * SLICE_MAX_ROWS),
    rows: z
      .object({
        incident: Index,
        day: Ints,
        /** UTC epoch minutes of the report. */
        at: Ints,
        venue: Index,
        project: Index,
        mission: Index,
        item: Index,
        /** Incident category and severity names (dict indexes). */
        category: Index,
        severity: Index,
        /** 1 while open. */
        open: Ints,
      })
      .strict(),
  })
  .strict()
  .superRefine(sameLengths);
export type IncidentsSliceData = z.infer<typeof IncidentsSliceData>;

export const MetaSliceData = z
  .object({
    zone: text(64),
    /** Months held (YYYY-MM, oldest first). */
    months: z.array(Month).max(120),
    /** The newest source change the slices include (server time), and when they were written. */
    sourceUpTo: z.iso.datetime().nullable(),
    refreshedAt: z.iso.datetime(),
    /** Whether the pay slices exist for the organisation's readers (the viewer may still not read them). */
    pay: z.boolean(),
  })
  .strict();
export type MetaSliceData = z.infer<typeof MetaSliceData>;

/** The typed data of each analytics slice kind (the registry's kindData). */
export const ANALYTICS_SLICE_SCHEMAS = {
  an_hours: HoursSliceData,
  an_pay: PaySliceData,
  an_missions: MissionsSliceData,
  an_incidents: IncidentsSliceData,
  an_meta: MetaSliceData,
} as const;
