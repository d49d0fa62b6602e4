import { DAY, addDays, localDate, startOfLocalDay, wallClock, zoneOffset, zonedTimeToUtc } from '../time/zone';

/**
 * Time arithmetic of moving and resizing a mission on a calendar (drag and drop, keyboard), in the
 * organisation's zone: a move to another day keeps the local wall-clock start (so across a DST weekend the
 * mission moves by 23 or 25 real hours) and the real duration; times snap to quarter hours of local time.
 */
export const MINUTE = 60_000;
export const STEP_MINUTES = 15;

/** An interval of UTC instants, in ms. */
export interface Interval {
  start: number;
  end: number;
}

/** Minutes to the nearest multiple of `step`. */
export function snapMinutes(minutes: number, step = STEP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/** Minutes since local midnight of an instant's wall-clock time (0 to 1439). */
export function wallMinutes(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return w.hour * 60 + w.minute;
}

/**
 * The instant of a wall-clock time on a local date, minutes from midnight (1440 is the next midnight). A time
 * skipped by the spring change moves forward by the gap; a repeated one takes its first occurrence.
 */
export function atWallClock(date: string, minutes: number, tz: string): number {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  const d = addDays(date, days);
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return zonedTimeToUtc({ year: y, month: m, day: dd, hour: Math.floor(rest / 60), minute: rest % 60 }, tz);
}

/** An instant rounded to the nearest local quarter hour (local, so zones with 30 or 45 minute offsets work). */
export function snapInstant(ms: number, tz: string, step = STEP_MINUTES): number {
  const offset = zoneOffset(ms, tz);
  const unit = step * MINUTE;
  return Math.round((ms + offset) / unit) * unit - offset;
}

/** Whole calendar days from one local date to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The interval starting at a wall-clock time (snapped) on a local date, with the same real duration. */
export function moveTo(iv: Interval, date: string, minutes: number, tz: string): Interval {
  const start = atWallClock(date, Math.max(0, Math.min(1440 - STEP_MINUTES, snapMinutes(minutes))), tz);
  return { start, end: start + (iv.end - iv.start) };
}

/** The same local start time `days` calendar days later (or earlier), same real duration (DST aware). */
export function moveByDays(iv: Interval, days: number, tz: string): Interval {
  const date = addDays(localDate(iv.start, tz), days);
  const start = atWallClock(date, wallMinutes(iv.start, tz), tz);
  return { start, end: start + (iv.end - iv.start) };
}

/** Moves to another local date, keeping the local start time and the duration. */
export function moveToDate(iv: Interval, date: string, tz: string): Interval {
  return moveByDays(iv, daysBetween(localDate(iv.start, tz), date), tz);
}

/** Moves by real minutes, landing on a local quarter hour. */
export function moveByMinutes(iv: Interval, minutes: number, tz: string): Interval {
  const start = snapInstant(iv.start + minutes * MINUTE, tz);
  return { start, end: start + (iv.end - iv.start) };
}

/** Changes the end by real minutes (on a local quarter hour), never shorter than one step. */
export function resizeBy(iv: Interval, minutes: number, tz: string): Interval {
  const end = snapInstant(iv.end + minutes * MINUTE, tz);
  return { start: iv.start, end: Math.max(iv.start + STEP_MINUTES * MINUTE, end) };
}

/** Sets the end to a wall-clock time (snapped) on a local date, never before the start plus one step. */
export function resizeTo(iv: Interval, date: string, minutes: number, tz: string): Interval {
  const end = atWallClock(date, Math.max(0, Math.min(1440, snapMinutes(minutes))), tz);
  return { start: iv.start, end: Math.max(iv.start + STEP_MINUTES * MINUTE, end) };
}

/** Length of a local calendar day in hours: 24, or 23 and 25 on DST change days. */
export function dayLengthHours(date: string, tz: string): number {
  return (startOfLocalDay(addDays(date, 1), tz) - startOfLocalDay(date, tz)) / 3_600_000;
}

/** ISO strings of an interval (what the documents store). */
export function toIso(iv: Interval): { startAt: string; endAt: string } {
  return { startAt: new Date(iv.start).toISOString(), endAt: new Date(iv.end).toISOString() };
}

/** An interval from a document's ISO instants. */
export function fromIso(doc: { startAt: string; endAt: string }): Interval {
  return { start: Date.parse(doc.startAt), end: Date.parse(doc.endAt) };
}
