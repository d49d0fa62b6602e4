import { describe, expect, it } from 'vitest';
import { readParams, writeParams } from '../src/pages/planning/calendar/calendar-url';
import { monthGridDays, stepDate, todayIn, viewRange } from '../src/pages/planning/calendar/view-range';

const P = 'Europe/Paris';
const H = 3_600_000;

describe('calendar view ranges in the organisation zone', () => {
  it.each<[string, 'week' | 'day' | 'month' | 'timeline', string, string, string, number, string]>([
    ['a winter week, Monday to Sunday', 'week', '2026-11-18', '2026-11-16', '2026-11-22', 7 * 24, '2026-11-15T23:00:00.000Z'],
    ['the week of the spring change lasts 167 hours', 'week', '2026-03-26', '2026-03-23', '2026-03-29', 7 * 24 - 1, '2026-03-22T23:00:00.000Z'],
    ['the week of the autumn change lasts 169 hours', 'week', '2026-10-25', '2026-10-19', '2026-10-25', 7 * 24 + 1, '2026-10-18T22:00:00.000Z'],
    ['the spring change day lasts 23 hours', 'day', '2026-03-29', '2026-03-29', '2026-03-29', 23, '2026-03-28T23:00:00.000Z'],
    ['the autumn change day lasts 25 hours', 'day', '2026-10-25', '2026-10-25', '2026-10-25', 25, '2026-10-24T22:00:00.000Z'],
    ['the timeline shows the week', 'timeline', '2026-11-18', '2026-11-16', '2026-11-22', 7 * 24, '2026-11-15T23:00:00.000Z'],
    ['a month grid is whole weeks around the month', 'month', '2026-11-18', '2026-10-26', '2026-12-06', 6 * 7 * 24, '2026-10-25T23:00:00.000Z'],
  ])('%s', (_name, view, date, first, last, hours, fromIso) => {
    const r = viewRange(view, date, P);
    expect([r.days[0], r.days[r.days.length - 1]]).toEqual([first, last]);
    expect((r.to - r.from) / H).toBe(hours);
    expect(new Date(r.from).toISOString()).toBe(fromIso);
  });

  it('a one-day timeline has the day only', () => {
    expect(viewRange('timeline', '2026-03-29', P, 'day').days).toEqual(['2026-03-29']);
  });

  it.each<[string, string, number]>([
    ['2026-02-01', '2026-01-26', 35],
    ['2026-03-15', '2026-02-23', 42],
    ['2027-02-10', '2027-02-01', 28],
  ])('monthGridDays(%s) starts on %s with %i days', (date, first, count) => {
    const days = monthGridDays(date);
    expect(days[0]).toBe(first);
    expect(days).toHaveLength(count);
  });

  it.each<[string, 'week' | 'day' | 'month' | 'timeline', string, -1 | 1, string]>([
    ['week forward', 'week', '2026-11-18', 1, '2026-11-25'],
    ['day back over the spring change', 'day', '2026-03-30', -1, '2026-03-29'],
    ['month forward keeps the day', 'month', '2026-11-18', 1, '2026-12-18'],
    ['month forward clamps the 31st', 'month', '2027-01-31', 1, '2027-02-28'],
    ['month back over the year', 'month', '2027-01-15', -1, '2026-12-15'],
    ['timeline by week', 'timeline', '2026-11-18', -1, '2026-11-11'],
  ])('stepDate: %s', (_name, view, date, dir, expected) => {
    expect(stepDate(view, date, dir)).toBe(expected);
  });

  it('today is the date in the zone, not in UTC', () => {
    expect(todayIn(P, Date.parse('2026-11-18T23:30:00Z'))).toBe('2026-11-19');
    expect(todayIn('America/New_York', Date.parse('2026-11-19T02:00:00Z'))).toBe('2026-11-18');
  });
});

describe('calendar address', () => {
  it('reads defaults and ignores nonsense', () => {
    expect(readParams(new URLSearchParams('view=year&date=2026-02-30&status=NOPE'))).toEqual({ view: 'week', date: null, statuses: [], person: null, team: null, project: null, span: 'week' });
    expect(readParams(new URLSearchParams('')).statuses).toEqual(['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED']);
  });

  it.each([
    ['', 'week', 'week'],
    ['', 'day', 'day'],
    ['view=week', 'day', 'week'],
    ['view=month', 'day', 'month'],
    ['view=nonsense', 'day', 'day'],
  ] as const)('address "%s" on a screen whose default is %s opens %s', (query, fallback, expected) => {
    expect(readParams(new URLSearchParams(query), fallback).view).toBe(expected);
  });

  it('writes the range and only the filters that are set, and reads them back', () => {
    const params = { view: 'timeline' as const, date: '2026-11-18', statuses: ['ACCEPTED', 'INVITED'] as const, person: null, team: 't1', project: null, span: 'day' as const };
    const search = writeParams({ ...params, statuses: [...params.statuses] });
    expect(search.toString()).toBe('view=timeline&date=2026-11-18&status=ACCEPTED%2CINVITED&team=t1&span=day');
    expect(readParams(search)).toEqual({ ...params, statuses: ['INVITED', 'ACCEPTED'] });
    expect(writeParams({ ...params, statuses: ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'], view: 'week' }).toString()).toBe('view=week&date=2026-11-18&team=t1');
  });
});
