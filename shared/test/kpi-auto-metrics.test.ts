import { describe, expect, it } from 'vitest';
import { AUTO_METRICS, AUTO_METRIC_UNITS, type AutoMetric, type AutoScope } from '../src/kpi/auto-metrics';
import { computeAutoMetric, timesheetWindowOf, type AutoAssignment, type AutoMetricInput, type AutoMission, type AutoPeriod } from '../src/kpi/auto-metrics-compute';
import type { TimesheetLike } from '../src/payroll/inputs';
import type { RateProfile } from '../src/payroll/rates';
import type { PunchEvent } from '../src/timeclock/punch';

/*
 * Automatic KPIs, expected values worked out by hand (docs/decisions/kpi-rules.md, "Automatic KPIs"). Europe/Paris:
 * UTC+1 in winter, UTC+2 in summer; the autumn change is the night of 24 to 25 October 2026 (03:00 becomes 02:00),
 * the spring one the night of 28 to 29 March 2026 (02:00 becomes 03:00).
 */
const RULES = { zone: 'Europe/Paris', roundingMinutes: 5, roundingMode: 'NEAREST' as const, nightStart: '00:00', nightEnd: '06:00', nightPremiumPct: 25, repeatTapSeconds: 10, roundingScope: 'MONTH' as const };
const WEEK: AutoPeriod = { start: '2026-12-07', end: '2026-12-13' };

const mission = (id: string, projectId: string | null, venueId: string | null, startAt: string, endAt: string, needs: number[], status = 'PUBLISHED'): AutoMission => ({
  id, projectId, venueId, startAt, endAt, status, needs: needs.map((count) => ({ count })),
});
const accepted = (missionId: string, ...userIds: string[]): AutoAssignment[] => userIds.map((userId) => ({ missionId, userId, status: 'ACCEPTED' }));
const HASH = 'a'.repeat(64);
let n = 0;
function punch(userId: string, missionId: string, at: string, punchType = 'IN', payload: Record<string, unknown> = {}): PunchEvent {
  n += 1;
  return { id: `p${n}`, kind: 'PUNCH', userId, missionId, at, deviceId: 'd1', payload: { punchType, source: 'PHONE', method: 'SESSION', venueId: null, seq: n, prevHash: null, hash: HASH, ...payload } };
}
function sheet(id: string, userId: string, missionId: string | null, date: string, paid: number, extra: Partial<TimesheetLike> = {}): TimesheetLike {
  return { id, userId, missionId, date, type: 'OTHER', status: 'DRAFT', paidMinutes: paid, roundedMinutes: paid, nightMinutes: 0, startAt: null, endAt: null, ...extra };
}
const base = (over: Partial<AutoMetricInput>): AutoMetricInput => ({ period: WEEK, scope: {}, rules: RULES, missions: [], assignments: [], timesheets: [], fieldEvents: [], ...over });

const ORG: AutoScope = {};
const P1: AutoScope = { projectId: 'P1' };
const P2: AutoScope = { projectId: 'P2' };
const V1: AutoScope = { venueId: 'V1' };
const P1V1: AutoScope = { projectId: 'P1', venueId: 'V1' };

describe('the metrics vocabulary', () => {
  it('has a unit for every metric', () => {
    expect(AUTO_METRICS).toHaveLength(9);
    for (const m of AUTO_METRICS) expect(AUTO_METRIC_UNITS[m]).toBeTruthy();
  });
  it('reads the timesheets of the whole civil weeks around a period', () => {
    expect(timesheetWindowOf({ start: '2026-12-01', end: '2026-12-31' })).toEqual({ start: '2026-11-30', end: '2027-01-03' });
    expect(timesheetWindowOf(WEEK)).toEqual(WEEK);
  });
});

/*
 * Planning week 2026-12-07 (Monday) to 2026-12-13:
 * M1 P1/V1 Thu 10 20:00 -> Fri 11 02:00 (across midnight, 6 h), needs 2 + 1, accepted u1 u2 (u3 invited, u4 declined)
 * M2 P1/V2 Tue 08 09:00-17:00 (8 h), needs 2, accepted u1 u2 u3 (over-staffed: counts 2 of 2)
 * M3 P1/V1 cancelled, M4 P1/V1 draft: not counted
 * M5 P1/V1 starts Sun 13 23:30 UTC = Mon 14 00:30 local: next week, not counted
 * M6 P1/V1 starts Sun 06 23:30 UTC = Mon 07 00:30 local (4 h): in the week, needs 1, accepted u6
 * M7 P2/V1 Wed 09 10:00-12:00 (2 h), needs 2, accepted u1
 */
const PLAN_MISSIONS = [
  mission('M1', 'P1', 'V1', '2026-12-10T19:00:00.000Z', '2026-12-11T01:00:00.000Z', [2, 1]),
  mission('M2', 'P1', 'V2', '2026-12-08T08:00:00.000Z', '2026-12-08T16:00:00.000Z', [2]),
  mission('M3', 'P1', 'V1', '2026-12-09T09:00:00.000Z', '2026-12-09T11:00:00.000Z', [4], 'CANCELLED'),
  mission('M4', 'P1', 'V1', '2026-12-09T09:00:00.000Z', '2026-12-09T11:00:00.000Z', [3], 'DRAFT'),
  mission('M5', 'P1', 'V1', '2026-12-13T23:30:00.000Z', '2026-12-14T03:30:00.000Z', [5]),
  mission('M6', 'P1', 'V1', '2026-12-06T23:30:00.000Z', '2026-12-07T03:30:00.000Z', [1]),
  mission('M7', 'P2', 'V1', '2026-12-09T09:00:00.000Z', '2026-12-09T11:00:00.000Z', [2]),
];
const PLAN_ASSIGNMENTS: AutoAssignment[] = [
  ...accepted('M1', 'u1', 'u2'),
  { missionId: 'M1', userId: 'u3', status: 'INVITED' },
  { missionId: 'M1', userId: 'u4', status: 'DECLINED' },
  { missionId: 'M1', userId: 'u5', status: 'CANCELLED' },
  ...accepted('M2', 'u1', 'u2', 'u3'),
  ...accepted('M3', 'u5'),
  ...accepted('M6', 'u6'),
  ...accepted('M7', 'u1', 'u1'),
];
/*
 * First clock in per person and mission, tolerance 5 minutes (late when strictly more):
 * u1 on M1 19:05:00Z, exactly 5 min: on time. u2 on M1 19:20Z: late (its 22:00Z IN after a break is not the first).
 * u3 on M2: 08:10Z and 07:55Z, the first is 07:55: on time. u6 on M6 23:36Z: 6 min, late. u1 on M7 09:30Z: late.
 * Not counted: u5 on the cancelled M3, u9 on M5 (next week), an OUT, a comment, a punch with an invalid payload.
 */
const PLAN_EVENTS: PunchEvent[] = [
  punch('u1', 'M1', '2026-12-10T19:05:00.000Z'),
  punch('u2', 'M1', '2026-12-10T22:00:00.000Z'),
  punch('u2', 'M1', '2026-12-10T19:20:00.000Z'),
  punch('u3', 'M2', '2026-12-08T08:10:00.000Z'),
  punch('u3', 'M2', '2026-12-08T07:55:00.000Z'),
  punch('u6', 'M6', '2026-12-06T23:36:00.000Z'),
  punch('u1', 'M7', '2026-12-09T09:30:00.000Z'),
  punch('u5', 'M3', '2026-12-09T10:00:00.000Z'),
  punch('u9', 'M5', '2026-12-14T00:30:00.000Z'),
  punch('u1', 'M2', '2026-12-08T17:00:00.000Z', 'OUT'),
  { id: 'c1', kind: 'COMMENT', userId: 'u4', missionId: 'M1', at: '2026-12-10T19:40:00.000Z', deviceId: null, payload: { text: 'en retard' } },
  punch('u4', 'M1', '2026-12-10T19:40:00.000Z', 'IN', { hash: 'not-a-hash' }),
];
const plan = (scope: AutoScope) => base({ scope, missions: PLAN_MISSIONS, assignments: PLAN_ASSIGNMENTS, fieldEvents: PLAN_EVENTS });

describe('planning metrics of a week', () => {
  // Coverage: sum of min(accepted, needed) / sum of needed.
  it.each<[string, AutoScope, number]>([
    ['organisation: M1 2/3, M2 2/2, M6 1/1, M7 1/2', ORG, 75],
    ['project P1: M1, M2, M6 = 5/6', P1, 500 / 6],
    ['project P2: M7 = 1/2', P2, 50],
    ['venue V1: M1, M6, M7 = 4/6', V1, 400 / 6],
    ['project P1 at venue V1: M1, M6 = 3/4', P1V1, 75],
  ])('COVERAGE_RATE, %s', (_, scope, expected) => {
    expect(computeAutoMetric('COVERAGE_RATE', plan(scope))).toBeCloseTo(expected, 9);
  });

  // Planned hours: real duration x accepted people. M1 6 h x 2, M2 8 h x 3, M6 4 h x 1, M7 2 h x 1.
  it.each<[string, AutoScope, number]>([
    ['organisation', ORG, 12 + 24 + 4 + 2],
    ['project P1', P1, 12 + 24 + 4],
    ['project P2', P2, 2],
    ['venue V1', V1, 12 + 4 + 2],
  ])('PLANNED_HOURS, %s', (_, scope, expected) => {
    expect(computeAutoMetric('PLANNED_HOURS', plan(scope))).toBe(expected);
  });

  it.each<[string, AutoScope, number]>([
    ['organisation: u2/M1, u6/M6, u1/M7', ORG, 3],
    ['project P1: u2/M1, u6/M6', P1, 2],
    ['project P2: u1/M7', P2, 1],
    ['venue V1', V1, 3],
  ])('LATE_STARTS, %s', (_, scope, expected) => {
    expect(computeAutoMetric('LATE_STARTS', plan(scope))).toBe(expected);
  });

  it('a wider tolerance forgives the 6-minute start', () => {
    expect(computeAutoMetric('LATE_STARTS', { ...plan(P1), lateToleranceMinutes: 6 })).toBe(1);
  });

  it('nothing needed: no coverage, no variance; nothing planned: 0 hours', () => {
    const empty = base({ missions: [mission('X', 'P9', null, '2026-12-08T08:00:00.000Z', '2026-12-08T10:00:00.000Z', [])] });
    expect(computeAutoMetric('COVERAGE_RATE', empty)).toBeNull();
    expect(computeAutoMetric('PLANNED_HOURS', empty)).toBe(0);
    expect(computeAutoMetric('HOURS_VARIANCE_PCT', empty)).toBeNull();
    expect(computeAutoMetric('AVERAGE_HOURLY_COST', empty)).toBeNull();
    expect(computeAutoMetric('LATE_STARTS', empty)).toBe(0);
  });

  it('a mission counts in the week of its local start: M6 (Sunday 06 in UTC) is not in the week before', () => {
    expect(computeAutoMetric('COVERAGE_RATE', { ...plan(ORG), period: { start: '2026-11-30', end: '2026-12-06' } })).toBeNull();
    expect(computeAutoMetric('PLANNED_HOURS', { ...plan(ORG), period: { start: '2026-12-14', end: '2026-12-20' } })).toBe(0);
  });
});

/*
 * Time week 2026-12-07 to 2026-12-13. Missions: mA P1/V1, mB P2/V1, mC P1/V2. Timesheets (paid minutes):
 * u1, one person on two projects: Mon-Thu on mA 540 each (2160: 60 beyond 35 h on Thursday), Friday night on mB
 *   19:00Z-02:00Z with a 60 min break, 360 paid, 150 night (all 360 beyond 35 h); Sunday 06 (previous week) 600 and
 *   Monday 14 (next week) 300 on mA: outside the week.
 * u2 on mC Tuesday 480 (a cachet: role Regisseur); u3 on mA 08:00Z-12:00Z (240) and on mB 10:00Z-14:00Z (240, of
 *   which 120 overlap: counted once, 120 left); u4 without mission Saturday 300.
 */
const TIME_MISSIONS = [
  mission('mA', 'P1', 'V1', '2026-12-07T07:00:00.000Z', '2026-12-07T16:00:00.000Z', [1]),
  mission('mB', 'P2', 'V1', '2026-12-11T19:00:00.000Z', '2026-12-12T02:00:00.000Z', [1]),
  mission('mC', 'P1', 'V2', '2026-12-08T08:00:00.000Z', '2026-12-08T16:30:00.000Z', [1]),
];
const TIME_ASSIGNMENTS: AutoAssignment[] = [
  { missionId: 'mA', userId: 'u1', status: 'ACCEPTED', role: 'Machiniste' },
  { missionId: 'mC', userId: 'u2', status: 'ACCEPTED', role: 'Regisseur' },
];
const day = (date: string, from: string, to: string) => ({ startAt: `${date}T${from}:00.000Z`, endAt: `${date}T${to}:00.000Z` });
const TIME_SHEETS: TimesheetLike[] = [
  sheet('t0', 'u1', 'mA', '2026-12-06', 600, day('2026-12-06', '07:00', '17:00')),
  sheet('t1', 'u1', 'mA', '2026-12-07', 540, day('2026-12-07', '07:00', '16:00')),
  sheet('t2', 'u1', 'mA', '2026-12-08', 540, day('2026-12-08', '07:00', '16:00')),
  sheet('t3', 'u1', 'mA', '2026-12-09', 540, { ...day('2026-12-09', '07:00', '16:00'), status: 'VALIDATED' }),
  sheet('t4', 'u1', 'mA', '2026-12-10', 540, day('2026-12-10', '07:00', '16:00')),
  sheet('t5', 'u1', 'mB', '2026-12-11', 360, { startAt: '2026-12-11T19:00:00.000Z', endAt: '2026-12-12T02:00:00.000Z', nightMinutes: 150 }),
  sheet('t10', 'u1', 'mA', '2026-12-14', 300, day('2026-12-14', '07:00', '12:00')),
  sheet('t6', 'u2', 'mC', '2026-12-08', 480, day('2026-12-08', '08:00', '16:30')),
  sheet('t7', 'u3', 'mA', '2026-12-09', 240, day('2026-12-09', '08:00', '12:00')),
  sheet('t8', 'u3', 'mB', '2026-12-09', 240, day('2026-12-09', '10:00', '14:00')),
  sheet('t9', 'u4', null, '2026-12-12', 300, day('2026-12-12', '08:00', '13:00')),
];
const PROFILES: RateProfile[] = [
  { id: 'r1', name: 'Horaire', archived: false, data: { mode: 'HOURLY', amountCents: 2000, appliesTo: { kind: 'ORG', id: null } } },
  { id: 'r2', name: 'Cachet regisseur', archived: false, data: { mode: 'CACHET', amountCents: 15000, appliesTo: { kind: 'ROLE', id: 'Regisseur' } } },
];
const time = (scope: AutoScope) => base({ scope, missions: TIME_MISSIONS, assignments: TIME_ASSIGNMENTS, timesheets: TIME_SHEETS, profiles: PROFILES, users: [] });

describe('time metrics of a week', () => {
  /*
   * Actual minutes: org 2160 + 360 + 480 + 240 + 120 + 300 = 3660 (61 h); P1 2160 + 480 + 240 = 2880 (48 h);
   * P2 360 + 120 = 480 (8 h); V1 (mA, mB) 2160 + 360 + 240 + 120 = 2880 (48 h).
   * Night: t5's 150 minutes only. Overtime: u1's 60 on t4 (P1) and 360 on t5 (P2).
   * Payroll at 20 EUR/h, night premium 25 %: t1-t4 4 x 180 = 720; t5 120 + 150 min x 20 x 25 % / 60 = 12.50;
   * t6 a cachet 150; t7 80; t8 40; t9 100. Org 1222.50; P1 720 + 150 + 80 = 950; P2 132.50 + 40 = 172.50.
   */
  const cases: [AutoMetric, AutoScope, number][] = [
    ['ACTUAL_HOURS', ORG, 61],
    ['ACTUAL_HOURS', P1, 48],
    ['ACTUAL_HOURS', P2, 8],
    ['ACTUAL_HOURS', V1, 48],
    ['NIGHT_HOURS', ORG, 2.5],
    ['NIGHT_HOURS', P1, 0],
    ['NIGHT_HOURS', P2, 2.5],
    ['OVERTIME_HOURS', ORG, 7],
    ['OVERTIME_HOURS', P1, 1],
    ['OVERTIME_HOURS', P2, 6],
    ['OVERTIME_HOURS', V1, 7],
    ['PAYROLL_MASS', ORG, 1222.5],
    ['PAYROLL_MASS', P1, 950],
    ['PAYROLL_MASS', P2, 172.5],
    ['AVERAGE_HOURLY_COST', ORG, 1222.5 / 61],
    ['AVERAGE_HOURLY_COST', P1, 950 / 48],
    ['AVERAGE_HOURLY_COST', P2, 172.5 / 8],
  ];
  it.each(cases)('%s of %j', (metric, scope, expected) => {
    expect(computeAutoMetric(metric, time(scope))).toBeCloseTo(expected, 9);
  });

  it('a timesheet whose mission is unknown counts for the organisation only', () => {
    const input = base({ missions: [], timesheets: [sheet('x', 'u1', 'gone', '2026-12-08', 120)] });
    expect(computeAutoMetric('ACTUAL_HOURS', input)).toBe(2);
    expect(computeAutoMetric('ACTUAL_HOURS', { ...input, scope: P1 })).toBe(0);
  });
});

describe('across midnight and daylight saving time', () => {
  /*
   * Mission N (P1) Saturday 24 October 2026 22:00 (CEST, 20:00Z) to Sunday 25 04:00 (CET, 03:00Z): the clock says
   * 6 h, it lasts 7 h. Needs 2, accepted uA and uB, uC invited. uA 20:05Z-03:00Z: 415 min, night (00:00 local =
   * 22:00Z to 03:00Z) 300. uB 20:10Z-03:00Z with a 30 min break: 380 paid, 270 night. Planned 2 x 7 h = 14 h, actual
   * 795 min = 13.25 h, variance (795 - 840) / 840 = -5.357 %; uA clocked in 5 min late exactly (on time), uB 10 min.
   */
  const night = base({
    period: { start: '2026-10-24', end: '2026-10-24' },
    scope: P1,
    missions: [mission('N', 'P1', 'V1', '2026-10-24T20:00:00.000Z', '2026-10-25T03:00:00.000Z', [2])],
    assignments: [...accepted('N', 'uA', 'uB'), { missionId: 'N', userId: 'uC', status: 'INVITED' }],
    timesheets: [
      sheet('a', 'uA', 'N', '2026-10-24', 415, { startAt: '2026-10-24T20:05:00.000Z', endAt: '2026-10-25T03:00:00.000Z', nightMinutes: 300 }),
      sheet('b', 'uB', 'N', '2026-10-24', 380, { startAt: '2026-10-24T20:10:00.000Z', endAt: '2026-10-25T03:00:00.000Z', nightMinutes: 270 }),
    ],
    fieldEvents: [punch('uA', 'N', '2026-10-24T20:05:00.000Z'), punch('uB', 'N', '2026-10-24T20:10:00.000Z')],
  });
  it.each<[AutoMetric, number]>([
    ['COVERAGE_RATE', 100],
    ['PLANNED_HOURS', 14],
    ['ACTUAL_HOURS', 13.25],
    ['HOURS_VARIANCE_PCT', (100 * (795 - 840)) / 840],
    ['NIGHT_HOURS', 9.5],
    ['LATE_STARTS', 1],
  ])('autumn night, %s', (metric, expected) => {
    expect(computeAutoMetric(metric, night)).toBeCloseTo(expected, 9);
  });

  it('the whole night counts on the day it starts: nothing on Sunday 25', () => {
    expect(computeAutoMetric('PLANNED_HOURS', { ...night, period: { start: '2026-10-25', end: '2026-10-25' } })).toBe(0);
    expect(computeAutoMetric('ACTUAL_HOURS', { ...night, period: { start: '2026-10-25', end: '2026-10-25' } })).toBe(0);
  });

  it('spring night: Saturday 28 March 2026 22:00 (CET, 21:00Z) to 04:00 (CEST, 02:00Z) lasts 5 h', () => {
    const spring = base({
      period: { start: '2026-03-23', end: '2026-03-29' },
      missions: [mission('S', 'P1', null, '2026-03-28T21:00:00.000Z', '2026-03-29T02:00:00.000Z', [1])],
      assignments: accepted('S', 'uA'),
    });
    expect(computeAutoMetric('PLANNED_HOURS', spring)).toBe(5);
  });
});

describe('a week under way', () => {
  /*
   * Tuesday 8 December 2026 09:00-13:00 (08:00Z-12:00Z) and Friday 11 09:00-13:00, one person accepted on each;
   * Tuesday's timesheet 210 paid minutes, and a timesheet without mission on Wednesday 08:00Z-10:00Z (120). On
   * Wednesday noon only Tuesday's mission has ended: (330 - 240) / 240 = +37.5 %. Without asOf every mission counts:
   * (330 - 480) / 480 = -31.25 %. Before Tuesday's end nothing planned has ended: no value.
   */
  const input = base({
    missions: [mission('tue', 'P1', null, '2026-12-08T08:00:00.000Z', '2026-12-08T12:00:00.000Z', [1]), mission('fri', 'P1', null, '2026-12-11T08:00:00.000Z', '2026-12-11T12:00:00.000Z', [1])],
    assignments: [...accepted('tue', 'u1'), ...accepted('fri', 'u1')],
    timesheets: [
      sheet('a', 'u1', 'tue', '2026-12-08', 210, day('2026-12-08', '08:00', '11:30')),
      sheet('b', 'u2', null, '2026-12-09', 120, day('2026-12-09', '08:00', '10:00')),
    ],
  });
  it.each<[string, number | undefined, number | null]>([
    ['Wednesday noon', Date.parse('2026-12-09T11:00:00.000Z'), 37.5],
    ['no asOf', undefined, -31.25],
    ['Tuesday 10:00', Date.parse('2026-12-08T09:00:00.000Z'), null],
    ['after the week', Date.parse('2026-12-14T00:00:00.000Z'), -31.25],
  ])('HOURS_VARIANCE_PCT as of %s', (_, asOf, expected) => {
    const value = computeAutoMetric('HOURS_VARIANCE_PCT', { ...input, ...(asOf !== undefined ? { asOf } : {}) });
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 9);
  });
});

describe('periods across a month end', () => {
  /*
   * u7 works Monday 30 November 600 min, then 1, 2 and 3 December 600 each (2400: 300 beyond 35 h on the 3rd), and
   * Friday 4 December 120 (all beyond): overtime 420 min, all in December. Saturday 28 November and Monday 7 December
   * are outside the week of 30 November. At 20 EUR/h the week pays 2520 min = 840 EUR.
   */
  const u7 = [
    sheet('w0', 'u7', null, '2026-11-28', 600),
    sheet('w1', 'u7', null, '2026-11-30', 600),
    sheet('w2', 'u7', null, '2026-12-01', 600),
    sheet('w3', 'u7', null, '2026-12-02', 600),
    sheet('w4', 'u7', null, '2026-12-03', 600),
    sheet('w5', 'u7', null, '2026-12-04', 120),
    sheet('w6', 'u7', null, '2026-12-07', 600),
  ];
  const input = (period: AutoPeriod) => base({ period, timesheets: u7, profiles: PROFILES });
  it.each<[string, AutoPeriod, AutoMetric, number]>([
    ['December', { start: '2026-12-01', end: '2026-12-31' }, 'OVERTIME_HOURS', 7],
    ['November', { start: '2026-11-01', end: '2026-11-30' }, 'OVERTIME_HOURS', 0],
    ['the week of 30 November', { start: '2026-11-30', end: '2026-12-06' }, 'OVERTIME_HOURS', 7],
    ['the week of 30 November', { start: '2026-11-30', end: '2026-12-06' }, 'ACTUAL_HOURS', 42],
    ['the week of 30 November', { start: '2026-11-30', end: '2026-12-06' }, 'PAYROLL_MASS', 840],
    ['November', { start: '2026-11-01', end: '2026-11-30' }, 'PAYROLL_MASS', 400],
  ])('%s: %s', (_, period, metric, expected) => {
    expect(computeAutoMetric(metric, input(period))).toBeCloseTo(expected, 9);
  });
});
