/**
 * Time-zone arithmetic on UTC instants with Intl only (no library): the calendar date, week and wall-clock
 * time of an instant in an IANA zone, and the instant of a wall-clock time in a zone (DST aware).
 */
export const DEFAULT_ZONE = 'Europe/Paris';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of an instant as Intl gives it (one formatToParts: a few microseconds). */
export function intlWallClock(ms: number, tz: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

function intlOffset(ms: number, tz: string): number {
  const w = intlWallClock(ms, tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * Offsets by 15-minute span, per zone: a span whose first and last second have the same offset has it throughout
 * (no zone changes its offset twice in 15 minutes), so its instants' wall clocks are plain UTC arithmetic; a span
 * holding a change (a DST night, a historical change at an odd time) is answered by Intl for each instant.
 */
const SPAN = 15 * 60_000;
const MIXED = Number.NaN;
const MAX_SPANS = 200_000;
const spans = new Map<string, Map<number, number>>();

function spanOffset(ms: number, tz: string): number {
  let byZone = spans.get(tz);
  if (!byZone) {
    byZone = new Map();
    spans.set(tz, byZone);
  }
  const span = Math.floor(ms / SPAN);
  let offset = byZone.get(span);
  if (offset === undefined) {
    if (byZone.size >= MAX_SPANS) byZone.clear();
    const first = intlOffset(span * SPAN, tz);
    offset = first === intlOffset(span * SPAN + SPAN - 1000, tz) ? first : MIXED;
    byZone.set(span, offset);
  }
  return offset;
}

export function wallClock(ms: number, tz: string): WallClock {
  const offset = spanOffset(ms, tz);
  if (Number.isNaN(offset)) return intlWallClock(ms, tz);
  const d = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** Offset of the zone at that instant, in ms (Paris: +1 h in winter, +2 h in summer). */
export function zoneOffset(ms: number, tz: string): number {
  const offset = spanOffset(ms, tz);
  return Number.isNaN(offset) ? intlOffset(ms, tz) : offset;
}

/**
 * The UTC instant of a wall-clock time in a zone. A time that does not exist (the hour skipped at the spring
 * change) moves forward by the gap; an ambiguous one (the autumn change) takes the first occurrence.
 */
export function zonedTimeToUtc(w: Omit<WallClock, 'second'> & { second?: number }, tz: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  const before = guess - zoneOffset(guess - DAY, tz);
  const after = guess - zoneOffset(guess + DAY, tz);
  const candidates = [before, after].filter((c) => sameWall(wallClock(c, tz), w));
  if (candidates.length > 0) return Math.min(...candidates);
  return before;
}

function sameWall(a: WallClock, b: Omit<WallClock, 'second'> & { second?: number }): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of an instant in a zone. */
export function localDate(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant a local calendar day starts (midnight in the zone). */
export function startOfLocalDay(date: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedTimeToUtc({ year: y, month: m, day: d, hour: 0, minute: 0 }, tz);
}

/** The calendar date `n` days after `date` (pure date arithmetic). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Monday (YYYY-MM-DD) of the calendar week containing `date` (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

/**
 * Splits [start, end) at local midnights: the part of an interval on each local calendar day. A shift across
 * midnight counts on both days; a day of 23 or 25 hours (DST) is what it is.
 */
export function splitByLocalDay(start: number, end: number, tz: string): { date: string; ms: number }[] {
  const out: { date: string; ms: number }[] = [];
  let cursor = start;
  while (cursor < end) {
    const date = localDate(cursor, tz);
    const next = Math.min(end, startOfLocalDay(addDays(date, 1), tz));
    out.push({ date, ms: next - cursor });
    cursor = next;
  }
  return out;
}
