import { describe, expect, it } from 'vitest';
import { IcsReadError, readBusyBlocks } from '../../src/planning/calendar-feeds/ics-read';

const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const ev = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
const FROM = Date.parse('2027-01-01T00:00:00Z');
const TO = Date.parse('2027-04-30T00:00:00Z');
const read = (text: string) => readBusyBlocks(text, FROM, TO, 'Europe/Paris', 100);
const spans = (text: string) => read(text).blocks.map((b) => [b.uid, b.startAt, b.endAt]);

/** The reader of an imported .ics file (the busy blocks of a person), with ical.js doing the parsing. */
describe('readBusyBlocks', () => {
  it.each([
    ['UTC times', ev('UID:a', 'DTSTART:20270110T090000Z', 'DTEND:20270110T100000Z'), [['a', '2027-01-10T09:00:00.000Z', '2027-01-10T10:00:00.000Z']]],
    ['an IANA TZID, winter', ev('UID:b', 'DTSTART;TZID=Europe/Paris:20270110T090000', 'DTEND;TZID=Europe/Paris:20270110T120000'), [['b', '2027-01-10T08:00:00.000Z', '2027-01-10T11:00:00.000Z']]],
    // The spring change of 2027 in Paris is on 28 March: 01:00 local is UTC+1, 05:00 local is UTC+2.
    ['an IANA TZID across the DST night', ev('UID:c', 'DTSTART;TZID=Europe/Paris:20270328T010000', 'DTEND;TZID=Europe/Paris:20270328T050000'), [['c', '2027-03-28T00:00:00.000Z', '2027-03-28T03:00:00.000Z']]],
    ['a floating time: the organisation zone', ev('UID:d', 'DTSTART:20270110T090000', 'DTEND:20270110T100000'), [['d', '2027-01-10T08:00:00.000Z', '2027-01-10T09:00:00.000Z']]],
    ['a non-IANA TZID: the organisation zone', ev('UID:e', 'DTSTART;TZID=Romance Standard Time:20270110T090000', 'DTEND;TZID=Romance Standard Time:20270110T100000'), [['e', '2027-01-10T08:00:00.000Z', '2027-01-10T09:00:00.000Z']]],
    ['an all-day event of two days', ev('UID:f', 'DTSTART;VALUE=DATE:20270201', 'DTEND;VALUE=DATE:20270203'), [['f', '2027-01-31T23:00:00.000Z', '2027-02-02T23:00:00.000Z']]],
    ['DURATION instead of DTEND', ev('UID:g', 'DTSTART:20270110T090000Z', 'DURATION:PT90M'), [['g', '2027-01-10T09:00:00.000Z', '2027-01-10T10:30:00.000Z']]],
    ['free time (TRANSP:TRANSPARENT) is not busy', ev('UID:h', 'DTSTART:20270110T090000Z', 'DTEND:20270110T100000Z', 'TRANSP:TRANSPARENT'), []],
    ['a cancelled event is not busy', ev('UID:i', 'DTSTART:20270110T090000Z', 'DTEND:20270110T100000Z', 'STATUS:CANCELLED'), []],
    ['outside the window', ev('UID:j', 'DTSTART:20260110T090000Z', 'DTEND:20260110T100000Z'), []],
  ])('%s', (_name, lines, expected) => expect(spans(cal(...lines))).toEqual(expected));

  it('expands a weekly recurrence with an EXDATE and a moved occurrence, from before the window', () => {
    const text = cal(
      ...ev('UID:w', 'DTSTART:20261228T090000Z', 'DTEND:20261228T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=5', 'EXDATE:20270111T090000Z'),
      ...ev('UID:w', 'RECURRENCE-ID:20270118T090000Z', 'DTSTART:20270118T140000Z', 'DTEND:20270118T150000Z'),
    );
    expect(spans(text)).toEqual([
      ['w', '2027-01-04T09:00:00.000Z', '2027-01-04T10:00:00.000Z'],
      ['w', '2027-01-18T14:00:00.000Z', '2027-01-18T15:00:00.000Z'],
      ['w', '2027-01-25T09:00:00.000Z', '2027-01-25T10:00:00.000Z'],
    ]);
  });

  it('an endless recurrence stops at the end of the window; past the block limit it is TOO_MANY', () => {
    const daily = cal(...ev('UID:d', 'DTSTART:20270101T090000Z', 'DTEND:20270101T100000Z', 'RRULE:FREQ=DAILY'));
    expect(readBusyBlocks(daily, FROM, TO, 'Europe/Paris', 1000).blocks).toHaveLength(119);
    expect(() => readBusyBlocks(daily, FROM, TO, 'Europe/Paris', 50)).toThrow(IcsReadError);
  });

  it.each([['garbage', 'not a calendar'], ['truncated', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'], ['empty', ''], ['NUL', cal(...ev('UID:n\u0000', 'DTSTART:20270110T090000Z'))], ['a vcard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n']])(
    '%s is INVALID',
    (_name, text) => expect(() => read(text)).toThrow(expect.objectContaining({ reason: 'INVALID' })),
  );
});
