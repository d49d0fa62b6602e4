import type { TimeRange, WizardInput } from '@coulisses/shared';
import { datesBetween } from '@coulisses/shared/planning/date-list';
import { isLocalTime } from '@coulisses/shared/planning/local-time';
import type { DatesValue } from '../form/DatesPicker';
import type { MissionType } from '../../../../data/types';
import type { NeedValues } from '../../../../data/planning/mission-writes';

/** The most missions one batch may create (the push sends 100 per request; this stays reasonable offline). */
export const BATCH_MAX = 500;

export interface BatchValues {
  title: string;
  projectId: string;
  venueId: string;
  type: MissionType;
  dates: DatesValue;
  ranges: TimeRange[];
  roles: NeedValues[];
  onePerRole: boolean;
}

export type BatchError = 'TITLE_REQUIRED' | 'NO_DATES' | 'BAD_RANGE' | 'BAD_NEED' | 'TOO_MANY';

/** The wizard's input for expandWizard, or why the form is not complete. */
export function wizardInput(v: BatchValues, tz: string): { input: WizardInput } | { error: BatchError } {
  const title = v.title.trim().slice(0, 150);
  if (!title) return { error: 'TITLE_REQUIRED' };
  const dates = datesBetween(v.dates.from, v.dates.to, v.dates.weekdays);
  if (dates.length === 0) return { error: 'NO_DATES' };
  if (v.ranges.length === 0 || v.ranges.some((r) => !isLocalTime(r.from) || !isLocalTime(r.to) || r.from === r.to)) return { error: 'BAD_RANGE' };
  const roles = v.roles.filter((r) => r.role.trim()).map((r) => ({ role: r.role.trim().slice(0, 60), count: r.count, skills: r.skills }));
  if (roles.some((r) => !Number.isInteger(r.count) || r.count < 1 || r.count > 500)) return { error: 'BAD_NEED' };
  const total = dates.length * v.ranges.length * (v.onePerRole && roles.length > 0 ? roles.length : 1);
  if (total > BATCH_MAX) return { error: 'TOO_MANY' };
  return { input: { title, projectId: v.projectId || null, venueId: v.venueId || null, type: v.type, dates, ranges: v.ranges, roles, onePerRole: v.onePerRole, tz } };
}
