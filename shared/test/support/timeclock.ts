import { localInstant } from '../../src/planning/conflicts';
import type { TimeRules } from '../../src/timeclock/types';

/** Base rules of the time clock tests: Paris, no rounding, GENERAL night window, 60 s repeats. */
export const BASE_RULES: TimeRules = { zone: 'Europe/Paris', roundingMinutes: 0, roundingMode: 'NEAREST', nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0, repeatTapSeconds: 60 };

export const P = 'Europe/Paris';

/** "2026-01-15 09:00" or "2026-01-15 09:00:30" in Paris, as an ISO instant. */
export function iso(local: string): string {
  const [date, time] = local.split(' ') as [string, string];
  const [hh, mm, ss] = time.split(':');
  return new Date(localInstant(date, `${hh}:${mm}`, P) + Number(ss ?? 0) * 1000).toISOString();
}
