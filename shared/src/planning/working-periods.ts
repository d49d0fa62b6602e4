import { DAY, HOUR } from '../time/zone';
import type { Shift } from './conflicts';
import type { ConventionProfile } from './profiles';

/** Shifts of one person that overlap or touch, as one span of work (UTC instants). */
export interface WorkBlock {
  start: number;
  end: number;
  /** The shifts in it, by start. */
  shifts: Shift[];
  /** Work inside the block (the union of its shifts), in ms. */
  workMs: number;
}

/**
 * A working period: the blocks of one person between two daily rests. Its amplitude is end - start; the gaps
 * between its blocks are breaks, not rests.
 */
export interface WorkingPeriod {
  start: number;
  end: number;
  blocks: WorkBlock[];
  /** Work of the period (sum of its blocks), in ms. */
  workMs: number;
}

const byStart = (a: Shift, b: Shift): number => a.start - b.start || a.end - b.end;

/** One person's shifts (end > start) as blocks of work, in order; overlapping or touching shifts join. */
export function workBlocks(shifts: readonly Shift[]): WorkBlock[] {
  const out: WorkBlock[] = [];
  let cur: WorkBlock | null = null;
  for (const s of [...shifts].sort(byStart)) {
    if (!(s.end > s.start)) continue;
    if (cur && s.start <= cur.end) {
      if (s.end > cur.end) {
        cur.workMs += s.end - cur.end;
        cur.end = s.end;
      }
      cur.shifts.push(s);
    } else {
      cur = { start: s.start, end: s.end, shifts: [s], workMs: s.end - s.start };
      out.push(cur);
    }
  }
  return out;
}

function periodOf(blocks: WorkBlock[]): WorkingPeriod {
  let workMs = 0;
  for (const b of blocks) workMs += b.workMs;
  return { start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end, blocks, workMs };
}

/** True when the profile allows a reduced daily rest (IDCC 2717: 9 h). */
export function allowsReducedRest(profile: ConventionProfile): boolean {
  return profile.maxReducedRestsPerWeek > 0 && profile.reducedRestHours < profile.dailyRestHours;
}

/**
 * One person's working periods, in order (L3131-1: 11 consecutive hours of rest in every 24 hours, read on the
 * real instants of the shifts, whatever the calendar dates):
 * 1. A gap of at least the shortest rest the profile allows (11 h; 9 h where a reduced rest may apply) ends a
 *    working period. A shorter gap is a break, so a show then a load-out after midnight is one period.
 * 2. A block starting more than 24 h minus that rest (13 h; 15 h) after the start of the current period cannot
 *    belong to it: the period's daily rest must lie between them, so the period is cut at the longest gap from
 *    its start to that block (the latest of equal ones), which is then a daily rest that is too short.
 * 3. Where a reduced rest may apply, two periods separated by a gap of at least the reduced rest but less than
 *    the full rest are one period when the whole fits in 24 h minus the full rest (13 h): every 24 hours from
 *    its start then hold a full rest, and no reduced rest is used.
 */
export function workingPeriods(shifts: readonly Shift[], profile: ConventionProfile): WorkingPeriod[] {
  const blocks = workBlocks(shifts);
  const full = profile.dailyRestHours * HOUR;
  const reducible = allowsReducedRest(profile);
  const shortest = reducible ? profile.reducedRestHours * HOUR : full;
  const maxSpan = DAY - shortest;

  const runs: WorkBlock[][] = [];
  let cur: WorkBlock[] = [];
  for (const b of blocks) {
    for (;;) {
      if (cur.length === 0) {
        cur.push(b);
        break;
      }
      const last = cur[cur.length - 1]!;
      if (b.start - last.end >= shortest) {
        runs.push(cur);
        cur = [b];
        break;
      }
      if (b.start - cur[0]!.start <= maxSpan) {
        cur.push(b);
        break;
      }
      // The longest gap from the period's start up to b (the latest on ties) is its daily rest.
      let at = cur.length;
      let longest = b.start - last.end;
      for (let i = cur.length - 1; i >= 1; i--) {
        const gap = cur[i]!.start - cur[i - 1]!.end;
        if (gap > longest) {
          longest = gap;
          at = i;
        }
      }
      runs.push(cur.slice(0, at));
      cur = cur.slice(at);
    }
  }
  if (cur.length > 0) runs.push(cur);

  if (!reducible) return runs.map(periodOf);
  const merged: WorkBlock[][] = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const gap = run[0]!.start - prev[prev.length - 1]!.end;
      if (gap >= shortest && gap < full && run[run.length - 1]!.end - prev[0]!.start <= DAY - full) {
        prev.push(...run);
        continue;
      }
    }
    merged.push([...run]);
  }
  return merged.map(periodOf);
}

/** The shifts of a period, by start (the last one is the one to move or replace). */
export function shiftsOf(period: WorkingPeriod): Shift[] {
  const out: Shift[] = [];
  for (const b of period.blocks) out.push(...b.shifts);
  return out;
}

/** The shift of a period that ends last. */
export function lastEnding(period: WorkingPeriod): Shift {
  const shifts = period.blocks[period.blocks.length - 1]!.shifts;
  return shifts.reduce((a, b) => (b.end > a.end ? b : a));
}
