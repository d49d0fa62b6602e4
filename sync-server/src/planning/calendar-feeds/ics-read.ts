import ICAL from 'ical.js';
import { zonedTimeToUtc } from '@coulisses/shared/time/zone';

/** One busy block of an imported calendar: an occurrence of a VEVENT, in UTC. */
export interface BusyBlock {
  uid: string;
  /** The occurrence's start in UTC (the key of an occurrence of a recurring event, with the UID). */
  startAt: string;
  endAt: string;
  summary: string;
}

export interface BusyRead {
  blocks: BusyBlock[];
  /** Events (or occurrences) left out: free (TRANSP:TRANSPARENT), cancelled, without a usable time, outside the window. */
  skipped: number;
}

/** Why a file is not read: not iCalendar at all, or more occurrences than an import takes. */
export class IcsReadError extends Error {
  constructor(readonly reason: 'INVALID' | 'TOO_MANY') {
    super(reason);
  }
}

const MAX_EVENTS = 5_000;
/** Steps of one recurrence's expansion (from its first occurrence, even years before the window). */
const MAX_STEPS_PER_EVENT = 20_000;

const isZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * The UTC instant of an ICAL time: UTC times as they are; a time with an IANA TZID by that zone (most calendars
 * name IANA zones); a floating time, a date (all-day event) or an unknown TZID in the organisation's zone.
 */
function instant(t: ICAL.Time, tzid: string | null, orgZone: string): number {
  if (t.zone === ICAL.Timezone.utcTimezone) return t.toJSDate().getTime();
  const zone = tzid && isZone(tzid) ? tzid : orgZone;
  return zonedTimeToUtc({ year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute, second: t.isDate ? 0 : t.second }, zone);
}

function tzidOf(comp: ICAL.Component, name: 'dtstart' | 'dtend'): string | null {
  const p = comp.getFirstProperty(name);
  const v = p?.getParameter('tzid');
  return typeof v === 'string' ? v : null;
}

/**
 * The busy blocks of an iCalendar text between `from` and `to` (UTC ms): every VEVENT not marked free
 * (TRANSP:TRANSPARENT) nor cancelled; recurring events expanded (RRULE, RDATE, EXDATE, changed occurrences)
 * within the window. Throws IcsReadError('INVALID') when the text is not iCalendar, 'TOO_MANY' past the limits.
 */
export function readBusyBlocks(text: string, from: number, to: number, orgZone: string, maxBlocks: number): BusyRead {
  if (text.includes('\u0000')) throw new IcsReadError('INVALID');
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch {
    throw new IcsReadError('INVALID');
  }
  if (root.name !== 'vcalendar') throw new IcsReadError('INVALID');
  const comps = root.getAllSubcomponents('vevent');
  if (comps.length > MAX_EVENTS) throw new IcsReadError('TOO_MANY');

  // Changed occurrences (RECURRENCE-ID) belong to their master event.
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  const singles: ICAL.Event[] = [];
  let skipped = 0;
  for (const comp of comps) {
    let ev: ICAL.Event;
    try {
      ev = new ICAL.Event(comp);
    } catch {
      skipped++;
      continue;
    }
    if (!ev.uid || !ev.startDate) {
      skipped++;
      continue;
    }
    if (ev.isRecurrenceException()) exceptions.push(ev);
    else if (ev.isRecurring()) masters.set(ev.uid, ev);
    else singles.push(ev);
  }
  for (const ex of exceptions) {
    const master = masters.get(ex.uid);
    if (master) master.relateException(ex);
    else singles.push(ex);
  }

  const blocks: BusyBlock[] = [];
  const free = (comp: ICAL.Component) =>
    String(comp.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT' || String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
  const add = (uid: string, comp: ICAL.Component, start: ICAL.Time, end: ICAL.Time | null, summary: string) => {
    if (free(comp)) return void skipped++;
    const startMs = instant(start, tzidOf(comp, 'dtstart'), orgZone);
    // No DTEND nor DURATION: a date lasts the day, a time is a point (not busy).
    let endMs = end ? instant(end, tzidOf(comp, comp.getFirstProperty('dtend') ? 'dtend' : 'dtstart'), orgZone) : startMs + (start.isDate ? 86_400_000 : 0);
    if (start.isDate && endMs <= startMs) endMs = startMs + 86_400_000;
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs || endMs <= from || startMs >= to) return void skipped++;
    if (blocks.length >= maxBlocks) throw new IcsReadError('TOO_MANY');
    blocks.push({ uid, startAt: new Date(startMs).toISOString(), endAt: new Date(endMs).toISOString(), summary });
  };

  for (const ev of singles) add(ev.uid, ev.component, ev.startDate, ev.endDate ?? null, ev.summary ?? '');
  for (const ev of masters.values()) {
    const it = ev.iterator();
    for (let n = 0; n < MAX_STEPS_PER_EVENT; n++) {
      const next = it.next();
      if (!next) break;
      const details = ev.getOccurrenceDetails(next);
      const startMs = instant(details.startDate, tzidOf(ev.component, 'dtstart'), orgZone);
      if (startMs >= to) break;
      // Past occurrences of a series are not counted as skipped.
      if (instant(details.endDate, tzidOf(ev.component, 'dtstart'), orgZone) <= from) continue;
      add(ev.uid, details.item.component, details.startDate, details.endDate, details.item.summary ?? ev.summary ?? '');
    }
  }
  return { blocks, skipped };
}
