import { describe, expect, it } from 'vitest';
import { HOUR, addDays, localDate, mondayOf, splitByLocalDay, startOfLocalDay, zonedTimeToUtc } from '../src/time/zone';

const P = 'Europe/Paris';
const t = (iso: string) => Date.parse(iso);

describe('time zones', () => {
  it.each([
    ['2026-01-15T23:30:00Z', '2026-01-16'],
    ['2026-07-15T22:30:00Z', '2026-07-16'],
    ['2026-07-15T21:59:59Z', '2026-07-15'],
  ])('localDate(%s) in Paris = %s', (iso, date) => {
    expect(localDate(t(iso), P)).toBe(date);
  });

  it.each([
    [{ year: 2026, month: 1, day: 15, hour: 8, minute: 0 }, '2026-01-15T07:00:00.000Z'],
    [{ year: 2026, month: 7, day: 15, hour: 8, minute: 0 }, '2026-07-15T06:00:00.000Z'],
    // Spring forward (29 March 2026): 02:30 does not exist, it moves to 03:30 summer time.
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, '2026-03-29T01:30:00.000Z'],
    // Autumn back (25 October 2026): 02:30 happens twice, the first (summer time) is taken.
    [{ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, '2026-10-25T00:30:00.000Z'],
  ])('zonedTimeToUtc(%j) = %s', (wall, iso) => {
    expect(new Date(zonedTimeToUtc(wall, P)).toISOString()).toBe(iso);
  });

  it('has days of 23 and 25 hours at the DST changes', () => {
    expect(startOfLocalDay('2026-03-30', P) - startOfLocalDay('2026-03-29', P)).toBe(23 * HOUR);
    expect(startOfLocalDay('2026-10-26', P) - startOfLocalDay('2026-10-25', P)).toBe(25 * HOUR);
  });

  it('splits a shift across midnight onto both days', () => {
    expect(splitByLocalDay(t('2026-01-15T21:00:00Z'), t('2026-01-16T03:00:00Z'), P)).toEqual([
      { date: '2026-01-15', ms: 2 * HOUR },
      { date: '2026-01-16', ms: 4 * HOUR },
    ]);
  });

  it.each([
    ['2026-11-21', '2026-11-16'],
    ['2026-11-16', '2026-11-16'],
    ['2026-11-22', '2026-11-16'],
    ['2027-01-01', '2026-12-28'],
  ])('mondayOf(%s) = %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
