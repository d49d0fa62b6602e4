import { DAY, addDays, localDate, startOfLocalDay, zonedTimeToUtc } from '../time/zone';

/**
 * Memo of the zone questions the time rules ask again and again: the local date of an instant, the next and
 * previous calendar dates, the instant of a local wall-clock time on a date. The answers come from the shared
 * zone helpers (shared/src/time/zone.ts, Intl based, DST aware); only how often Intl is asked changes.
 *
 * The local date of an instant is found per UTC day: the dates at its first and last millisecond and, when
 * they differ, the instant of the local midnight between them (startOfLocalDay). That is a handful of Intl
 * calls per UTC day instead of one per punch, for any zone (30 and 45 minute offsets included). A UTC day that
 * does not fit that shape (more than one local midnight, or an offset change at a strange time) is answered
 * exactly, instant by instant. The memo is transparent (same answers as localDate) and bounded.
 */
interface UtcDay {
  first: string;
  /** The date after the local midnight inside this UTC day, or null when the whole UTC day is one date. */
  second: string | null;
  boundary: number;
  /** True when this UTC day is answered by localDate itself. */
  exact: boolean;
}

interface DateInfo {
  prev: string;
  next: string;
  /** Instants of wall-clock minutes of this date. */
  at: Map<number, number>;
}

const LIMIT = 50_000;

export class ZoneDays {
  private readonly days = new Map<number, UtcDay>();
  private readonly dates = new Map<string, DateInfo>();

  constructor(readonly zone: string) {}

  /** YYYY-MM-DD of an instant in the zone (same as localDate(ms, zone)). */
  dateOf(ms: number): string {
    const u = Math.floor(ms / DAY);
    let day = this.days.get(u);
    if (!day) {
      if (this.days.size >= LIMIT) this.days.clear();
      day = this.describe(u);
      this.days.set(u, day);
    }
    if (day.exact) return localDate(ms, this.zone);
    return day.second !== null && ms >= day.boundary ? day.second : day.first;
  }

  /** The calendar date after `date`. */
  next(date: string): string {
    return this.info(date).next;
  }

  /** The calendar date before `date`. */
  prev(date: string): string {
    return this.info(date).prev;
  }

  /**
   * The instant of a wall-clock time (minutes since local midnight, 0 to 1439) on a local date. A time skipped
   * by the spring change moves forward by the gap; an ambiguous autumn time is its first occurrence.
   */
  at(date: string, minuteOfDay: number): number {
    const info = this.info(date);
    let ms = info.at.get(minuteOfDay);
    if (ms === undefined) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      ms = zonedTimeToUtc({ year: y, month: m, day: d, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, this.zone);
      info.at.set(minuteOfDay, ms);
    }
    return ms;
  }

  private info(date: string): DateInfo {
    let info = this.dates.get(date);
    if (!info) {
      if (this.dates.size >= LIMIT) this.dates.clear();
      info = { prev: addDays(date, -1), next: addDays(date, 1), at: new Map() };
      this.dates.set(date, info);
    }
    return info;
  }

  private describe(u: number): UtcDay {
    const start = u * DAY;
    const end = start + DAY - 1;
    const first = localDate(start, this.zone);
    const last = localDate(end, this.zone);
    const exact: UtcDay = { first, second: null, boundary: Infinity, exact: true };
    if (first === last) return { first, second: null, boundary: Infinity, exact: false };
    if (addDays(first, 1) !== last) return exact;
    const boundary = startOfLocalDay(last, this.zone);
    if (!(boundary > start && boundary <= end)) return exact;
    if (localDate(boundary, this.zone) !== last || localDate(boundary - 1, this.zone) !== first) return exact;
    return { first, second: last, boundary, exact: false };
  }
}

const shared = new Map<string, ZoneDays>();

/** The memo of one zone (one per zone for the whole thread). */
export function zoneDays(zone: string): ZoneDays {
  let z = shared.get(zone);
  if (!z) {
    if (shared.size >= 64) shared.clear();
    z = new ZoneDays(zone);
    shared.set(zone, z);
  }
  return z;
}
