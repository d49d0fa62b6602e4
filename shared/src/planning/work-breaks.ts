import type { Interval } from '../timeclock/night';
import type { Punch, TimeRules } from '../timeclock/types';
import { paidIntervalsOf } from '../timeclock/worked-time';
import { HOUR } from '../time/zone';
import type { ConventionProfile } from './profiles';

/** Work without the break the law asks for (L3121-16), as the punches show it. */
export interface BreakWarning {
  kind: 'BREAK';
  severity: 'warning';
  /** The stretch of work without a break of `breakMinutes` consecutive minutes (UTC instants). */
  from: number;
  to: number;
  /** Work in that stretch, and the limit, in hours. */
  hours: number;
  limitHours: number;
  breakMinutes: number;
}

const MINUTE = 60_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * L3121-16: "des que le temps de travail quotidien atteint six heures, le salarie beneficie d'un temps de pause
 * d'une duree minimale de vingt minutes consecutives". Read on one person's paid intervals (IN/OUT pairs minus
 * their breaks, any number of timesheets): work joins into one stretch across every pause shorter than
 * `breakMinutes` (20); a stretch holding more than `breakAfterHours` (6) of work went past six hours without the
 * pause, and is a warning. Exactly 6 h of work then the end of the day is no warning (the pause would come after
 * the work). None when the profile's `breaks` rule is off.
 */
export function missingBreaks(intervals: readonly Interval[], profile: Pick<ConventionProfile, 'breakAfterHours' | 'breakMinutes' | 'rules'>): BreakWarning[] {
  if (!profile.rules.breaks) return [];
  const pause = profile.breakMinutes * MINUTE;
  const limit = profile.breakAfterHours * HOUR;
  const sorted = intervals.filter((iv) => iv.end > iv.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: BreakWarning[] = [];
  let from = 0;
  let to = -Infinity;
  let work = 0;
  const close = () => {
    if (work > limit) out.push({ kind: 'BREAK', severity: 'warning', from, to, hours: round2(work / HOUR), limitHours: profile.breakAfterHours, breakMinutes: profile.breakMinutes });
  };
  for (const iv of sorted) {
    if (iv.start - to >= pause) {
      close();
      from = iv.start;
      to = iv.end;
      work = iv.end - iv.start;
      continue;
    }
    // Overlapping intervals count once.
    if (iv.end > to) {
      work += iv.end - Math.max(iv.start, to);
      to = iv.end;
    }
  }
  if (to > -Infinity) close();
  return out;
}

/** missingBreaks on one person's punches (read as computeWorkedTime reads them). */
export function punchBreakWarnings(punches: readonly Punch[], rules: TimeRules, profile: Pick<ConventionProfile, 'breakAfterHours' | 'breakMinutes' | 'rules'>): BreakWarning[] {
  return missingBreaks(paidIntervalsOf(punches, rules), profile);
}
