import { missingBreaks, type BreakWarning } from '../planning/work-breaks';
import type { ConventionProfile } from '../planning/profiles';
import type { Interval } from './night';
import type { Punch, TimeRules } from './types';
import { paidIntervalsOf } from './worked-time';

/** A timesheet as the break rule reads it: its person and the punches it was computed from. */
export interface BreakTimesheet {
  id: string;
  userId: string;
  punchIds: readonly string[];
}

/**
 * The 20-minute break warnings (L3121-16, missingBreaks) of each timesheet, from the punches: each timesheet's
 * paid intervals come from its own punches (its punchIds: a validated timesheet keeps the punches it was
 * validated with), then each person's intervals of every timesheet given are read together (two missions back
 * to back are one stretch of work), and a warning goes to every timesheet with paid time inside its stretch.
 * Timesheets without punches (typed by hand: a typed break has no time of day) get none.
 */
export function timesheetBreakWarnings(
  timesheets: readonly BreakTimesheet[],
  punches: readonly Punch[],
  rules: TimeRules,
  profile: Pick<ConventionProfile, 'breakAfterHours' | 'breakMinutes' | 'rules'>,
): Map<string, BreakWarning[]> {
  const out = new Map<string, BreakWarning[]>();
  if (!profile.rules.breaks) return out;
  const byId = new Map(punches.map((p) => [p.id, p]));
  const perPerson = new Map<string, { id: string; intervals: Interval[] }[]>();
  for (const t of timesheets) {
    const own: Punch[] = [];
    for (const id of t.punchIds) {
      const p = byId.get(id);
      if (p && p.userId === t.userId) own.push(p);
    }
    if (own.length === 0) continue;
    const intervals = paidIntervalsOf(own, rules);
    if (intervals.length === 0) continue;
    const list = perPerson.get(t.userId) ?? [];
    list.push({ id: t.id, intervals });
    perPerson.set(t.userId, list);
  }
  for (const sheets of perPerson.values()) {
    const warnings = missingBreaks(sheets.flatMap((s) => s.intervals), profile);
    for (const w of warnings) {
      for (const s of sheets) {
        if (!s.intervals.some((iv) => iv.start < w.to && iv.end > w.from)) continue;
        const list = out.get(s.id) ?? [];
        list.push(w);
        out.set(s.id, list);
      }
    }
  }
  return out;
}
