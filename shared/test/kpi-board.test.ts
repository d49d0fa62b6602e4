import { describe, expect, it } from 'vitest';
import type { BoardAction, BoardDashboard, BoardKpi, KpiTile, TopRisk } from '../src/kpi/board';
import { compareRisks, dashboardSummary, directionSummary, headlineOf, emptyCounts, kpiTile, kpiTiles } from '../src/kpi/board';
import { gapToTarget, kpiNow } from '../src/kpi/reporting';
import type { KpiPeriodStatus } from '../src/kpi/period-status';

// Expected values: docs/decisions/kpi-rules.md, section 8 (Board), not read from the code.

function kpi(over: Partial<BoardKpi> = {}): BoardKpi {
  return {
    id: 'k1',
    name: 'Fill rate',
    unit: '%',
    decimals: 1,
    frequency: 'WEEKLY',
    direction: 'UP_IS_BETTER',
    target: 100,
    thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
    aggregation: 'AVERAGE',
    active: true,
    gracePeriodDays: 0,
    ...over,
  };
}

describe('kpiTile: the period shown', () => {
  // Wednesday 2026-12-09: the week of 2026-12-07 is current, the week of 2026-11-30 (to 12-06) the last ended.
  it.each<[string, Record<string, number>, number, string, KpiPeriodStatus, number | null]>([
    ['a value two weeks before only, no grace: the last ended week, late', { '2026-11-16': 100 }, 0, '2026-11-30', 'LATE', null],
    ['a value two weeks before, within its grace: the last ended week, no data', { '2026-11-16': 100 }, 3, '2026-11-30', 'NO_DATA', null],
    ['no value anywhere (before its first value), no grace: the last ended week, no data', {}, 0, '2026-11-30', 'NO_DATA', null],
    ['a value for the current week: that week', { '2026-12-07': 95, '2026-11-30': 100 }, 0, '2026-12-07', 'ORANGE', 95],
    ['a value for the last week only: that week', { '2026-11-30': 100 }, 0, '2026-11-30', 'GREEN', 100],
    ['a red value last week', { '2026-11-30': 80 }, 0, '2026-11-30', 'RED', 80],
  ])('%s', (_label, values, grace, start, status, value) => {
    const tile = kpiTile(kpi({ gracePeriodDays: grace }), new Map(Object.entries(values)), '2026-12-09');
    expect(tile.period.start).toBe(start);
    expect(tile.status).toBe(status);
    expect(tile.value).toBe(value);
    expect(tile.target).toBe(100);
  });

  it('takes values as an array too, and names the period', () => {
    const tile = kpiTile(kpi(), [{ periodStart: '2026-12-07', value: 101 }], '2026-12-09');
    expect(tile.period).toEqual({ start: '2026-12-07', end: '2026-12-13', key: '2026-W50' });
    expect(tile.status).toBe('GREEN');
  });

  it('is kpiNow plus the extras: the value shown is rounded to the decimals (section 3), the same as reporting', () => {
    const values = new Map([['2026-12-07', 89.96], ['2026-11-30', 80]]);
    const tile = kpiTile(kpi(), values, '2026-12-09');
    expect(tile.value).toBe(90);
    expect(tile.status).toBe('ORANGE');
    const now = kpiNow(kpi(), values, '2026-12-09');
    expect({ period: tile.period.start, status: tile.status, value: tile.value, target: tile.target, gap: tile.gap, trend: tile.trend }).toEqual({
      period: now.period, status: now.status, value: now.value, target: now.target, gap: now.gap, trend: now.trend,
    });
  });

  it('no target with percent bands: unrated, no gap', () => {
    const tile = kpiTile(kpi({ target: null }), [], '2026-12-09');
    expect(tile.target).toBeNull();
    const rated = kpiTile(kpi({ target: null }), new Map([['2026-12-07', 50]]), '2026-12-09');
    expect(rated.status).toBe('UNRATED');
    expect(rated.gap).toBeNull();
  });
});

describe('gapToTarget: relative, on the bad side', () => {
  it.each<[BoardKpi['direction'], number | null, number | null, number | null]>([
    ['UP_IS_BETTER', 80, 100, 0.2],
    ['UP_IS_BETTER', 110, 100, 0],
    ['DOWN_IS_BETTER', 60, 50, 0.2],
    ['CLOSEST_IS_BETTER', 17, 20, 0.15],
    ['CLOSEST_IS_BETTER', 23, 20, 0.15],
    ['UP_IS_BETTER', null, 100, null],
    ['UP_IS_BETTER', 80, null, null],
    ['DOWN_IS_BETTER', 3, 0, null],
  ])('%s value %s target %s: %s', (direction, value, target, gap) => {
    const g = gapToTarget(value, target, direction);
    if (gap === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(gap, 10);
  });
});

describe('kpiTile: trend, sparkline and year to date', () => {
  it('sparkline: the last 12 periods ending with the tile period, missing values null', () => {
    const tile = kpiTile(kpi(), new Map([['2026-12-07', 90], ['2026-11-23', 80]]), '2026-12-09');
    expect(tile.sparkline.periods).toHaveLength(12);
    expect(tile.sparkline.periods[11]).toBe('2026-12-07');
    expect(tile.sparkline.periods[0]).toBe('2026-09-21');
    expect(tile.sparkline.values.slice(-3)).toEqual([80, null, 90]);
    expect(tile.sparkline.targets.every((t) => t === 100)).toBe(true);
  });

  it('trend over the last 6 periods: rising values of an UP KPI improve', () => {
    const values = new Map([['2026-11-02', 10], ['2026-11-09', 20], ['2026-11-16', 30], ['2026-11-23', 40], ['2026-11-30', 50], ['2026-12-07', 60]]);
    expect(kpiTile(kpi(), values, '2026-12-09').trend).toMatchObject({ move: 'UP', reading: 'IMPROVING', points: 6 });
    expect(kpiTile(kpi({ direction: 'DOWN_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 110 } }), values, '2026-12-09').trend?.reading).toBe('WORSENING');
    // A value 7 weeks back is outside the window.
    expect(kpiTile(kpi(), new Map([['2026-10-19', 1], ['2026-12-07', 60]]), '2026-12-09').trend).toBeNull();
  });

  it('year to date: monthly SUM, target 25 a month, 20 + 30 + 20 without March: 70 against 75, orange, 3 of 4', () => {
    const k = kpi({ frequency: 'MONTHLY', aggregation: 'SUM', target: 25 });
    const tile = kpiTile(k, new Map([['2026-01-01', 20], ['2026-02-01', 30], ['2026-04-01', 20]]), '2026-04-15');
    expect(tile.ytd).toMatchObject({ value: 70, target: 75, counted: 3, status: 'ORANGE' });
    expect(tile.ytd.periods).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
  });

  it('year to date with ABSOLUTE bands and SUM has no status; with AVERAGE it is rated', () => {
    const values = new Map([['2026-01-01', 20], ['2026-02-01', 30]]);
    const sum = kpi({ frequency: 'MONTHLY', aggregation: 'SUM', thresholds: { kind: 'ABSOLUTE', green: 25, orange: 20 } });
    expect(kpiTile(sum, values, '2026-02-10').ytd).toMatchObject({ value: 50, status: null });
    expect(kpiTile({ ...sum, aggregation: 'AVERAGE' }, values, '2026-02-10').ytd).toMatchObject({ value: 25, status: 'GREEN' });
  });
});

function tile(kpiId: string, status: KpiPeriodStatus, active = true): KpiTile {
  return { kpiId, status, active } as KpiTile;
}

describe('dashboardSummary and headline', () => {
  it.each<[KpiPeriodStatus[], KpiPeriodStatus | null]>([
    [['GREEN', 'RED', 'LATE'], 'RED'],
    [['GREEN', 'LATE', 'ORANGE'], 'LATE'],
    [['GREEN', 'ORANGE'], 'ORANGE'],
    [['GREEN', 'NO_DATA', 'UNRATED'], 'NO_DATA'],
    [['GREEN', 'UNRATED'], 'UNRATED'],
    [['NO_DATA', 'UNRATED'], 'NO_DATA'],
    [['NO_DATA'], 'NO_DATA'],
    [[], null],
  ])('%j: headline %s', (statuses, headline) => {
    const counts = emptyCounts();
    for (const s of statuses) counts[s]++;
    expect(headlineOf(counts)).toBe(headline);
  });

  it('counts each active KPI once; inactive and unknown KPIs are left out', () => {
    const tiles = new Map([tile('a', 'GREEN'), tile('b', 'RED'), tile('c', 'LATE', false)].map((t) => [t.kpiId, t]));
    const d: BoardDashboard = { id: 'd1', name: 'Salle', process: ' Accueil ', kpiIds: ['a', 'b', 'a', 'c', 'zz'] };
    const s = dashboardSummary(d, tiles);
    expect(s).toMatchObject({ kpis: 2, headline: 'RED', process: 'Accueil' });
    expect(s.counts).toEqual({ GREEN: 1, ORANGE: 0, RED: 1, UNRATED: 0, NO_DATA: 0, LATE: 0 });
  });
});

function risk(name: string, status: 'RED' | 'ORANGE', gap: number | null, trend: TopRisk['trend'] = 'STABLE'): TopRisk {
  return { kpiId: name, name, unit: '%', decimals: 0, status, gap, trend, value: 0, target: null, period: { start: '', end: '', key: '' }, dashboardIds: [] };
}

describe('top risks order: red then orange, larger gap, worsening, name', () => {
  it.each<[string, TopRisk[], string[]]>([
    ['a red KPI 5 % behind before an orange one 40 % behind', [risk('o', 'ORANGE', 0.4), risk('r', 'RED', 0.05)], ['r', 'o']],
    ['larger gap first', [risk('a', 'RED', 0.1), risk('b', 'RED', 0.3)], ['b', 'a']],
    ['no gap last', [risk('a', 'RED', null), risk('b', 'RED', 0.01)], ['b', 'a']],
    ['same gap: worsening first', [risk('a', 'RED', 0.2, 'IMPROVING'), risk('b', 'RED', 0.2, 'WORSENING')], ['b', 'a']],
    ['same gap: worsening, stable, no trend, improving', [risk('a', 'RED', 0.2, 'IMPROVING'), risk('b', 'RED', 0.2, null), risk('c', 'RED', 0.2, 'STABLE'), risk('d', 'RED', 0.2, 'WORSENING')], ['d', 'c', 'b', 'a']],
    ['same gap and trend: by name', [risk('b', 'ORANGE', 0.2), risk('a', 'ORANGE', 0.2)], ['a', 'b']],
  ])('%s', (_label, risks, order) => {
    expect([...risks].sort(compareRisks).map((r) => r.name)).toEqual(order);
  });
});

describe('kpiTiles: LATE only after the first value (section 9, the life of a KPI)', () => {
  it('a value years before the windows still starts the life: LATE; a KPI never valued: NO_DATA', () => {
    const tiles = kpiTiles([kpi({ id: 'old' }), kpi({ id: 'new' })], [{ kpiId: 'old', periodStart: '2024-01-01', value: 100 }], '2026-12-09');
    expect(tiles.get('old')!.status).toBe('LATE');
    expect(tiles.get('new')!.status).toBe('NO_DATA');
  });

  it('the direction view counts a KPI never valued as NO_DATA', () => {
    const s = directionSummary({ today: '2026-12-09', kpis: [kpi({ id: 'new' })], values: [], dashboards: [{ id: 'd', name: 'D', process: 'P', kpiIds: ['new'] }], actions: [] });
    expect(s.totals).toMatchObject({ NO_DATA: 1, LATE: 0 });
  });
});

describe('directionSummary', () => {
  const today = '2026-12-09';
  const kpis: BoardKpi[] = [
    kpi({ id: 'fill', name: 'Fill rate' }), // 80 against 100: RED, gap 0.2
    kpi({ id: 'budget', name: 'Budget use', direction: 'DOWN_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 110 }, target: 50 }), // 52: ORANGE, gap 0.04
    kpi({ id: 'incidents', name: 'Incidents', direction: 'DOWN_IS_BETTER', thresholds: { kind: 'ABSOLUTE', green: 0, orange: 2 }, target: 0 }), // 5: RED, no gap
    kpi({ id: 'audience', name: 'Audience' }), // no value since 2026-11-16: LATE
    kpi({ id: 'old', name: 'Old', active: false }), // inactive: left out
  ];
  const values = [
    { kpiId: 'fill', periodStart: '2026-11-30', value: 80 },
    { kpiId: 'budget', periodStart: '2026-12-07', value: 52 },
    { kpiId: 'audience', periodStart: '2026-11-16', value: 100 },
    { kpiId: 'incidents', periodStart: '2026-11-30', value: 5 },
    { kpiId: 'old', periodStart: '2026-11-30', value: 1 },
  ];
  const dashboards: BoardDashboard[] = [
    { id: 'd1', name: 'Salle', process: 'Accueil', kpiIds: ['fill', 'audience'] },
    { id: 'd2', name: 'Regie', process: 'Production', kpiIds: ['budget', 'incidents', 'old'] },
    { id: 'd3', name: 'Billetterie', process: 'Accueil', kpiIds: ['fill'] },
  ];
  const action = (id: string, over: Partial<BoardAction>): BoardAction => ({ id, kpiId: 'fill', title: id, ownerUserId: 'u1', progress: 0, status: 'OPEN', dueDate: null, ...over });
  const actions: BoardAction[] = [
    action('a1', { dueDate: '2026-12-01' }),
    action('a2', { dueDate: '2026-11-20', ownerUserId: 'u2', status: 'IN_PROGRESS' }),
    action('a3', { dueDate: '2026-12-09' }),
    action('a4', { dueDate: '2026-11-01', status: 'DONE' }),
    action('a5', { ownerUserId: null }),
    action('a6', { dueDate: '2026-12-20', ownerUserId: 'u2', status: 'CANCELLED' }),
  ];
  const s = directionSummary({ today, kpis, values, dashboards, actions });

  it('totals over active KPIs', () => {
    expect(s.totals).toEqual({ GREEN: 0, ORANGE: 1, RED: 2, UNRATED: 0, NO_DATA: 0, LATE: 1 });
  });

  it('per dashboard and per process (a KPI counted once per process)', () => {
    expect(s.dashboards.map((d) => [d.name, d.headline, d.kpis])).toEqual([
      ['Billetterie', 'RED', 1],
      ['Salle', 'RED', 2],
      ['Regie', 'RED', 2],
    ]);
    expect(s.processes.map((p) => [p.process, p.kpis, p.counts.RED, p.counts.LATE, p.counts.ORANGE])).toEqual([
      ['Accueil', 2, 1, 1, 0],
      ['Production', 2, 1, 0, 1],
    ]);
  });

  it('top risks: red by gap (none last), then orange; with their dashboards', () => {
    expect(s.topRisks.map((r) => [r.kpiId, r.status])).toEqual([
      ['fill', 'RED'],
      ['incidents', 'RED'],
      ['budget', 'ORANGE'],
    ]);
    expect(s.topRisks[0]!.gap).toBeCloseTo(0.2, 10);
    expect(s.topRisks[0]!.dashboardIds).toEqual(['d1', 'd3']);
    expect(s.topRisks[2]!.gap).toBeCloseTo(0.04, 10);
    expect(directionSummary({ today, kpis, values, dashboards, actions, topRisks: 1 }).topRisks).toHaveLength(1);
  });

  it('overdue actions oldest first; open actions per owner, most open first, unassigned last', () => {
    expect(s.overdueActions.map((a) => [a.id, a.daysOverdue, a.kpiName])).toEqual([
      ['a2', 19, 'Fill rate'],
      ['a1', 8, 'Fill rate'],
    ]);
    expect(s.openActionsByOwner).toEqual([
      { ownerUserId: 'u1', open: 2, overdue: 1, actionIds: ['a1', 'a3'] },
      { ownerUserId: 'u2', open: 1, overdue: 1, actionIds: ['a2'] },
      { ownerUserId: null, open: 1, overdue: 0, actionIds: ['a5'] },
    ]);
  });
});
