import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsUtc, writeCalendar, type IcsEvent } from '../src/planning/ics';
import { missionEvent, missionLocation, missionStatus, type FeedMission } from '../src/planning/ics-missions';

const STAMP = '2026-03-01T12:00:00.000Z';
// UTF-8 length: every %XX of encodeURIComponent is one octet.
const octets = (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, 'x').length;

function event(fields: Partial<IcsEvent> = {}): IcsEvent {
  return { uid: 'mission-1@crew.test', startAt: '2026-01-12T09:00:00.000Z', endAt: '2026-01-12T17:00:00.000Z', summary: 'Montage', status: 'CONFIRMED', sequence: 3, lastModified: STAMP, ...fields };
}

/** Parses with ical.js (Mozilla) and returns the VEVENTs. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) })) };
}

const paris = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(d);

describe('icsUtc', () => {
  it.each([
    ['2026-03-29T01:30:00.000Z', '20260329T013000Z'],
    ['2026-10-25T00:59:59.000Z', '20261025T005959Z'],
    ['2026-12-31T23:00:00Z', '20261231T230000Z'],
  ])('%s -> %s', (iso, out) => expect(icsUtc(iso)).toBe(out));
  it('refuses what is not an instant', () => expect(() => icsUtc('tomorrow')).toThrow(RangeError));
});

describe('escapeText', () => {
  it.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['line1\nline2', 'line1\\nline2'],
    ['line1\r\nline2', 'line1\\nline2'],
    ['nul\u0000here', 'nulhere'],
    ['\\n literal', '\\\\n literal'],
  ])('%j -> %j', (input, out) => expect(escapeText(input)).toBe(out));
});

describe('foldLine', () => {
  it('keeps a short line whole', () => expect(foldLine('SUMMARY:Montage')).toBe('SUMMARY:Montage'));
  it.each([
    ['ASCII', 'DESCRIPTION:' + 'x'.repeat(300)],
    ['accents (2 octets)', 'DESCRIPTION:' + 'e\u0301te '.repeat(20) + '\u00e9'.repeat(200)],
    ['CJK (3 octets)', 'SUMMARY:' + '\u821e\u53f0'.repeat(90)],
    ['emoji (4 octets)', 'SUMMARY:' + '\u{1F3AD}'.repeat(80)],
  ])('%s: 75 octets at most per line, no character cut, unfolds to the same line', (_name, line) => {
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(physical.join('')).not.toContain('\ufffd');
  });
});

describe('missionStatus and missionLocation', () => {
  it.each([
    ['PUBLISHED', undefined, 'CONFIRMED'],
    ['DRAFT', undefined, 'TENTATIVE'],
    ['CANCELLED', undefined, 'CANCELLED'],
    ['PUBLISHED', 'INVITED', 'TENTATIVE'],
    ['PUBLISHED', 'ACCEPTED', 'CONFIRMED'],
    ['PUBLISHED', 'DECLINED', 'CANCELLED'],
    ['PUBLISHED', 'CANCELLED', 'CANCELLED'],
    ['CANCELLED', 'ACCEPTED', 'CANCELLED'],
  ])('mission %s, assignment %s -> %s', (status, a, out) => {
    expect(missionStatus({ status, assignment: a ? { status: a } : null })).toBe(out);
  });
  it.each([
    [null, null],
    [{ name: 'Theatre', address: '8 rue X, Lyon' }, 'Theatre, 8 rue X, Lyon'],
    [{ name: 'Theatre', address: null }, 'Theatre'],
    [{ name: ' ', address: '' }, null],
  ])('%j -> %j', (venue, out) => expect(missionLocation(venue)).toBe(out));
});

describe('writeCalendar parsed by ical.js', () => {
  it('has the calendar properties, CRLF line ends and lines of 75 octets at most', () => {
    const text = writeCalendar({ name: 'Planning de Lea', timeZone: 'Europe/Paris', stamp: STAMP, events: [event({ description: 'x'.repeat(500) })] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Coulisses Crew//Calendar feed//EN');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Planning de Lea');
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris');
    expect(events).toHaveLength(1);
    const { v, e } = events[0]!;
    expect(e.uid).toBe('mission-1@crew.test');
    expect(e.sequence).toBe(3);
    expect(e.description).toBe('x'.repeat(500));
    expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-03-01T12:00:00Z');
    expect(v.getFirstPropertyValue('last-modified')!.toString()).toBe('2026-03-01T12:00:00Z');
  });

  // Paris: UTC+1 until 29 March 2026 02:00 local, UTC+2 until 25 October 2026 03:00 local.
  it.each([
    ['DST spring night (5 h of real time)', '2026-03-28T22:00:00.000Z', '2026-03-29T03:00:00.000Z', '28/03/2026, 23:00', '29/03/2026, 05:00'],
    ['DST autumn night (7 h of real time)', '2026-10-24T21:00:00.000Z', '2026-10-25T04:00:00.000Z', '24/10/2026, 23:00', '25/10/2026, 05:00'],
    ['the repeated hour of 25 October', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '25/10/2026, 02:30', '25/10/2026, 02:30'],
    ['a mission across midnight', '2026-01-12T21:00:00.000Z', '2026-01-13T01:00:00.000Z', '12/01/2026, 22:00', '13/01/2026, 02:00'],
  ])('%s: the same UTC instants, read in Paris as the planner wrote them', (_name, startAt, endAt, parisStart, parisEnd) => {
    const { events } = parse(writeCalendar({ name: 'x', timeZone: 'Europe/Paris', stamp: STAMP, events: [event({ startAt, endAt })] }));
    const { e } = events[0]!;
    expect(e.startDate.isDate).toBe(false);
    expect(e.startDate.zone?.tzid).toBe('UTC');
    expect(e.startDate.toJSDate().toISOString()).toBe(startAt);
    expect(e.endDate.toJSDate().toISOString()).toBe(endAt);
    expect(paris(e.startDate.toJSDate())).toBe(parisStart);
    expect(paris(e.endDate.toJSDate())).toBe(parisEnd);
    expect(e.duration.toSeconds()).toBe((Date.parse(endAt) - Date.parse(startAt)) / 1000);
  });

  it('escaped and folded text comes back as written (, ; \\ newlines, long UTF-8)', () => {
    const summary = 'Montage, plateau; cour\\jardin';
    const description = 'Ligne 1\nLigne 2, avec; tout\\ \u00e9\u00e8\u00ea\u00e0 \u{1F3AD} '.repeat(12);
    const location = 'Th\u00e9\u00e2tre des C\u00e9lestins, 4 rue Charles-Dullin, 69002 Lyon';
    const text = writeCalendar({ name: 'A, B; C', timeZone: 'Europe/Paris', stamp: STAMP, events: [event({ summary, description, location })] });
    const { cal, events } = parse(text);
    // ical.js keeps an X- property raw; calendar applications read X-WR-CALNAME as TEXT (escaped).
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('A\\, B\\; C');
    const { e } = events[0]!;
    expect(e.summary).toBe(summary);
    expect(e.description).toBe(description);
    expect(e.location).toBe(location);
  });

  it('a cancelled mission and a declined assignment are STATUS:CANCELLED, the others keep theirs', () => {
    const base: FeedMission = { id: 'm1', title: 'Concert', startAt: '2026-06-01T18:00:00.000Z', endAt: '2026-06-01T22:00:00.000Z', status: 'PUBLISHED', version: 7, updatedAt: STAMP };
    const missions: FeedMission[] = [
      { ...base, status: 'CANCELLED' },
      { ...base, id: 'm2', assignment: { status: 'DECLINED', role: 'Son' } },
      { ...base, id: 'm3', assignment: { status: 'ACCEPTED', role: 'Lumiere' }, venue: { name: 'Salle', address: '1 rue, Lyon' }, notes: 'Badge a l\'accueil' },
    ];
    const { events } = parse(writeCalendar({ name: 'x', timeZone: 'Europe/Paris', stamp: STAMP, events: missions.map((m) => missionEvent(m, 'crew.test')) }));
    expect(events.map(({ v }) => v.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'CANCELLED', 'CONFIRMED']);
    expect(events.map(({ e }) => e.uid)).toEqual(['mission-m1@crew.test', 'mission-m2@crew.test', 'mission-m3@crew.test']);
    expect(events[2]!.e.location).toBe('Salle, 1 rue, Lyon');
    expect(events[2]!.e.description).toBe('Lumiere\nBadge a l\'accueil');
    expect(events[0]!.e.sequence).toBe(7);
  });
});
