import { DAY, HOUR } from '../time/zone';
import { addDaysMemo as addDays, mondayOfDate as mondayOf } from './date-memo';
import { zoneDays } from '../timeclock/zone-days';
import type { PlanningConflict } from './conflicts';
import type { ConventionProfile } from './profiles';
import { allowsReducedRest, lastEnding, shiftsOf, type WorkingPeriod } from './working-periods';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Reduced rests granted so far, by the local date they end on, for the caps of the profile. */
class ReducedRestCaps {
  private readonly dates: string[] = [];

  constructor(private readonly profile: ConventionProfile) {}

  /** Which cap a reduced rest ending on `date` would exceed: the civil week's, the 7 days', or none. */
  blocked(date: string): 'WEEK' | 'SEVEN_DAYS' | null {
    const monday = mondayOf(date);
    const sunday = addDays(monday, 6);
    const from = addDays(date, -6);
    let week = 0;
    let seven = 0;
    for (const d of this.dates) {
      if (d >= monday && d <= sunday) week += 1;
      if (d >= from && d <= date) seven += 1;
    }
    if (week >= this.profile.maxReducedRestsPerWeek) return 'WEEK';
    if (this.profile.maxReducedRestsPer7Days > 0 && seven >= this.profile.maxReducedRestsPer7Days) return 'SEVEN_DAYS';
    return null;
  }

  grant(date: string): void {
    this.dates.push(date);
  }
}

/**
 * Daily rest of one person's working periods (in order, from workingPeriods), as the law states it: every 24
 * hours from the start of a working period hold `dailyRestHours` (11) consecutive hours of rest. The rest of
 * the 24 hours from the start s of a period ending at e is min(gap to the next period, s + 24 h - e):
 * - at least 11 h: nothing;
 * - at least the reduced rest (IDCC 2717: 9 h) where the profile allows it and neither cap is used up (2 per
 *   civil week, 3 per 7 consecutive days, counted on the local date the rest ends, in the order of the rests):
 *   REDUCED_REST, a warning, and the rest counts against the caps;
 * - otherwise errors, with the minimum that applies (9 h while a reduced rest is still allowed, else 11 h):
 *   REST when the gap to the next period is below it (the rest between two periods is too short), AMPLITUDE
 *   when the period lasts more than 24 h minus it (13 h, or 15 h), or both. A REST or AMPLITUDE that a reduced
 *   rest would have covered but for a cap says which cap (`cap`).
 * Conflicts carry the instants (`from`, `to`: the rest, or the period), the measured hours and the limit;
 * `period` is the local date the rest ends on (REST, REDUCED_REST) or the period starts on (AMPLITUDE).
 */
export function dailyRestOfPeriods(periods: readonly WorkingPeriod[], profile: ConventionProfile, tz: string): PlanningConflict[] {
  const days = zoneDays(tz);
  const full = profile.dailyRestHours * HOUR;
  const reducible = allowsReducedRest(profile);
  const reduced = profile.reducedRestHours * HOUR;
  const caps = new ReducedRestCaps(profile);
  const out: PlanningConflict[] = [];
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    const next = periods[i + 1];
    const gap = next ? next.start - p.end : Infinity;
    const amplitude = p.end - p.start;
    const windowRest = Math.max(0, Math.min(gap, DAY - amplitude));
    if (windowRest >= full) continue;
    const gapLimited = gap <= DAY - amplitude;
    const restEnd = gapLimited ? next!.start : p.start + DAY;
    const restDate = days.dateOf(restEnd);
    const cap = reducible ? caps.blocked(restDate) : null;
    const userId = p.blocks[0]!.shifts[0]!.userId;
    const periodShifts = shiftsOf(p);
    const last = lastEnding(p);
    if (reducible && cap === null && windowRest >= reduced) {
      caps.grant(restDate);
      const involved = gapLimited ? [last, next!.blocks[0]!.shifts[0]!] : periodShifts;
      out.push({
        kind: 'REDUCED_REST', severity: 'warning', userId,
        assignmentIds: involved.map((s) => s.assignmentId), missionIds: involved.map((s) => s.missionId),
        period: restDate, hours: round2(windowRest / HOUR), limitHours: profile.dailyRestHours, from: p.end, to: restEnd,
      });
      continue;
    }
    const minimum = reducible && cap === null ? reduced : full;
    const capOf = cap !== null && windowRest >= reduced ? { cap } : {};
    if (gap < minimum) {
      const first = next!.blocks[0]!.shifts[0]!;
      out.push({
        kind: 'REST', severity: 'error', userId,
        assignmentIds: [last.assignmentId, first.assignmentId], missionIds: [last.missionId, first.missionId],
        period: days.dateOf(next!.start), hours: round2(gap / HOUR), limitHours: minimum / HOUR, from: p.end, to: next!.start, ...capOf,
      });
    }
    if (amplitude > DAY - minimum) {
      out.push({
        kind: 'AMPLITUDE', severity: 'error', userId,
        assignmentIds: periodShifts.map((s) => s.assignmentId), missionIds: periodShifts.map((s) => s.missionId),
        period: days.dateOf(p.start), hours: round2(amplitude / HOUR), limitHours: (DAY - minimum) / HOUR, from: p.start, to: p.end, ...capOf,
      });
    }
  }
  return out;
}
