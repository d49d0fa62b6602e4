import { describe, expect, it } from 'vitest';
import { localInstant } from '../src/planning/conflicts';
import { atWallClock, dayLengthHours, daysBetween, moveByDays, moveByMinutes, moveTo, moveToDate, resizeBy, resizeTo, snapInstant, snapMinutes, wallMinutes, type Interval } from '../src/planning/moves';

const P = 'Europe/Paris';
const at = (date: string, time: string, tz = P) => localInstant(date, time, tz);
const H = 3_600_000;
const local = (ms: number, tz = P) => new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(ms);
const show = (iv: Interval) => `${local(iv.start)} -> ${local(iv.end)}`;
const iv = (date: string, from: string, to: string): Interval => ({ start: at(date, from), end: at(date, to) });

describe('calendar moves in the organisation zone', () => {
  it.each<[string, number, number]>([
    ['7 rounds down', 7, 0],
    ['8 rounds up', 8, 15],
    ['52 goes to 45', 52, 45],
    ['53 goes to 60', 53, 60],
  ])('snapMinutes: %s', (_name, minutes, expected) => {
    expect(snapMinutes(minutes)).toBe(expected);
  });

  it.each<[string, string, number, string]>([
    ['an ordinary day', '2026-11-18', 10 * 60, '2026-11-18 10:00'],
    ['midnight of the next day', '2026-11-18', 1440, '2026-11-19 00:00'],
    ['02:30 does not exist on 29 March 2026: it becomes 03:30', '2026-03-29', 150, '2026-03-29 03:30'],
    ['02:30 happens twice on 25 October 2026: the first one (summer time)', '2026-10-25', 150, '2026-10-25 02:30'],
  ])('atWallClock: %s', (_name, date, minutes, expected) => {
    expect(local(atWallClock(date, minutes, P))).toBe(expected);
  });

  it('the first 02:30 of 25 October 2026 is still in summer time (UTC+2)', () => {
    expect(new Date(atWallClock('2026-10-25', 150, P)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it.each<[string, number]>([
    ['2026-03-29', 23],
    ['2026-03-30', 24],
    ['2026-10-25', 25],
  ])('dayLengthHours(%s) is %i', (date, hours) => {
    expect(dayLengthHours(date, P)).toBe(hours);
  });

  it.each<[string, Interval, number, string]>([
    ['one day later on an ordinary week', iv('2026-11-18', '10:00', '14:00'), 1, '2026-11-19 10:00 -> 2026-11-19 14:00'],
    ['Saturday to Sunday across the spring change: same local time, 23 real hours later', iv('2026-03-28', '10:00', '14:00'), 1, '2026-03-29 10:00 -> 2026-03-29 14:00'],
    ['Saturday to Sunday across the autumn change: 25 real hours later', iv('2026-10-24', '10:00', '14:00'), 1, '2026-10-25 10:00 -> 2026-10-25 14:00'],
    ['back a week across the spring change', iv('2026-04-01', '20:00', '23:00'), -7, '2026-03-25 20:00 -> 2026-03-25 23:00'],
  ])('moveByDays: %s', (_name, interval, days, expected) => {
    expect(show(moveByDays(interval, days, P))).toBe(expected);
  });

  it('a night shift moved over the spring change keeps its 10 real hours (and so ends an hour later on the clock)', () => {
    const night = { start: at('2026-03-27', '22:00'), end: at('2026-03-28', '08:00') };
    const moved = moveByDays(night, 1, P);
    expect((moved.end - moved.start) / H).toBe(10);
    expect(show(moved)).toBe('2026-03-28 22:00 -> 2026-03-29 09:00');
    expect((moved.start - night.start) / H).toBe(24);
  });

  it('moveToDate: from Friday 27 March to Sunday 29 March 2026 is 47 real hours', () => {
    const moved = moveToDate(iv('2026-03-27', '09:00', '12:00'), '2026-03-29', P);
    expect(show(moved)).toBe('2026-03-29 09:00 -> 2026-03-29 12:00');
    expect((moved.start - at('2026-03-27', '09:00')) / H).toBe(47);
    expect(daysBetween('2026-03-27', '2026-03-29')).toBe(2);
  });

  it.each<[string, Interval, string, number, string]>([
    ['drop at 14:07 snaps to 14:00, keeps 3 h', iv('2026-11-18', '09:00', '12:00'), '2026-11-20', 14 * 60 + 7, '2026-11-20 14:00 -> 2026-11-20 17:00'],
    ['drop at 01:30 on the spring day keeps 3 real hours over the gap', iv('2026-03-27', '09:00', '12:00'), '2026-03-29', 90, '2026-03-29 01:30 -> 2026-03-29 05:30'],
    ['drop at 01:00 on the autumn day keeps 3 real hours over the repeated hour', iv('2026-10-22', '09:00', '12:00'), '2026-10-25', 60, '2026-10-25 01:00 -> 2026-10-25 03:00'],
    ['a drop below the last quarter stays in the day', iv('2026-11-18', '09:00', '10:00'), '2026-11-18', 1439, '2026-11-18 23:45 -> 2026-11-19 00:45'],
  ])('moveTo: %s', (_name, interval, date, minutes, expected) => {
    expect(show(moveTo(interval, date, minutes, P))).toBe(expected);
  });

  it.each<[string, Interval, number, string]>([
    ['15 minutes later', iv('2026-11-18', '09:00', '12:00'), 15, '2026-11-18 09:15 -> 2026-11-18 12:15'],
    ['15 minutes earlier', iv('2026-11-18', '09:00', '12:00'), -15, '2026-11-18 08:45 -> 2026-11-18 11:45'],
    ['over the spring gap: 01:45 + 15 real minutes is 03:00', iv('2026-03-29', '01:45', '04:00'), 15, '2026-03-29 03:00 -> 2026-03-29 04:15'],
    ['an odd start lands on a quarter', { start: at('2026-11-18', '09:07'), end: at('2026-11-18', '10:07') }, 15, '2026-11-18 09:15 -> 2026-11-18 10:15'],
  ])('moveByMinutes: %s', (_name, interval, minutes, expected) => {
    expect(show(moveByMinutes(interval, minutes, P))).toBe(expected);
  });

  it.each<[string, Interval, number, string]>([
    ['longer by 15 minutes', iv('2026-11-18', '09:00', '12:00'), 15, '2026-11-18 09:00 -> 2026-11-18 12:15'],
    ['shorter by 15 minutes', iv('2026-11-18', '09:00', '12:00'), -15, '2026-11-18 09:00 -> 2026-11-18 11:45'],
    ['never shorter than 15 minutes', iv('2026-11-18', '09:00', '09:15'), -15, '2026-11-18 09:00 -> 2026-11-18 09:15'],
  ])('resizeBy: %s', (_name, interval, minutes, expected) => {
    expect(show(resizeBy(interval, minutes, P))).toBe(expected);
  });

  it.each<[string, Interval, string, number, string]>([
    ['to 18:10, snapped to 18:15', iv('2026-11-18', '09:00', '12:00'), '2026-11-18', 18 * 60 + 10, '2026-11-18 09:00 -> 2026-11-18 18:15'],
    ['onto the next day', iv('2026-11-18', '20:00', '23:00'), '2026-11-19', 120, '2026-11-18 20:00 -> 2026-11-19 02:00'],
    ['before the start: one quarter after it', iv('2026-11-18', '09:00', '12:00'), '2026-11-18', 8 * 60, '2026-11-18 09:00 -> 2026-11-18 09:15'],
  ])('resizeTo: %s', (_name, interval, date, minutes, expected) => {
    expect(show(resizeTo(interval, date, minutes, P))).toBe(expected);
  });

  it('snaps to local quarter hours in a zone with a 45 minute offset (Asia/Kathmandu)', () => {
    const tz = 'Asia/Kathmandu';
    const snapped = snapInstant(at('2026-11-18', '10:07', tz), tz);
    expect(local(snapped, tz)).toBe('2026-11-18 10:00');
    expect(wallMinutes(snapped, tz)).toBe(600);
  });
});
