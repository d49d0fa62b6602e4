import { describe, expect, it } from 'vitest';
import { computeDashboard, prepareSlices } from '../src/analytics/dashboard';
import type { DashboardQuery, DashboardSlices } from '../src/analytics/dashboard-types';
import { PARIS, hoursSlice, incidentsSlice, missionsSlice, paySlice } from './support/analytics-slices';

/*
 * The direction dashboard on a small data set whose every figure is worked out by hand below. Europe/Paris: UTC+1 in
 * winter. December 2026: Monday 7, Tuesday 8, Wednesday 9. Minutes in, minutes out; cents for money.
 *
 * Hours (December):
 *  r1 u1 m1 P1 V1 Son      Mon 7  09:00-17:00  planned 480 actual 450 overtime 0  night 0   late 1  cost  9000
 *  r2 u2 m1 P1 V1 Lumiere  Mon 7  09:00-17:00  planned 480 actual 510 overtime 30 night 0   late 0  cost 12000
 *  r3 u1 m2 P2 V2 Son      Tue 8  22:00-02:00  planned 240 actual 240 overtime 0  night 120 late 0  cost  6000
 *  r4 u3 (timesheet without mission) Sun 20    planned 0   actual 300                        cost  4500
 * Hours (November): r5 u1 m4 P1 V1 Son Mon 16 09:00-19:00 planned 600 actual 600 cost 10000.
 */
const DEC = hoursSlice('2026-12', PARIS['2026-12'], [
  { day: 7, user: 'u1', mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', planned: 480, actual: 450, late: 1 },
  { day: 7, user: 'u2', mission: 'm1', project: 'P1', venue: 'V1', role: 'Lumiere', start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', planned: 480, actual: 510, overtime: 30 },
  { day: 8, user: 'u1', mission: 'm2', project: 'P2', venue: 'V2', role: 'Son', start: '2026-12-08T21:00:00Z', end: '2026-12-09T01:00:00Z', planned: 240, actual: 240, night: 120 },
  { day: 20, user: 'u3', planned: 0, actual: 300 },
]);
const NOV = hoursSlice('2026-11', PARIS['2026-11'], [
  { day: 16, user: 'u1', mission: 'm4', project: 'P1', venue: 'V1', role: 'Son', start: '2026-11-16T08:00:00Z', end: '2026-11-16T18:00:00Z', planned: 600, actual: 600 },
]);
const PAY = [paySlice(DEC, [9000, 12000, 6000, 4500]), paySlice(NOV, [10000])];

/*
 * Missions (December), one row per mission and role need:
 *  m1 Mon 7 P1 V1 team T1: Son needed 2 accepted 1; Lumiere needed 1 accepted 2; no listed role needed 0 accepted 0
 *  m2 Tue 8 P2 V2 no team: Son needed 2 accepted 1
 *  m3 Wed 9 P1 V1 CANCELLED: Son needed 4 accepted 0 (not counted)
 * November: m4 Mon 16 P1 V1: Son needed 1 accepted 1.
 */
const MISSIONS = [
  missionsSlice('2026-12', PARIS['2026-12'], [
    { day: 7, mission: 'm1', project: 'P1', venue: 'V1', team: 'T1', role: 'Son', needed: 2, accepted: 1 },
    { day: 7, mission: 'm1', project: 'P1', venue: 'V1', team: 'T1', role: 'Lumiere', needed: 1, accepted: 2 },
    { day: 7, mission: 'm1', project: 'P1', venue: 'V1', team: 'T1', role: null, needed: 0, accepted: 0 },
    { day: 8, mission: 'm2', project: 'P2', venue: 'V2', role: 'Son', needed: 2, accepted: 1 },
    { day: 9, mission: 'm3', project: 'P1', venue: 'V1', role: 'Son', status: 'CANCELLED', needed: 4, accepted: 0 },
  ]),
  missionsSlice('2026-11', PARIS['2026-11'], [{ day: 16, mission: 'm4', project: 'P1', venue: 'V1', role: 'Son', needed: 1, accepted: 1 }]),
];

/* Incidents: December i1 V1 SOUND open (7th), i2 V1 LIGHT closed (8th), i3 V2 SOUND open (10th); November i4 V1 SOUND closed (15th). */
const INCIDENTS = [
  incidentsSlice('2026-12', [
    { incident: 'i1', day: 7, at: '2026-12-07T10:00:00Z', venue: 'V1', project: 'P1', category: 'SOUND', open: 1 },
    { incident: 'i2', day: 8, at: '2026-12-08T10:00:00Z', venue: 'V1', project: 'P1', category: 'LIGHT', open: 0 },
    { incident: 'i3', day: 10, at: '2026-12-10T10:00:00Z', venue: 'V2', project: 'P2', category: 'SOUND', open: 1 },
  ]),
  incidentsSlice('2026-11', [{ incident: 'i4', day: 15, at: '2026-11-15T10:00:00Z', venue: 'V1', project: 'P1', category: 'SOUND', open: 0 }]),
];

const SLICES: DashboardSlices = { hours: [DEC, NOV], pay: PAY, missions: MISSIONS, incidents: INCIDENTS };
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
const q = (filters: Partial<DashboardQuery['filters']> = {}, extra: Partial<DashboardQuery> = {}): DashboardQuery => ({ filters: { ...DECEMBER, ...filters }, compare: null, ...extra });

describe('direction dashboard indicators (hand-computed)', () => {
  const prepared = prepareSlices(SLICES);

  it('whole organisation, December', () => {
    const r = computeDashboard(prepared, q());
    expect(r.current).toEqual({
      // m1: needed 2 + 1 + 0 = 3, accepted 1 + 2 + 0 = 3, min 3; m2: min(1, 2) = 1; m3 cancelled. 4 / 5 = 0.8.
      missions: 2, needed: 5, filled: 4, coverageRate: 0.8,
      rows: 4, people: 3,
      // 480 + 480 + 240 + 0 = 1200 planned; 450 + 510 + 240 + 300 = 1500 actual; 100 x 300 / 1200 = 25 %.
      plannedMinutes: 1200, actualMinutes: 1500, variancePct: 25,
      overtimeMinutes: 30, nightMinutes: 120, lateStarts: 1,
      // 9000 + 12000 + 6000 + 4500 = 31500 cents over 1500 minutes = 25 h: 31500 / 25 = 1260 cents an hour.
      payrollCents: 31500, avgHourlyCostCents: 1260, payComplete: true,
      incidents: { total: 3, open: 2, closed: 1 },
    });
    expect(r.pay).toBe(true);
    expect(r.zone).toBe('Europe/Paris');
    expect(r.missingMonths).toEqual([]);
    expect(r.options).toEqual({ projectIds: ['P1', 'P2'], venueIds: ['V1', 'V2'], teamIds: ['T1'], roles: ['Lumiere', 'Son'], categories: ['LIGHT', 'SOUND'] });
  });

  it.each([
    // P1: r1, r2: 960 planned, 450 + 510 = 960 actual, variance 0; pay 21000 over 16 h = 1312.5, rounded 1313. Coverage m1 only 3/3.
    ['project P1', { projectId: 'P1' }, { rows: 2, people: 2, plannedMinutes: 960, actualMinutes: 960, variancePct: 0, overtimeMinutes: 30, lateStarts: 1, payrollCents: 21000, avgHourlyCostCents: 1313, needed: 3, filled: 3, coverageRate: 1, incidents: { total: 2, open: 1, closed: 1 } }],
    // V2: r3 alone: 240 / 240, 120 night; m2 1/2; i3.
    ['venue V2', { venueId: 'V2' }, { rows: 1, people: 1, plannedMinutes: 240, actualMinutes: 240, nightMinutes: 120, payrollCents: 6000, avgHourlyCostCents: 1500, needed: 2, filled: 1, coverageRate: 0.5, incidents: { total: 1, open: 1, closed: 0 } }],
    // Role Son: r1 + r3: planned 720, actual 690, 100 x -30 / 720 = -4.1666...; coverage m1 Son min(1, 2) = 1, m2 min(1, 2) = 1: 2 / 4.
    ['role Son', { role: 'Son' }, { rows: 2, people: 1, plannedMinutes: 720, actualMinutes: 690, variancePct: (100 * -30) / 720, payrollCents: 15000, needed: 4, filled: 2, coverageRate: 0.5, missions: 2, incidents: { total: 3, open: 2, closed: 1 } }],
    // Role Lumiere: r2; m1 Lumiere min(2, 1) = 1 of 1.
    ['role Lumiere', { role: 'Lumiere' }, { rows: 1, plannedMinutes: 480, actualMinutes: 510, variancePct: 6.25, needed: 1, filled: 1, coverageRate: 1 }],
    // An unknown id matches nothing (not everything).
    ['unknown project', { projectId: 'nope' }, { rows: 0, people: 0, plannedMinutes: 0, actualMinutes: 0, variancePct: null, payrollCents: 0, avgHourlyCostCents: null, missions: 0, needed: 0, coverageRate: null, incidents: { total: 0, open: 0, closed: 0 } }],
    // One day, the 8th: r3; m2; i2.
    ['one day', { from: '2026-12-08', to: '2026-12-08' }, { rows: 1, plannedMinutes: 240, needed: 2, filled: 1, incidents: { total: 1, open: 0, closed: 1 } }],
  ])('%s', (_name, filters, expected) => {
    expect(computeDashboard(prepared, q(filters)).current).toMatchObject(expected);
  });

  it('team filter: hours of its members, coverage of its missions', () => {
    // Team T1 = u2 and u3: r2 + r4: planned 480, actual 810; missions whose team is T1: m1 3/3.
    const r = computeDashboard(prepared, q({ teamId: 'T1' }, { teamUserIds: ['u2', 'u3', 'someone-without-rows'] }));
    expect(r.current).toMatchObject({ rows: 2, people: 2, plannedMinutes: 480, actualMinutes: 810, payrollCents: 16500, missions: 1, needed: 3, filled: 3, coverageRate: 1 });
    // A team without members listed: no hours rows.
    expect(computeDashboard(prepared, q({ teamId: 'T1' })).current).toMatchObject({ rows: 0, missions: 1 });
  });

  it('previous period: December (whole month) against November, aligned by day index', () => {
    const r = computeDashboard(prepared, q({}, { compare: 'previous' }));
    expect(r.comparePeriod).toEqual({ from: '2026-11-01', to: '2026-11-30', days: 30 });
    // November: r5 600 / 600, cost 10000 (1000 an hour); m4 1/1; i4.
    expect(r.comparison).toMatchObject({ rows: 1, plannedMinutes: 600, actualMinutes: 600, payrollCents: 10000, avgHourlyCostCents: 1000, coverageRate: 1, incidents: { total: 1, open: 0, closed: 1 } });
    // Relative changes: planned (1200 - 600) / 600 = 1; actual (1500 - 600) / 600 = 1.5; payroll 21500 / 10000 = 2.15;
    // coverage a difference: 0.8 - 1 = -0.2; variance 25 - 0 = 25 points; incidents (3 - 1) / 1 = 2; overtime from 0: null.
    expect(r.deltas).toMatchObject({ plannedMinutes: 1, actualMinutes: 1.5, payrollCents: 2.15, variancePct: 25, incidents: 2, overtimeMinutes: null });
    expect(r.deltas!.coverageRate).toBeCloseTo(-0.2, 12);
    // November has its slices: no missing month.
    expect(r.compareMissingMonths).toEqual([]);
    // Index 15 of the comparison is 16 November (1 November is index 0); December's 31st has no comparison day.
    expect(r.series.compareDays![15]).toBe('2026-11-16');
    expect(r.series.comparePlannedMinutes![15]).toBe(600);
    expect(r.series.compareDays![30]).toBeNull();
    expect(r.series.comparePlannedMinutes!.reduce((s, v) => s! + v!, 0)).toBe(600);
  });

  it('same period last year: December 2025, no data, months reported missing', () => {
    const r = computeDashboard(prepared, q({}, { compare: 'lastYear' }));
    expect(r.comparePeriod).toEqual({ from: '2025-12-01', to: '2025-12-31', days: 31 });
    expect(r.comparison).toMatchObject({ rows: 0, plannedMinutes: 0, coverageRate: null });
    expect(r.compareMissingMonths).toEqual(['2025-12']);
  });

  it('daily series: a row counts on its (start) day, the night shift of the 8th on the 8th', () => {
    const r = computeDashboard(prepared, q());
    expect(r.series.days).toHaveLength(31);
    expect(r.series.days[6]).toBe('2026-12-07');
    const nonZero = (a: number[]) => Object.fromEntries(a.flatMap((v, i) => (v ? [[r.series.days[i], v]] : [])));
    expect(nonZero(r.series.plannedMinutes)).toEqual({ '2026-12-07': 960, '2026-12-08': 240 });
    expect(nonZero(r.series.actualMinutes)).toEqual({ '2026-12-07': 960, '2026-12-08': 240, '2026-12-20': 300 });
    expect(r.series.compareDays).toBeNull();
  });

  it('incidents by venue and category, most first', () => {
    const r = computeDashboard(prepared, q());
    expect(r.incidents.byVenue).toEqual([
      { venueId: 'V1', total: 2, open: 1, closed: 1 },
      { venueId: 'V2', total: 1, open: 1, closed: 0 },
    ]);
    expect(r.incidents.byCategory).toEqual([
      { category: 'SOUND', total: 2, open: 2, closed: 0 },
      { category: 'LIGHT', total: 1, open: 0, closed: 1 },
    ]);
    expect(r.incidents.byVenueCategory).toHaveLength(3);
  });

  it('planned-load heatmap: Monday 09-17 two people, Tuesday 22:00 to Wednesday 02:00 one person', () => {
    const r = computeDashboard(prepared, q());
    const cell = (wd: number, h: number) => r.heatmap.overall.cells[wd * 24 + h];
    for (let h = 9; h < 17; h++) expect(cell(0, h)).toBe(120);
    expect(cell(0, 8)).toBe(0);
    expect(cell(0, 17)).toBe(0);
    expect([cell(1, 22), cell(1, 23), cell(2, 0), cell(2, 1), cell(2, 2)]).toEqual([60, 60, 60, 60, 0]);
    // 960 + 240 = 1200 person-minutes; the timesheet without planned time adds nothing.
    expect(r.heatmap.overall.total).toBe(1200);
    expect(r.heatmap.overall.max).toBe(120);
    expect(r.heatmap.byVenue.map((v) => [v.venueId, v.total])).toEqual([['V1', 960], ['V2', 240]]);
  });

  it('without pay slices: no pay figures', () => {
    const r = computeDashboard({ ...SLICES, pay: undefined, ...q() });
    expect(r.pay).toBe(false);
    expect(r.current).toMatchObject({ payrollCents: null, avgHourlyCostCents: null, payComplete: null, plannedMinutes: 1200 });
  });

  it('a pay slice of another refresh (stamp) does not pair: figures marked partial', () => {
    const r = computeDashboard({ ...SLICES, pay: [paySlice(DEC, [9000, 12000, 6000, 4500], 'older')], ...q() });
    expect(r.current).toMatchObject({ payrollCents: 0, payComplete: false });
  });

  it('empty data', () => {
    const r = computeDashboard({ hours: [], missions: [], incidents: [], ...q({}, { compare: 'previous' }) });
    expect(r.current).toEqual({
      missions: 0, needed: 0, filled: 0, coverageRate: null, rows: 0, people: 0, plannedMinutes: 0, actualMinutes: 0, variancePct: null,
      overtimeMinutes: 0, nightMinutes: 0, lateStarts: 0, payrollCents: null, avgHourlyCostCents: null, payComplete: null, incidents: { total: 0, open: 0, closed: 0 },
    });
    expect(r.zone).toBeNull();
    expect(r.missingMonths).toEqual(['2026-12']);
    expect(r.heatmap.overall.total).toBe(0);
    expect(r.heatmap.byVenue).toEqual([]);
    expect(r.series.plannedMinutes.every((v) => v === 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('parts of a month and slices in any order give the same result', () => {
    const part0 = hoursSlice('2026-12', PARIS['2026-12'], [
      { day: 7, user: 'u1', mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', planned: 480, actual: 450, late: 1 },
      { day: 7, user: 'u2', mission: 'm1', project: 'P1', venue: 'V1', role: 'Lumiere', start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', planned: 480, actual: 510, overtime: 30 },
    ], { part: 0 });
    const part1 = hoursSlice('2026-12', PARIS['2026-12'], [
      { day: 8, user: 'u1', mission: 'm2', project: 'P2', venue: 'V2', role: 'Son', start: '2026-12-08T21:00:00Z', end: '2026-12-09T01:00:00Z', planned: 240, actual: 240, night: 120 },
      { day: 20, user: 'u3', planned: 0, actual: 300 },
    ], { part: 1 });
    const split = computeDashboard({ ...SLICES, hours: [NOV, part1, part0], pay: [paySlice(part1, [6000, 4500]), paySlice(part0, [9000, 12000]), PAY[1]!], ...q({}, { compare: 'previous' }) });
    const whole = computeDashboard(prepared, q({}, { compare: 'previous' }));
    expect(split.current).toEqual(whole.current);
    expect(split.comparison).toEqual(whole.comparison);
    expect(split.heatmap).toEqual(whole.heatmap);
    expect(split.series).toEqual(whole.series);
  });
});

describe('heatmap across DST nights and midnight (Europe/Paris)', () => {
  const one = (month: '2026-03' | '2026-10' | '2026-12', start: string, end: string, day: number, planned: number) =>
    computeDashboard({
      hours: [hoursSlice(month, PARIS[month], [{ day, user: 'u1', venue: 'V1', start, end, planned, actual: planned }])],
      missions: [], incidents: [], filters: { from: `${month}-01`, to: `${month}-28` }, compare: null,
    }).heatmap.overall;
  const cellsOf = (h: { cells: number[] }) => Object.fromEntries(h.cells.flatMap((v, i) => (v ? [[`${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][Math.floor(i / 24)]} ${i % 24}`, v]] : [])));

  it('spring night (28 to 29 March 2026): Saturday 23:00 to Sunday 04:00 local is 4 real hours; no 02:00 hour', () => {
    // 23:00 local = 22:00Z (UTC+1); 04:00 local = 02:00Z (UTC+2). 22:00Z-23:00Z Sat 23; 23:00Z-00:00Z Sun 0; 00:00Z-01:00Z Sun 1;
    // at 01:00Z clocks jump to 03:00: 01:00Z-02:00Z Sun 3.
    const h = one('2026-03', '2026-03-28T22:00:00Z', '2026-03-29T02:00:00Z', 28, 240);
    expect(cellsOf(h)).toEqual({ 'Sat 23': 60, 'Sun 0': 60, 'Sun 1': 60, 'Sun 3': 60 });
    expect(h.total).toBe(240);
  });

  it('autumn night (24 to 25 October 2026): Saturday 23:00 to Sunday 04:00 local is 6 real hours; 02:00 hour twice', () => {
    // 23:00 local = 21:00Z (UTC+2); 04:00 local = 03:00Z (UTC+1). 21-22Z Sat 23; 22-23Z Sun 0; 23-00Z Sun 1; 00-01Z Sun 2;
    // at 01:00Z clocks go back to 02:00: 01-02Z Sun 2 again; 02-03Z Sun 3.
    const h = one('2026-10', '2026-10-24T21:00:00Z', '2026-10-25T03:00:00Z', 24, 360);
    expect(cellsOf(h)).toEqual({ 'Sat 23': 60, 'Sun 0': 60, 'Sun 1': 60, 'Sun 2': 120, 'Sun 3': 60 });
  });

  it('a shift across midnight on a Sunday wraps to Monday; quarter hours land in their hours', () => {
    // Sunday 13 December 2026 21:30 local (20:30Z) to Monday 14 00:45 local (23:45Z): Sun 21 30, 22 60, 23 60, Mon 0 45.
    const h = one('2026-12', '2026-12-13T20:30:00Z', '2026-12-13T23:45:00Z', 13, 195);
    expect(cellsOf(h)).toEqual({ 'Sun 21': 30, 'Sun 22': 60, 'Sun 23': 60, 'Mon 0': 45 });
  });

  it('a window ending exactly at midnight stays on its day', () => {
    // Friday 11 December 2026 22:00-24:00 local = 21:00Z-23:00Z.
    expect(cellsOf(one('2026-12', '2026-12-11T21:00:00Z', '2026-12-11T23:00:00Z', 11, 120))).toEqual({ 'Fri 22': 60, 'Fri 23': 60 });
  });

  it('unknown or empty windows add nothing', () => {
    const h = computeDashboard({
      hours: [hoursSlice('2026-12', PARIS['2026-12'], [
        { day: 1, user: 'u1', planned: 60, actual: 60 },
        { day: 1, user: 'u1', start: '2026-12-01T10:00:00Z', end: '2026-12-01T10:00:00Z', planned: 60, actual: 60 },
      ])],
      missions: [], incidents: [], filters: DECEMBER, compare: null,
    }).heatmap.overall;
    expect(h.total).toBe(0);
  });
});

describe('inconsistent slices are left out, not trusted', () => {
  it('a dict index out of range, a day 32, columns of different lengths: that slice is skipped and counted', () => {
    const bad = JSON.parse(JSON.stringify(DEC)) as typeof DEC;
    bad.rows.project[0] = bad.dict.length;
    const badDay = JSON.parse(JSON.stringify(NOV)) as typeof NOV;
    badDay.rows.day[0] = 32;
    const short = JSON.parse(JSON.stringify(DEC)) as typeof DEC;
    short.rows.planned.pop();
    const p = prepareSlices({ hours: [bad, badDay, short], missions: MISSIONS, incidents: [], pay: [] });
    expect(p.skipped).toBe(3);
    const r = computeDashboard(p, q());
    expect(r.current).toMatchObject({ rows: 0, plannedMinutes: 0, needed: 5 });
  });

  it('a pay slice whose length differs from its hours slice does not pair', () => {
    const r = computeDashboard({ ...SLICES, pay: [paySlice(DEC, [9000, 12000, 6000])], ...q() });
    expect(r.current).toMatchObject({ payrollCents: 0, payComplete: false });
  });
});
