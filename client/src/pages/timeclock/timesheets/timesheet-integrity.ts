import { profileForSettings, timeRulesOf } from '@coulisses/shared';
import { overlapsOf, timesheetOverlaps } from '@coulisses/shared/payroll/overlaps';
import type { BreakWarning } from '@coulisses/shared/planning/work-breaks';
import { openAdjustments } from '@coulisses/shared/timeclock/adjustments';
import { punchOf, type PunchEvent } from '@coulisses/shared/timeclock/punch';
import { timesheetBreakWarnings } from '@coulisses/shared/timeclock/timesheet-breaks';
import type { Punch } from '@coulisses/shared/timeclock/types';
import { useMemo } from 'react';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { useFieldEvents, type FieldEventDoc, type TimesheetDoc } from './timesheet-data';

/** Another timesheet of the same person sharing time with this one. */
export interface OverlapNote {
  other: TimesheetDoc;
  minutes: number;
}

export interface TimesheetIntegrity {
  /** Per timesheet: the others of the person it shares time with (the payroll pays that time once). */
  overlaps: Map<string, OverlapNote[]>;
  /** Per timesheet: the 20-minute break warnings (L3121-16) its punches show. */
  breaks: Map<string, BreakWarning[]>;
  /** Per timesheet: adjustment requests waiting for a planner (it must be validated again). */
  open: Map<string, FieldEventDoc[]>;
}

/**
 * What the timesheet screens say beside the figures, computed live from the local store with the shared rules
 * (so a punch, a request or a timesheet that syncs updates it): overlaps with the person's other timesheets,
 * missing 20-minute breaks, and open adjustment requests. `userId` limits the punches and requests read to one
 * person (the crew's own screen).
 */
export function useTimesheetIntegrity(docs: readonly TimesheetDoc[], userId?: string): TimesheetIntegrity {
  const { tz, settings } = useOrgContext();
  const { docs: punchEvents } = useFieldEvents('PUNCH', userId);
  const { docs: requests } = useFieldEvents('ADJUSTMENT_REQUEST', userId);
  const rules = useMemo(() => timeRulesOf(settings, tz), [settings, tz]);
  const profile = useMemo(() => profileForSettings(settings), [settings]);
  const punches = useMemo(() => {
    const out: Punch[] = [];
    for (const e of punchEvents) {
      const p = punchOf(e as unknown as PunchEvent);
      if (p) out.push(p);
    }
    return out;
  }, [punchEvents]);

  const overlaps = useMemo(() => {
    const live = docs.filter((d) => !(d as { _deleted?: boolean })._deleted);
    const byId = new Map(live.map((d) => [d.id, d]));
    const pairs = timesheetOverlaps(live);
    const out = new Map<string, OverlapNote[]>();
    for (const d of live) {
      const notes = overlapsOf(d.id, pairs).flatMap(({ otherId, overlap }) => {
        const other = byId.get(otherId);
        return other ? [{ other, minutes: overlap.minutes }] : [];
      });
      if (notes.length > 0) out.set(d.id, notes);
    }
    return out;
  }, [docs]);

  const breaks = useMemo(() => timesheetBreakWarnings(docs, punches, rules, profile), [docs, punches, rules, profile]);

  const open = useMemo(() => {
    const bySubject = new Map<string, FieldEventDoc[]>();
    for (const r of requests) if (r.subjectId) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
    const out = new Map<string, FieldEventDoc[]>();
    for (const d of docs) {
      const mine = bySubject.get(d.id);
      if (!mine) continue;
      const waiting = openAdjustments(d, mine);
      if (waiting.length > 0) out.set(d.id, waiting);
    }
    return out;
  }, [docs, requests]);

  return { overlaps, breaks, open };
}
