import { localInstant } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { missionCoverage } from '../src/pages/planning/calendar/coverage';
import type { AssignmentDoc } from '../src/pages/planning/calendar/calendar-types';
import { assignLanes, daySegments } from '../src/pages/planning/calendar/grid-layout';
import { openingMinute } from '../src/pages/planning/calendar/scroll-start';

const P = 'Europe/Paris';
const at = (date: string, time: string) => localInstant(date, time, P);
const item = (id: string, date: string, from: string, toDate: string, to: string) => ({ id, interval: { start: at(date, from), end: at(toDate, to) } });
const week = ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29'];

describe('side-by-side layout of overlapping blocks', () => {
  const cases: { name: string; items: { id: string; startMin: number; endMin: number }[]; want: Record<string, [lane: number, lanes: number]> }[] = [
    { name: 'two overlapping: two columns of half width', items: [{ id: 'a', startMin: 600, endMin: 720 }, { id: 'b', startMin: 660, endMin: 780 }], want: { a: [0, 2], b: [1, 2] } },
    {
      name: 'three chained overlaps (a-b, b-c, not a-c): two columns, c reuses a\'s',
      items: [{ id: 'a', startMin: 600, endMin: 700 }, { id: 'b', startMin: 650, endMin: 800 }, { id: 'c', startMin: 700, endMin: 850 }],
      want: { a: [0, 2], b: [1, 2], c: [0, 2] },
    },
    {
      name: 'three all overlapping: three columns',
      items: [{ id: 'a', startMin: 600, endMin: 800 }, { id: 'b', startMin: 620, endMin: 800 }, { id: 'c', startMin: 640, endMin: 800 }],
      want: { a: [0, 3], b: [1, 3], c: [2, 3] },
    },
    { name: 'non-overlapping stay full width', items: [{ id: 'a', startMin: 600, endMin: 660 }, { id: 'b', startMin: 660, endMin: 720 }], want: { a: [0, 1], b: [0, 1] } },
    {
      name: 'an overlap cluster, then a lone block at full width',
      items: [{ id: 'a', startMin: 600, endMin: 700 }, { id: 'b', startMin: 650, endMin: 720 }, { id: 'c', startMin: 900, endMin: 960 }],
      want: { a: [0, 2], b: [1, 2], c: [0, 1] },
    },
  ];
  it.each(cases)('$name', ({ items, want }) => {
    const out = assignLanes(items);
    expect(Object.fromEntries(out.map((o) => [o.id, [o.lane, o.lanes]]))).toEqual(want);
  });
});

describe('where the week and day grids open', () => {
  const cases: { name: string; days: string[]; items: ReturnType<typeof item>[]; want: number }[] = [
    { name: 'empty range: 08:00', days: week, items: [], want: 8 * 60 },
    { name: 'evening missions: the hour before the earliest start', days: week, items: [item('a', '2026-03-24', '19:30', '2026-03-24', '23:00'), item('b', '2026-03-26', '20:00', '2026-03-26', '23:30')], want: 19 * 60 },
    { name: 'a start on the hour shows the half hour before', days: week, items: [item('a', '2026-03-24', '19:00', '2026-03-24', '23:00')], want: 18 * 60 },
    { name: 'early morning: never above 00:00', days: week, items: [item('a', '2026-03-25', '00:15', '2026-03-25', '02:00')], want: 0 },
    {
      name: 'a mission after midnight (starts the evening before): its start counts, not the 00:00 carry-over',
      days: week,
      items: [item('night', '2026-03-24', '22:00', '2026-03-25', '03:00'), item('late', '2026-03-27', '20:00', '2026-03-27', '23:00')],
      want: 19 * 60,
    },
    { name: 'only a carry-over from the day before in a day view: 00:00', days: ['2026-03-25'], items: [item('night', '2026-03-24', '22:00', '2026-03-25', '03:00')], want: 0 },
    { name: 'spring DST day (23 h): wall clock of the org zone', days: ['2026-03-29'], items: [item('a', '2026-03-29', '18:00', '2026-03-29', '22:00')], want: 17 * 60 },
    { name: 'autumn DST day (25 h): wall clock of the org zone', days: ['2026-10-25'], items: [item('a', '2026-10-25', '20:00', '2026-10-25', '23:00')], want: 19 * 60 },
    { name: 'out of range missions do not count', days: ['2026-03-25'], items: [item('a', '2026-03-24', '06:00', '2026-03-24', '08:00'), item('b', '2026-03-25', '14:00', '2026-03-25', '16:00')], want: 13 * 60 },
  ];
  it.each(cases)('$name', ({ days, items, want }) => {
    expect(openingMinute(daySegments(items, days, P))).toBe(want);
  });
});

describe('mission coverage', () => {
  const a = (status: AssignmentDoc['status'], extra: Partial<AssignmentDoc> = {}) => ({ missionId: 'm', status, ...extra });
  const need = (count: number) => ({ role: 'Son', count, skills: [] });
  const cases: { name: string; needs: ReturnType<typeof need>[]; list: ReturnType<typeof a>[]; want: ReturnType<typeof missionCoverage> }[] = [
    { name: 'no need: nothing to show', needs: [], list: [a('ACCEPTED')], want: null },
    { name: '2 needed, 1 accepted: partial', needs: [need(2)], list: [a('ACCEPTED'), a('INVITED')], want: { needed: 2, accepted: 1, invited: 1, tone: 'partial' } },
    { name: 'needs summed over roles, all accepted: complete', needs: [need(1), need(2)], list: [a('ACCEPTED'), a('ACCEPTED'), a('ACCEPTED')], want: { needed: 3, accepted: 3, invited: 0, tone: 'complete' } },
    { name: 'invited only: empty', needs: [need(2)], list: [a('INVITED'), a('INVITED')], want: { needed: 2, accepted: 0, invited: 2, tone: 'empty' } },
    {
      name: 'declined, cancelled, deleted and other missions do not count',
      needs: [need(1)],
      list: [a('DECLINED'), a('CANCELLED'), a('ACCEPTED', { _deleted: true }), a('ACCEPTED', { missionId: 'other' })],
      want: { needed: 1, accepted: 0, invited: 0, tone: 'empty' },
    },
    { name: 'more accepted than needed: complete', needs: [need(1)], list: [a('ACCEPTED'), a('ACCEPTED')], want: { needed: 1, accepted: 2, invited: 0, tone: 'complete' } },
  ];
  it.each(cases)('$name', ({ needs, list, want }) => {
    expect(missionCoverage({ id: 'm', needs }, list)).toEqual(want);
  });
});
