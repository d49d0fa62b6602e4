import { describe, expect, it } from 'vitest';
import { intersectsWindow, isLocalDate, isLocalTime, localDaysToUtc, localRangeToUtc, localToUtc, utcToLocal } from '../src/planning/local-time';

const P = 'Europe/Paris';

describe('form times in the organisation zone', () => {
  it.each([
    ['2026-01-15', '08:00', '2026-01-15T07:00:00.000Z'],
    ['2026-07-15', '08:00', '2026-07-15T06:00:00.000Z'],
    // Spring change (29 March 2026): 02:30 does not exist in Paris, it moves forward by the gap.
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
    // Autumn change (25 October 2026): 02:30 happens twice, the first one is taken.
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '03:30', '2026-10-25T02:30:00.000Z'],
  ])('%s %s in Paris is %s', (date, time, iso) => {
    expect(localToUtc({ date, time }, P)).toBe(iso);
  });

  it('reads instants back as local date and time, also on DST days and across midnight', () => {
    expect(utcToLocal('2026-03-29T00:30:00.000Z', P)).toEqual({ date: '2026-03-29', time: '01:30' });
    expect(utcToLocal('2026-03-29T01:30:00.000Z', P)).toEqual({ date: '2026-03-29', time: '03:30' });
    expect(utcToLocal('2026-10-25T01:30:00.000Z', P)).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(utcToLocal('2026-01-15T23:30:00.000Z', P)).toEqual({ date: '2026-01-16', time: '00:30' });
    expect(utcToLocal('2026-01-15T23:30:00.000Z', 'America/New_York')).toEqual({ date: '2026-01-15', time: '18:30' });
  });

  it('round-trips every existing local time of a DST day', () => {
    for (let h = 0; h < 24; h++) {
      if (h === 2) continue;
      const time = `${String(h).padStart(2, '0')}:15`;
      const iso = localToUtc({ date: '2026-03-29', time }, P)!;
      expect(utcToLocal(iso, P)).toEqual({ date: '2026-03-29', time });
    }
  });

  it('a range over the spring change lasts one hour less', () => {
    const r = localRangeToUtc({ date: '2026-03-28', time: '22:00' }, { date: '2026-03-29', time: '06:00' }, P);
    expect(r).toEqual({ startAt: '2026-03-28T21:00:00.000Z', endAt: '2026-03-29T04:00:00.000Z' });
  });

  it('refuses malformed input and an end not after the start', () => {
    expect(localToUtc({ date: '2026-02-30', time: '10:00' }, P)).toBeNull();
    expect(localToUtc({ date: '2026-02-10', time: '24:00' }, P)).toBeNull();
    expect(localRangeToUtc({ date: '2026-02-10', time: '10:00' }, { date: '2026-02-10', time: '10:00' }, P)).toEqual({ error: 'END_BEFORE_START' });
    expect(localRangeToUtc({ date: '', time: '10:00' }, { date: '2026-02-10', time: '11:00' }, P)).toEqual({ error: 'INVALID' });
    expect(isLocalDate('2026-12-31')).toBe(true);
    expect(isLocalTime('7:05')).toBe(true);
    expect(isLocalTime('07:60')).toBe(false);
  });

  it('a date filter covers whole local days, the autumn Sunday having 25 hours', () => {
    const w = localDaysToUtc('2026-10-25', '2026-10-25', P);
    expect(w).toEqual({ fromAt: '2026-10-24T22:00:00.000Z', toAt: '2026-10-25T23:00:00.000Z' });
    expect(localDaysToUtc(null, '', P)).toEqual({ fromAt: null, toAt: null });
    expect(intersectsWindow({ startAt: '2026-10-25T22:30:00.000Z', endAt: '2026-10-25T23:30:00.000Z' }, w)).toBe(true);
    expect(intersectsWindow({ startAt: '2026-10-25T23:00:00.000Z', endAt: '2026-10-26T01:00:00.000Z' }, w)).toBe(false);
    expect(intersectsWindow({ startAt: '2026-10-24T20:00:00.000Z', endAt: '2026-10-24T22:00:00.000Z' }, w)).toBe(false);
  });
});
