/**
 * A pure iCalendar writer (RFC 5545) for the calendar feeds (docs/decisions/notifications.md, "Calendar feeds"):
 * one VCALENDAR of VEVENTs, times as UTC instants (form 2, `19980119T070000Z`: right across both DST changes by
 * construction, the calendar shows them in the reader's zone), text escaped, lines folded at 75 octets without
 * cutting a UTF-8 character, CRLF line ends. No I/O.
 */

export const ICS_STATUSES = ['CONFIRMED', 'TENTATIVE', 'CANCELLED'] as const;
export type IcsStatus = (typeof ICS_STATUSES)[number];

export interface IcsEvent {
  /** Stable across versions of the event (`mission-<id>@<host>`). */
  uid: string;
  /** UTC instants, ISO 8601. */
  startAt: string;
  endAt: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  status: IcsStatus;
  /** Grows on every change of the event (RFC 5545 3.8.7.4). */
  sequence: number;
  /** UTC instant of the last change. */
  lastModified: string;
}

export interface IcsCalendar {
  /** X-WR-CALNAME: the name a calendar application shows. */
  name: string;
  /** X-WR-TIMEZONE: the organisation's IANA zone (a hint: every time is written in UTC). */
  timeZone: string;
  /** DTSTAMP of every event: when the feed was made (UTC instant). */
  stamp: string;
  events: readonly IcsEvent[];
}

export const ICS_PRODID = '-//Coulisses Crew//Calendar feed//EN';
/** The longest line in octets, CRLF excluded (RFC 5545 3.1). */
export const ICS_LINE_OCTETS = 75;

/** The stable UID of a mission's event. */
export function missionUid(missionId: string, host: string): string {
  return `mission-${missionId}@${host}`;
}

/** A UTC instant in the iCalendar UTC form: 2026-03-29T01:30:00.000Z -> 20260329T013000Z. */
export function icsUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${iso}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`; other control
 * characters (NUL, tabs kept) dropped, since no calendar reads them.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const utf8Length = (cp: string): number => {
  const c = cp.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
};

/**
 * Folds one content line: at most 75 octets per physical line, continuation lines starting with one space
 * (which counts), never inside a UTF-8 character (code points are kept whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = ICS_LINE_OCTETS;
  for (const cp of line) {
    const n = utf8Length(cp);
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = ICS_LINE_OCTETS - 1;
    }
    current += cp;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(e.startAt)}`,
    `DTEND:${icsUtc(e.endAt)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  lines.push(`STATUS:${e.status}`, `SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`, `LAST-MODIFIED:${icsUtc(e.lastModified)}`);
  if (e.status === 'CANCELLED') lines.push('TRANSP:TRANSPARENT');
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as text: CRLF after every line, the last one included. */
export function writeCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${ICS_PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${escapeText(cal.timeZone)}`,
    ...cal.events.flatMap((e) => eventLines(e, cal.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
