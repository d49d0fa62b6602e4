import { z } from 'zod';
import { SafeText } from '../entities/common';
import type { AnalyticsFilters, CompareMode } from './dashboard-types';
import { dayNumber } from './periods';

/** The longest period the dashboard computes (days): three years, so a series stays a few hundred points. */
export const DASHBOARD_MAX_DAYS = 1096;

const LocalDay = z.iso.date();
const OptionalId = SafeText.trim().max(200).nullish().transform((v) => (v ? v : null));

/**
 * The dashboard's filters as a schema (the server's query, a URL's filter state): local dates from <= to, at most
 * DASHBOARD_MAX_DAYS days; ids and role optional, empty meaning none.
 */
export const AnalyticsFiltersSchema = z
  .object({ from: LocalDay, to: LocalDay, projectId: OptionalId, venueId: OptionalId, teamId: OptionalId, role: OptionalId })
  .superRefine((f, ctx) => {
    const span = dayNumber(f.to) - dayNumber(f.from) + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
    else if (span > DASHBOARD_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${DASHBOARD_MAX_DAYS} days` });
  });

export const CompareModeSchema = z.enum(['previous', 'lastYear']);

/** Filters with every optional axis set (null: no filter). Throws nothing: the caller validated them. */
export function normaliseFilters(f: AnalyticsFilters): Required<AnalyticsFilters> {
  const clean = (v: string | null | undefined) => (v ? v : null);
  return { from: f.from, to: f.to, projectId: clean(f.projectId), venueId: clean(f.venueId), teamId: clean(f.teamId), role: clean(f.role) };
}

export type { AnalyticsFilters, CompareMode };
