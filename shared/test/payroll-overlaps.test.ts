import { describe, expect, it } from 'vitest';
import { paieMensuelleCsv } from '../src/payroll/csv';
import { monthlyPayroll, type PayrollTimesheet } from '../src/payroll/monthly';
import { countOverlapOnce, timesheetOverlaps } from '../src/payroll/overlaps';
import type { RateProfile } from '../src/payroll/rates';
import { localInstant } from '../src/planning/conflicts';
import type { TimeRules } from '../src/timeclock/types';

const P = 'Europe/Paris';
/** Paris, no rounding, GENERAL night window 21:00-06:00. */
const RULES: TimeRules = { zone: P, roundingMinutes: 0, roundingMode: 'NEAREST', nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0, repeatTapSeconds: 60 };
const at = (date: string, time: string) => new Date(localInstant(date, time, P)).toISOString();

/** A validated timesheet from local wall-clock times; paid = the range minus the break. */
function sheet(id: string, date: string, from: string, endDate: string, to: string, breakMinutes = 0, extra: Partial<PayrollTimesheet> = {}): PayrollTimesheet {
  const startAt = at(date, from);
  const endAt = at(endDate, to);
  const paid = (Date.parse(endAt) - Date.parse(startAt)) / 60_000 - breakMinutes;
  return { id, userId: 'ana', missionId: null, date, type: 'MONTAGE', status: 'VALIDATED', startAt, endAt, paidMinutes: paid, roundedMinutes: paid, nightMinutes: 0, ...extra };
}

describe('timesheetOverlaps: pairs of one person that share time', () => {
  it.each<[string, PayrollTimesheet[], [string, string, number][]]>([
    ['same day: 14:00-23:30 and 16:00-23:00 share 7 h', [sheet('a', '2026-06-12', '14:00', '2026-06-12', '23:30'), sheet('b', '2026-06-12', '16:00', '2026-06-12', '23:00')], [['a', 'b', 420]]],
    ['the later one listed first is still counted second', [sheet('b', '2026-06-12', '16:00', '2026-06-12', '23:00'), sheet('a', '2026-06-12', '14:00', '2026-06-12', '23:30')], [['a', 'b', 420]]],
    ['same start: the longer one is counted first', [sheet('x', '2026-06-12', '16:00', '2026-06-12', '18:00'), sheet('y', '2026-06-12', '16:00', '2026-06-12', '23:00')], [['y', 'x', 120]]],
    ['across midnight: 22:00-02:00 and 01:00-05:00 share 1 h', [sheet('n1', '2026-01-15', '22:00', '2026-01-16', '02:00'), sheet('n2', '2026-01-16', '01:00', '2026-01-16', '05:00')], [['n1', 'n2', 60]]],
    // 28 to 29 March 2026, 02:00 becomes 03:00: 01:30 to 04:00 is 1 h 30 of real time.
    ['DST night: 22:00-04:00 and 01:30-06:00 share 1 h 30 (not 2 h 30)', [sheet('d1', '2026-03-28', '22:00', '2026-03-29', '04:00'), sheet('d2', '2026-03-29', '01:30', '2026-03-29', '06:00')], [['d1', 'd2', 90]]],
    // 24 to 25 October 2026, 03:00 becomes 02:00: 01:30 to 04:00 is 3 h 30 of real time.
    ['DST autumn night: 22:00-04:00 and 01:30-06:00 share 3 h 30', [sheet('o1', '2026-10-24', '22:00', '2026-10-25', '04:00'), sheet('o2', '2026-10-25', '01:30', '2026-10-25', '06:00')], [['o1', 'o2', 210]]],
    ['touching ends do not overlap: 14:00-18:00 and 18:00-22:00', [sheet('t1', '2026-06-12', '14:00', '2026-06-12', '18:00'), sheet('t2', '2026-06-12', '18:00', '2026-06-12', '22:00')], []],
    ['touching at midnight do not overlap', [sheet('m1', '2026-06-12', '18:00', '2026-06-13', '00:00'), sheet('m2', '2026-06-13', '00:00', '2026-06-13', '03:00')], []],
    ['a timesheet without an end is left out', [sheet('o', '2026-06-12', '14:00', '2026-06-12', '23:30'), { ...sheet('p', '2026-06-12', '16:00', '2026-06-12', '23:00'), endAt: null }], []],
    ['two people never overlap each other', [sheet('a', '2026-06-12', '14:00', '2026-06-12', '23:30'), { ...sheet('b', '2026-06-12', '16:00', '2026-06-12', '23:00'), userId: 'bob' }], []],
  ])('%s', (_name, sheets, expected) => {
    expect(timesheetOverlaps(sheets).map((o) => [...o.timesheetIds, o.minutes])).toEqual(expected);
  });

  it('gives the shared time as instants and both dates', () => {
    const [o] = timesheetOverlaps([sheet('n1', '2026-01-15', '22:00', '2026-01-16', '02:00'), sheet('n2', '2026-01-16', '01:00', '2026-01-16', '05:00')]);
    expect(o).toEqual({ userId: 'ana', timesheetIds: ['n1', 'n2'], dates: ['2026-01-15', '2026-01-16'], from: '2026-01-16T00:00:00.000Z', to: '2026-01-16T01:00:00.000Z', minutes: 60 });
  });
});

describe('countOverlapOnce: each timesheet pays what the earlier ones did not cover', () => {
  it.each<[string, PayrollTimesheet[], Record<string, [number, number, number, boolean]>]>([
    // [paid, night, removed, covered]
    ['inside another one: covered, pays nothing', [sheet('a', '2026-06-12', '14:00', '2026-06-12', '23:30'), sheet('b', '2026-06-12', '16:00', '2026-06-12', '23:00', 30)], { b: [0, 0, 390, true] }],
    ['partly covered: pays the uncovered 3 h', [sheet('a', '2026-06-12', '14:00', '2026-06-12', '18:00'), sheet('b', '2026-06-12', '17:00', '2026-06-12', '21:00')], { b: [180, 0, 60, false] }],
    // The break (30) is assumed in the covered hour: 3 h left, paid 210 -> 180.
    ['partly covered with a break: at most the uncovered time', [sheet('a', '2026-06-12', '14:00', '2026-06-12', '18:00'), sheet('b', '2026-06-12', '17:00', '2026-06-12', '21:00', 30)], { b: [180, 0, 30, false] }],
    ['a small break fits in the uncovered time', [sheet('a', '2026-06-12', '14:00', '2026-06-12', '15:00'), sheet('b', '2026-06-12', '14:30', '2026-06-12', '21:00', 60)], { b: [330, 0, 0, false] }],
    // 20:00-23:00 then 22:00-02:00: the second pays 23:00-02:00 (180 min, all of it night 21:00-06:00).
    ['night left is the night of the uncovered part', [sheet('a', '2026-06-12', '20:00', '2026-06-12', '23:00', 0, { nightMinutes: 120 }), sheet('b', '2026-06-12', '22:00', '2026-06-13', '02:00', 0, { nightMinutes: 240 })], { b: [180, 180, 60, false] }],
    ['DST night: 01:30-06:00 after 22:00-04:00 pays 04:00-06:00', [sheet('d1', '2026-03-28', '22:00', '2026-03-29', '04:00'), sheet('d2', '2026-03-29', '01:30', '2026-03-29', '06:00')], { d2: [120, 0, 90, false] }],
    ['touching ends: nothing taken out', [sheet('t1', '2026-06-12', '14:00', '2026-06-12', '18:00'), sheet('t2', '2026-06-12', '18:00', '2026-06-12', '22:00')], {}],
    ['three in a row: each pays what is new', [sheet('a', '2026-06-12', '08:00', '2026-06-12', '12:00'), sheet('b', '2026-06-12', '10:00', '2026-06-12', '14:00'), sheet('c', '2026-06-12', '11:00', '2026-06-12', '13:00')], { b: [120, 0, 120, false], c: [0, 0, 120, true] }],
  ])('%s', (_name, sheets, expected) => {
    const got = countOverlapOnce(sheets, RULES);
    expect(Object.fromEntries([...got].map(([id, c]) => [id, [c.paidMinutes, c.nightMinutes, c.removedMinutes, c.covered]]))).toEqual(expected);
  });

  it('rounds what is left with the organisation step', () => {
    const got = countOverlapOnce([sheet('a', '2026-06-12', '14:00', '2026-06-12', '18:00'), sheet('b', '2026-06-12', '17:50', '2026-06-12', '21:00')], { ...RULES, roundingMinutes: 15, roundingMode: 'DOWN' });
    // 18:00-21:00 left: 180 paid, 180 rounded; the timesheet had 190.
    expect(got.get('b')).toMatchObject({ paidMinutes: 180, roundedMinutes: 180, removedMinutes: 10 });
  });
});

describe('monthlyPayroll pays overlapping time once', () => {
  const HOURLY: RateProfile[] = [{ id: 'h', name: 'h', archived: false, data: { mode: 'HOURLY', amountCents: 1850, appliesTo: { kind: 'ORG', id: null } } }];
  const USERS = [{ id: 'ana', firstName: 'Ana', lastName: 'Zola', employmentType: 'INTERMITTENT' }];
  // The day: 14:00-23:30 (30 min break: 9 h) and five 16:00-23:00 (30 min break: 6 h 30 each), at 18.50 EUR/h.
  // Counted each: 9 + 5 x 6.5 = 41.5 h = 767.75 EUR. Counted once: 9 h = 166.50 EUR.
  const day = [
    sheet('a', '2026-06-12', '14:00', '2026-06-12', '23:30', 30),
    ...[1, 2, 3, 4, 5].map((i) => sheet(`b${i}`, '2026-06-12', '16:00', '2026-06-12', '23:00', 30)),
  ];
  const run = (timesheets: PayrollTimesheet[], month = '2026-06') =>
    monthlyPayroll({ month, zone: P, rules: { ...RULES, roundingScope: 'MONTH' }, timesheets, users: USERS, profiles: HOURLY });

  it('the issue: 41.50 h and 767.75 EUR become 9 h and 166.50 EUR, with the 15 pairs listed', () => {
    const result = run(day);
    expect(result.people[0]).toMatchObject({ daysWorked: 1, hours: 9, grossHourlyCents: 16650, grossCents: 16650, overlapMinutes: 5 * 390 });
    expect(result.overlaps).toHaveLength(15);
    expect(result.overlaps.filter((o) => o.timesheetIds[0] === 'a').map((o) => o.minutes)).toEqual([420, 420, 420, 420, 420]);
    expect(paieMensuelleCsv(result.people).split('\r\n')[1]).toBe('Zola Ana;INTERMITTENT;2026-06;1;9,00;0;9,00;0,00;166,50;0,00;0,00;0,00;166,50');
  });

  it('timesheets that only touch are both paid', () => {
    const result = run([sheet('t1', '2026-06-12', '14:00', '2026-06-12', '18:00'), sheet('t2', '2026-06-12', '18:00', '2026-06-12', '22:00')]);
    expect(result.people[0]).toMatchObject({ hours: 8, grossCents: 14800, overlapMinutes: 0 });
    expect(result.overlaps).toEqual([]);
  });

  it('a timesheet of the last day of the month before covers the first night of this month once', () => {
    const before = sheet('may', '2026-05-31', '22:00', '2026-06-01', '02:00');
    const after = sheet('june', '2026-06-01', '01:00', '2026-06-01', '05:00');
    // May pays its 4 h; June pays 02:00-05:00 only.
    expect(run([before, after], '2026-05').people[0]).toMatchObject({ hours: 4, overlapMinutes: 0 });
    expect(run([before, after], '2026-06').people[0]).toMatchObject({ hours: 3, overlapMinutes: 60 });
    expect(run([before, after], '2026-06').overlaps.map((o) => o.timesheetIds)).toEqual([['may', 'june']]);
  });

  it('a timesheet not counted (status) covers nothing', () => {
    const result = run([sheet('a', '2026-06-12', '14:00', '2026-06-12', '23:30', 30, { status: 'CONFIRMED' }), sheet('b', '2026-06-12', '16:00', '2026-06-12', '23:00', 30)]);
    expect(result.people[0]).toMatchObject({ hours: 6.5, overlapMinutes: 0 });
    expect(result.overlaps).toEqual([]);
    expect(result.skipped).toBe(1);
  });
});
