import { addDays, localDate, startOfLocalDay, wallClock, zonedTimeToUtc } from '../time/zone';

/** A wall-clock moment as a form holds it: a calendar date and a time of day, in the organisation's zone. */
export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24 h) */
  time: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for HH:MM between 00:00 and 23:59. */
export function isLocalTime(value: string): boolean {
  const m = TIME.exec(value);
  return Boolean(m) && Number(m![1]) <= 23 && Number(m![2]) <= 59;
}

/**
 * The UTC instant (ISO, Z) of a local date and time in a zone, or null when either is malformed. A time
 * skipped by the spring change moves forward by the gap; an ambiguous autumn time takes its first occurrence.
 */
export function localToUtc(value: LocalDateTime, tz: string): string | null {
  if (!isLocalDate(value.date) || !isLocalTime(value.time)) return null;
  const [y, m, d] = value.date.split('-').map(Number) as [number, number, number];
  const [h, min] = value.time.split(':').map(Number) as [number, number];
  return new Date(zonedTimeToUtc({ year: y, month: m, day: d, hour: h, minute: min }, tz)).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date and time (HH:MM) of a UTC instant in a zone, as a form shows it. */
export function utcToLocal(iso: string, tz: string): LocalDateTime {
  const ms = Date.parse(iso);
  const w = wallClock(ms, tz);
  return { date: localDate(ms, tz), time: `${pad(w.hour)}:${pad(w.minute)}` };
}

export type LocalRangeError = 'INVALID' | 'END_BEFORE_START';

/** A start and an end typed in local time, as UTC instants; the end must be after the start. */
export function localRangeToUtc(start: LocalDateTime, end: LocalDateTime, tz: string): { startAt: string; endAt: string } | { error: LocalRangeError } {
  const startAt = localToUtc(start, tz);
  const endAt = localToUtc(end, tz);
  if (!startAt || !endAt) return { error: 'INVALID' };
  if (Date.parse(endAt) <= Date.parse(startAt)) return { error: 'END_BEFORE_START' };
  return { startAt, endAt };
}

/**
 * The instants bounding whole local days, for a date filter: from the start of `from` to the start of the day
 * after `to` (half open). An empty or malformed bound is left open.
 */
export function localDaysToUtc(from: string | null, to: string | null, tz: string): { fromAt: string | null; toAt: string | null } {
  const fromAt = from && isLocalDate(from) ? new Date(startOfLocalDay(from, tz)).toISOString() : null;
  const toAt = to && isLocalDate(to) ? new Date(startOfLocalDay(addDays(to, 1), tz)).toISOString() : null;
  return { fromAt, toAt };
}

/** True when [startAt, endAt) meets the half-open window (either bound may be open). */
export function intersectsWindow(item: { startAt: string; endAt: string }, window: { fromAt: string | null; toAt: string | null }): boolean {
  if (window.fromAt && Date.parse(item.endAt) <= Date.parse(window.fromAt)) return false;
  if (window.toAt && Date.parse(item.startAt) >= Date.parse(window.toAt)) return false;
  return true;
}
