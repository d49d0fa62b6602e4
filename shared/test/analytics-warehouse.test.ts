import { describe, expect, it } from 'vitest';
import { buildMonthSlices, monthOffsets } from '../src/analytics/slice-build';
import { HoursSliceData, MissionsSliceData, PaySliceData, SLICE_MAX_ROWS } from '../src/analytics/slices';
import { computeWarehouseMonth, monthOfInstant, monthsOfWeek, spread, timesheetWindowOfMonth, type HoursRow, type WarehouseInput } from '../src/analytics/warehouse';
import { DEFAULT_ORG_SETTINGS, timeRulesOf } from '../src/org/settings';

const ZONE = 'Europe/Paris';
const rules = timeRulesOf(DEFAULT_ORG_SETTINGS, ZONE);

describe('months of instants and weeks', () => {
  it.each([
    // Local midnight of 1 April 2026 (UTC+2) is 31 March 22:00 UTC.
    ['2026-03-31T22:00:00.000Z', '2026-04'],
    ['2026-03-31T21:59:00.000Z', '2026-03'],
    // 1 January 2026 00:30 Paris (UTC+1) is 31 December 23:30 UTC.
    ['2025-12-31T23:30:00.000Z', '2026-01'],
  ])('%s is in %s (Paris)', (iso, month) => expect(monthOfInstant(iso, ZONE)).toBe(month));

  it.each([
    // Monday 30 March to Sunday 5 April 2026: two months.
    ['2026-04-02', ['2026-03', '2026-04']],
    ['2026-04-08', ['2026-04']],
    // Monday 28 December 2026 to Sunday 3 January 2027.
    ['2026-12-28', ['2026-12', '2027-01']],
  ])('the civil week of %s touches %j', (date, months) => expect(monthsOfWeek(date)).toEqual(months));

  it('a month reads the timesheets of its civil weeks and a day each side', () => {
    // March 2026: Sunday 1 March is in the week of Monday 23 February; Tuesday 31 March in the week ending Sunday 5 April.
    expect(timesheetWindowOfMonth('2026-03')).toEqual({ from: '2026-02-22', to: '2026-04-06' });
  });
});

describe('spread (largest remainder)', () => {
  it.each([
    // 90,000 over 540 x 4, 240, 300 (2700): 18,000 x 4, 8,000, 10,000 exactly.
    [90_000, [540, 540, 540, 540, 240, 300], [18_000, 18_000, 18_000, 18_000, 8_000, 10_000]],
    // 100 over 1, 1, 1: 33.33 each, the one cent left to the first.
    [100, [1, 1, 1], [34, 33, 33]],
    // No minutes: equal shares by row.
    [10, [0, 0], [5, 5]],
    [7, [], []],
  ])('%d over %j', (total, weights, expected) => {
    const out = spread(total, weights);
    expect(out).toEqual(expected);
    expect(out.reduce((s, x) => s + x, 0)).toBe(weights.length ? total : 0);
  });
});

describe('zone offsets of a month', () => {
  it.each([
    // March 2026: +60 from 1 March 00:00 local (28 Feb 23:00 UTC), +120 from 29 March 01:00 UTC.
    ['2026-03', [[Date.UTC(2026, 1, 28, 23) / 60_000, 60], [Date.UTC(2026, 2, 29, 1) / 60_000, 120]]],
    // October 2026: +120 from 30 September 22:00 UTC, +60 from 25 October 01:00 UTC.
    ['2026-10', [[Date.UTC(2026, 8, 30, 22) / 60_000, 120], [Date.UTC(2026, 9, 25, 1) / 60_000, 60]]],
    ['2026-07', [[Date.UTC(2026, 5, 30, 22) / 60_000, 120]]],
  ])('%s', (month, expected) => expect(monthOffsets(month, ZONE)).toEqual(expected));
});

const base = (over: Partial<WarehouseInput>): WarehouseInput => ({ month: '2026-03', rules, missions: [], assignments: [], timesheets: [], punches: [], incidents: [], users: [], profiles: [], ...over });

describe('computeWarehouseMonth', () => {
  it('is empty without documents', () => {
    expect(computeWarehouseMonth(base({}))).toEqual({ month: '2026-03', hours: [], missions: [], incidents: [], pay: [] });
  });

  it('the DST night of 29 March 2026: planned 300 real minutes; a draft mission plans nothing; a cancelled assignment counts nowhere', () => {
    const night = { id: 'm1', startAt: '2026-03-28T23:00:00.000Z', endAt: '2026-03-29T04:00:00.000Z', type: 'DEMONTAGE', status: 'PUBLISHED', needs: [{ role: 'Son', count: 2 }] };
    const draft = { id: 'm2', startAt: '2026-03-10T08:00:00.000Z', endAt: '2026-03-10T10:00:00.000Z', type: 'MONTAGE', status: 'DRAFT', needs: [] };
    const w = computeWarehouseMonth(base({
      missions: [night, draft],
      assignments: [
        { missionId: 'm1', userId: 'u1', status: 'ACCEPTED', role: 'Son' },
        { missionId: 'm1', userId: 'u2', status: 'CANCELLED', role: 'Son' },
        { missionId: 'm1', userId: 'u3', status: 'ACCEPTED', role: 'Regie' },
        { missionId: 'm2', userId: 'u1', status: 'ACCEPTED' },
      ],
    }));
    expect(w.hours.map((r) => [r.userId, r.missionId, r.planned, r.day, r.role])).toEqual([
      ['u1', 'm1', 300, 29, 'Son'],
      ['u3', 'm1', 300, 29, 'Regie'],
    ]);
    // Son: needed 2, accepted 1 (u2 cancelled); Regie is no listed role: the null row (first). The draft: one null row.
    expect(w.missions.map((r) => [r.missionId, r.role, r.needed, r.accepted, r.status])).toEqual([
      ['m2', null, 0, 1, 'DRAFT'],
      ['m1', null, 0, 1, 'PUBLISHED'],
      ['m1', 'Son', 2, 1, 'PUBLISHED'],
    ]);
  });

  it('the same rows make the same slices (stamp included); pay rows follow the hours rows; big months split in parts', () => {
    const row = (i: number): HoursRow => ({
      key: `k${String(i).padStart(5, '0')}`, userId: `u${i % 7}`, missionId: `m${i % 11}`, projectId: null, venueId: 'v1', role: i % 2 ? 'Son' : null,
      day: 1 + (i % 28), start: 29_000_000 + i, end: 29_000_060 + i, planned: 60, actual: 55, overtime: 0, night: 0, late: 0, costCents: i,
    });
    const hours = Array.from({ length: SLICE_MAX_ROWS + 3 }, (_, i) => row(i));
    const w = { month: '2026-03', hours, missions: [], incidents: [], pay: [] };
    const a = buildMonthSlices(w, ZONE);
    const b = buildMonthSlices(JSON.parse(JSON.stringify(w)) as typeof w, ZONE);
    expect(a).toEqual(b);
    expect(a.hours.map((h) => h.rows.day.length)).toEqual([SLICE_MAX_ROWS, 3]);
    expect(a.pay.map((p) => p.stamp)).toEqual(a.hours.map((h) => h.stamp));
    expect(a.pay[1]!.rows.costCents).toEqual([SLICE_MAX_ROWS, SLICE_MAX_ROWS + 1, SLICE_MAX_ROWS + 2]);
    for (const h of a.hours) expect(HoursSliceData.safeParse(h).success).toBe(true);
    for (const p of a.pay) expect(PaySliceData.safeParse(p).success).toBe(true);
    // Dict: each id once, -1 for none.
    expect(a.hours[0]!.dict.filter((d) => d === 'v1')).toHaveLength(1);
    expect(a.hours[0]!.rows.project.every((x) => x === -1)).toBe(true);
    // A changed row changes the stamp of its part only.
    const c = buildMonthSlices({ ...w, hours: hours.map((r, i) => (i === SLICE_MAX_ROWS + 1 ? { ...r, actual: 50 } : r)) }, ZONE);
    expect(c.hours[0]!.stamp).toBe(a.hours[0]!.stamp);
    expect(c.hours[1]!.stamp).not.toBe(a.hours[1]!.stamp);
  });

  it('incidents: the venue is the report\'s, else its mission\'s, else where its item is kept; a close (any month) closes it; other months left out', () => {
    const report = (id: string, at: string, payload: Record<string, unknown>, missionId: string | null = null) => ({
      id, kind: 'INCIDENT', userId: null, missionId, at, deviceId: null,
      payload: { category: 'DAMAGE', severity: 'LOW', description: 'x', equipmentItemId: null, venueId: null, hasPhoto: false, ...payload },
    });
    const w = computeWarehouseMonth(base({
      missions: [{ id: 'm1', venueId: 'vm', projectId: 'p1', startAt: '2026-02-27T08:00:00.000Z', endAt: '2026-02-27T10:00:00.000Z', type: 'MONTAGE', status: 'PUBLISHED' }],
      items: [{ id: 'it1', venueId: 'vi' }],
      incidents: [
        report('i1', '2026-03-02T10:00:00.000Z', { venueId: 'vr', equipmentItemId: 'it1' }, 'm1'),
        report('i2', '2026-03-03T10:00:00.000Z', { equipmentItemId: 'it1' }, 'm1'),
        report('i3', '2026-03-04T10:00:00.000Z', { equipmentItemId: 'it1' }),
        // 1 April 00:30 Paris: April.
        report('i4', '2026-03-31T22:30:00.000Z', {}),
        { id: 'c1', kind: 'INCIDENT', userId: null, missionId: null, at: '2026-04-10T10:00:00.000Z', deviceId: null, payload: { closes: 'i3' } },
      ],
    }));
    expect(w.incidents.map((i) => [i.incidentId, i.venueId, i.projectId, i.day, i.open])).toEqual([
      ['i1', 'vr', 'p1', 2, 1],
      ['i2', 'vm', 'p1', 3, 1],
      ['i3', 'vi', null, 4, 0],
    ]);
  });

  it('mission slices pass the contract schema', () => {
    const w = computeWarehouseMonth(base({ missions: [{ id: 'm1', startAt: '2026-03-05T08:00:00.000Z', endAt: '2026-03-05T12:00:00.000Z', type: 'MONTAGE', status: 'PUBLISHED', teamId: 't1', needs: [{ role: 'Son', count: 1 }] }] }));
    const s = buildMonthSlices(w, ZONE);
    expect(s.missions).toHaveLength(1);
    expect(MissionsSliceData.safeParse(s.missions[0]).success).toBe(true);
    expect(s.missions[0]!.dict[s.missions[0]!.rows.team[0]!]).toBe('t1');
  });
});
