import { nightMsOf, nightMsOfFlat, type Interval } from './night';
import { roundMinutes } from './rounding';
import { TIME_ANOMALIES, type Punch, type TimeAnomaly, type TimeRules, type WorkedTime } from './types';

const MINUTE = 60_000;

/** A punch with its instant parsed once. */
export interface TimedPunch {
  punch: Punch;
  ms: number;
}

const byTime = (a: TimedPunch, b: TimedPunch): number => a.ms - b.ms || (a.punch.id < b.punch.id ? -1 : a.punch.id > b.punch.id ? 1 : 0);

/** Punches in the order the rules read them: by instant, then by id (punches with an unreadable instant are left out). */
export function sortPunches(punches: readonly Punch[]): TimedPunch[] {
  const out: TimedPunch[] = [];
  for (const punch of punches) {
    const ms = Date.parse(punch.at);
    if (!Number.isNaN(ms)) out.push({ punch, ms });
  }
  return out.sort(byTime);
}

/** Anomalies as bits (index in TIME_ANOMALIES): no Set per timesheet. */
const bit = (a: TimeAnomaly): number => 1 << TIME_ANOMALIES.indexOf(a);
const MISSING_IN = bit('MISSING_IN');
const MISSING_OUT = bit('MISSING_OUT');
const OPEN_BREAK = bit('OPEN_BREAK');
const BREAK_WITHOUT_START = bit('BREAK_WITHOUT_START');
const REPEAT_IGNORED = bit('REPEAT_IGNORED');
const BREAK_OUTSIDE_SHIFT = bit('BREAK_OUTSIDE_SHIFT');
const END_BEFORE_START = bit('END_BEFORE_START');

function anomalyList(bits: number): string[] {
  return bits === 0 ? [] : TIME_ANOMALIES.filter((_, i) => (bits & (1 << i)) !== 0);
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The ISO form of an instant; the punch's own string when it is already that form (one string less to build). */
function isoOf(at: TimedPunch | number | null): string | null {
  if (at === null) return null;
  if (typeof at === 'number') return new Date(at).toISOString();
  return CANONICAL.test(at.punch.at) ? at.punch.at : new Date(at.ms).toISOString();
}

interface Parts {
  start: TimedPunch | number | null;
  end: TimedPunch | number | null;
  workedMs: number;
  breakMs: number;
  nightMs: number;
  /** Break minutes given (a manual timesheet) instead of breakMs. */
  breakMinutes?: number;
  anomalies: number;
}

function result(parts: Parts, rules: TimeRules): WorkedTime {
  const workedMinutes = Math.floor(parts.workedMs / MINUTE);
  const breakMinutes = Math.min(workedMinutes, parts.breakMinutes ?? Math.floor(parts.breakMs / MINUTE));
  const paidMinutes = workedMinutes - breakMinutes;
  const roundedMinutes = roundMinutes(paidMinutes, rules.roundingMinutes, rules.roundingMode);
  return {
    startAt: isoOf(parts.start),
    endAt: isoOf(parts.end),
    workedMinutes,
    breakMinutes,
    paidMinutes,
    roundedMinutes,
    // Night time is paid time: never more than the paid minutes, before or after rounding (two 2-minute night
    // call-outs rounded to 0 have no night minutes either).
    nightMinutes: Math.min(paidMinutes, roundedMinutes, Math.floor(parts.nightMs / MINUTE)),
    anomalies: anomalyList(parts.anomalies),
  };
}

/**
 * The time rules on punches already in order (sortPunches). One person's punches: a repeat is the same
 * person's same type within repeatTapSeconds of the previous kept punch. See computeWorkedTime. When `paidOut`
 * is given, the paid intervals (pairs minus breaks) are appended to it as [start, end, start, end, ...].
 */
export function workedFromSorted(entries: readonly TimedPunch[], rules: TimeRules, paidOut?: number[]): WorkedTime {
  let anomalies = 0;
  const repeatMs = Math.max(0, rules.repeatTapSeconds) * 1000;
  // The previous kept punch of the person (a map only when the punches mix people, which timesheets do not).
  let keptUser: string | null = null;
  let kept: TimedPunch | null = null;
  let others: Map<string, TimedPunch> | null = null;
  let openIn: number | null = null;
  let openBreak: number | null = null;
  /** Breaks of the open pair and paid intervals, as flat [start, end, start, end, ...] lists. */
  const pairBreaks: number[] = [];
  const paid: number[] = [];
  let workedMs = 0;
  let breakMs = 0;
  let firstPairIn: TimedPunch | null = null;
  let lastPairOut: TimedPunch | null = null;
  let firstIn: TimedPunch | null = null;
  let lastOut: TimedPunch | null = null;
  let openEntry: TimedPunch | null = null;

  for (const entry of entries) {
    const { punch, ms } = entry;
    let previous: TimedPunch | null | undefined = kept;
    if (keptUser !== null && punch.userId !== keptUser) previous = (others ??= new Map()).get(punch.userId);
    if (punch.flags?.includes('REPEAT') || (previous && previous.punch.punchType === punch.punchType && ms - previous.ms <= repeatMs)) {
      anomalies |= REPEAT_IGNORED;
      continue;
    }
    if (keptUser !== null && punch.userId !== keptUser) others!.set(keptUser, kept!);
    keptUser = punch.userId;
    kept = entry;
    switch (punch.punchType) {
      case 'IN':
        if (openIn !== null) anomalies |= MISSING_OUT;
        openIn = ms;
        openEntry = entry;
        openBreak = null;
        pairBreaks.length = 0;
        firstIn ??= entry;
        break;
      case 'OUT': {
        lastOut = entry;
        if (openIn === null) {
          anomalies |= MISSING_IN;
          break;
        }
        if (openBreak !== null) {
          anomalies |= OPEN_BREAK;
          pairBreaks.push(openBreak, ms);
          openBreak = null;
        }
        workedMs += ms - openIn;
        let cursor = openIn;
        for (let i = 0; i < pairBreaks.length; i += 2) {
          const from = pairBreaks[i]!;
          const to = pairBreaks[i + 1]!;
          breakMs += to - from;
          if (from > cursor) paid.push(cursor, from);
          cursor = to;
        }
        if (ms > cursor) paid.push(cursor, ms);
        firstPairIn ??= openEntry;
        lastPairOut = entry;
        openIn = null;
        pairBreaks.length = 0;
        break;
      }
      case 'BREAK_START':
        if (openIn === null) anomalies |= BREAK_OUTSIDE_SHIFT;
        // A second start while a break is open keeps the first one.
        else if (openBreak === null) openBreak = ms;
        break;
      case 'BREAK_END':
        if (openIn === null || openBreak === null) {
          anomalies |= BREAK_WITHOUT_START;
          break;
        }
        pairBreaks.push(openBreak, ms);
        openBreak = null;
        break;
    }
  }
  if (openIn !== null) anomalies |= MISSING_OUT;
  if (paidOut) for (const ms of paid) paidOut.push(ms);

  const complete = firstPairIn !== null;
  return result(
    {
      start: complete ? firstPairIn : firstIn,
      end: complete ? lastPairOut : firstIn === null ? lastOut : null,
      workedMs,
      breakMs,
      nightMs: nightMsOfFlat(paid, rules.nightStart, rules.nightEnd, rules.zone),
      anomalies,
    },
    rules,
  );
}

/**
 * Worked time of one timesheet from its punches (one person). Punches are read by instant then id. A punch
 * flagged REPEAT, or the same type as the person's previous kept punch within repeatTapSeconds (inclusive), is
 * ignored (the first tap is kept) and REPEAT_IGNORED is reported. IN and OUT make pairs (several per
 * timesheet: split shifts); breaks are BREAK_START to BREAK_END inside a pair. A BREAK_START still open at the
 * OUT closes there (OPEN_BREAK); a BREAK_END without a start is ignored (BREAK_WITHOUT_START); a BREAK_START
 * outside a pair is ignored (BREAK_OUTSIDE_SHIFT). An IN not followed by an OUT (another IN comes, or the
 * punches end) counts nothing (MISSING_OUT); an OUT without an open IN counts nothing (MISSING_IN).
 * Durations are differences of UTC instants (22:00 to 06:00 is 7 h on the night of the spring change, 9 h on
 * the autumn one). Whole minutes: workedMinutes and breakMinutes are the floor of their summed milliseconds,
 * paidMinutes = worked - breaks, roundedMinutes = paidMinutes rounded once, nightMinutes = floor of the paid
 * (not break) time inside the night window, at most paidMinutes and at most roundedMinutes.
 * startAt and endAt: the IN of the first complete pair and the OUT of the last; without a complete pair, the
 * first IN (endAt null) or, without any IN, the last OUT (startAt null).
 */
export function computeWorkedTime(punches: readonly Punch[], rules: TimeRules): WorkedTime {
  return workedFromSorted(sortPunches(punches), rules);
}

/**
 * The paid intervals of one person's punches (IN/OUT pairs minus their breaks, read as computeWorkedTime reads
 * them), in order: what the break rule (planning/work-breaks.ts) looks at.
 */
export function paidIntervalsOf(punches: readonly Punch[], rules: TimeRules): Interval[] {
  const flat: number[] = [];
  workedFromSorted(sortPunches(punches), rules, flat);
  const out: Interval[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ start: flat[i]!, end: flat[i + 1]! });
  return out;
}

/**
 * Worked time of a timesheet typed or corrected by hand: one range and a number of break minutes. The break is
 * taken out of the day part of the range first: night minutes are the range's night time, less only the part
 * of the break that does not fit in its day time (nightMinutes = min(night of the range, paid, rounded)). A missing
 * bound counts nothing (MISSING_IN / MISSING_OUT), so does an end not after the start (END_BEFORE_START).
 * Break minutes are clamped to [0, worked].
 */
export function computeFromRange(startAt: string | null, endAt: string | null, breakMinutes: number, rules: TimeRules): WorkedTime {
  let anomalies = 0;
  const s = startAt ? Date.parse(startAt) : NaN;
  const e = endAt ? Date.parse(endAt) : NaN;
  if (Number.isNaN(s)) anomalies |= MISSING_IN;
  if (Number.isNaN(e)) anomalies |= MISSING_OUT;
  const startMs = Number.isNaN(s) ? null : s;
  const endMs = Number.isNaN(e) ? null : e;
  if (startMs === null || endMs === null || endMs <= startMs) {
    if (startMs !== null && endMs !== null) anomalies |= END_BEFORE_START;
    return result({ start: startMs, end: endMs, workedMs: 0, breakMs: 0, nightMs: 0, breakMinutes: 0, anomalies }, rules);
  }
  const breaks = Number.isFinite(breakMinutes) ? Math.max(0, Math.floor(breakMinutes)) : 0;
  return result({ start: startMs, end: endMs, workedMs: endMs - startMs, breakMs: 0, breakMinutes: breaks, nightMs: nightMsOf([{ start: startMs, end: endMs }], rules.nightStart, rules.nightEnd, rules.zone), anomalies }, rules);
}
