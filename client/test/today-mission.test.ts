import { describe, expect, it } from 'vitest';
import { endsNextDay, pickToday } from '../src/pages/my-missions/today-mission';

const PARIS = 'Europe/Paris';
const row = (id: string, startAt: string, endAt: string, status = 'ACCEPTED', missionStatus = 'PUBLISHED') => ({ id, assignment: { status }, mission: { startAt, endAt, status: missionStatus } });

describe('pickToday', () => {
  const cases: { name: string; rows: ReturnType<typeof row>[]; now: string; tz?: string; want: { kind: string; id?: string; date?: string } }[] = [
    { name: 'nothing planned', rows: [], now: '2026-12-04T10:00:00Z', want: { kind: 'none' } },
    { name: 'only past missions', rows: [row('a', '2026-12-03T08:00:00Z', '2026-12-03T12:00:00Z')], now: '2026-12-04T10:00:00Z', want: { kind: 'none' } },
    { name: 'a mission running now', rows: [row('a', '2026-12-04T08:00:00Z', '2026-12-04T16:00:00Z'), row('b', '2026-12-04T18:00:00Z', '2026-12-04T22:00:00Z')], now: '2026-12-04T10:00:00Z', want: { kind: 'now', id: 'a' } },
    { name: 'the next one later today', rows: [row('b', '2026-12-04T18:00:00Z', '2026-12-04T22:00:00Z'), row('c', '2026-12-05T08:00:00Z', '2026-12-05T12:00:00Z')], now: '2026-12-04T10:00:00Z', want: { kind: 'later', id: 'b' } },
    { name: 'nothing today: the next day is given', rows: [row('c', '2026-12-06T08:00:00Z', '2026-12-06T12:00:00Z')], now: '2026-12-04T10:00:00Z', want: { kind: 'next', id: 'c', date: '2026-12-06' } },
    { name: 'a night shift started yesterday still runs after midnight', rows: [row('n', '2026-12-03T21:00:00Z', '2026-12-04T03:00:00Z')], now: '2026-12-04T00:30:00Z', want: { kind: 'now', id: 'n' } },
    // 23:30 UTC is 00:30 in Paris on the 5th: a 07:00 Paris start the same morning is "later today" in the org zone.
    { name: 'today is the organisation calendar day, not UTC', rows: [row('m', '2026-12-05T06:00:00Z', '2026-12-05T12:00:00Z')], now: '2026-12-04T23:30:00Z', want: { kind: 'later', id: 'm' } },
    { name: 'the same instants in UTC zone are another day', rows: [row('m', '2026-12-05T06:00:00Z', '2026-12-05T12:00:00Z')], now: '2026-12-04T23:30:00Z', tz: 'UTC', want: { kind: 'next', id: 'm', date: '2026-12-05' } },
    // DST ends on 2026-10-25 in Paris (03:00 CEST -> 02:00 CET): a 23:00 CET start is still that day.
    { name: 'across the autumn DST change', rows: [row('d', '2026-10-25T22:00:00Z', '2026-10-26T02:00:00Z')], now: '2026-10-25T06:00:00Z', want: { kind: 'later', id: 'd' } },
    // DST starts on 2026-03-29 (02:00 CET -> 03:00 CEST): 22:30 UTC is 00:30 on the 30th, another day.
    { name: 'across the spring DST change', rows: [row('s', '2026-03-29T22:30:00Z', '2026-03-30T04:00:00Z')], now: '2026-03-29T08:00:00Z', want: { kind: 'next', id: 's', date: '2026-03-30' } },
    { name: 'declined and cancelled are skipped', rows: [row('x', '2026-12-04T08:00:00Z', '2026-12-04T16:00:00Z', 'DECLINED'), row('y', '2026-12-04T09:00:00Z', '2026-12-04T16:00:00Z', 'ACCEPTED', 'CANCELLED'), row('z', '2026-12-04T12:00:00Z', '2026-12-04T16:00:00Z', 'INVITED')], now: '2026-12-04T10:00:00Z', want: { kind: 'later', id: 'z' } },
    { name: 'a mission ending exactly now is over', rows: [row('e', '2026-12-04T08:00:00Z', '2026-12-04T10:00:00Z')], now: '2026-12-04T10:00:00Z', want: { kind: 'none' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = pickToday(c.rows, Date.parse(c.now), c.tz ?? PARIS);
      expect({ kind: got.kind, ...('row' in got ? { id: got.row.id } : {}), ...('date' in got ? { date: got.date } : {}) }).toEqual(c.want);
    });
  }
});

describe('endsNextDay', () => {
  const cases: [string, string, string, boolean][] = [
    ['2026-12-04T08:00:00Z', '2026-12-04T16:00:00Z', PARIS, false],
    ['2026-12-04T21:00:00Z', '2026-12-05T01:00:00Z', PARIS, true],
    // 22:00 to 23:30 UTC is 23:00 to 00:30 in Paris: the next day there, not in UTC.
    ['2026-12-04T22:00:00Z', '2026-12-04T23:30:00Z', PARIS, true],
    ['2026-12-04T22:00:00Z', '2026-12-04T23:30:00Z', 'UTC', false],
  ];
  for (const [start, end, tz, want] of cases) it(`${start} - ${end} in ${tz}`, () => expect(endsNextDay(start, end, tz)).toBe(want));
});
