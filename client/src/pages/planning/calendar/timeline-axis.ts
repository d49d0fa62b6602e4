import { HOUR, addDays, startOfLocalDay } from '@coulisses/shared';

/** A column boundary of the timeline: a local midnight (day columns) or a local hour (hour columns). */
export interface Tick {
  at: number;
  /** YYYY-MM-DD for a day column, HH:MM for an hour column. */
  label: string;
  /** Width of the column that starts here, in % of the axis. */
  width: number;
}

/**
 * The timeline's axis is real time, linear from the first local midnight to the one after the last day: a
 * day of 23 or 25 hours (DST) is narrower or wider, and a day's hour columns number 23 or 25.
 */
export function timelineTicks(days: readonly string[], tz: string, hours: boolean): Tick[] {
  const from = startOfLocalDay(days[0]!, tz);
  const to = startOfLocalDay(addDays(days[days.length - 1]!, 1), tz);
  const span = to - from;
  const starts: { at: number; label: string }[] = [];
  if (hours) {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let at = from; at < to; at += HOUR) starts.push({ at, label: fmt.format(at) });
  } else {
    for (const date of days) starts.push({ at: startOfLocalDay(date, tz), label: date });
  }
  return starts.map((s, i) => ({ ...s, width: (((starts[i + 1]?.at ?? to) - s.at) / span) * 100 }));
}

/** Left offset and width in % of an interval on the axis [from, to), clipped to it. */
export function barGeometry(start: number, end: number, from: number, to: number): { left: number; width: number } {
  const span = to - from;
  const s = Math.max(start, from);
  const e = Math.min(end, to);
  return { left: ((s - from) / span) * 100, width: Math.max(0, ((e - s) / span) * 100) };
}
