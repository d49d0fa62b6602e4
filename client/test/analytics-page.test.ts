import { translate } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { PARIS, hoursSlice, incidentsSlice, missionsSlice, paySlice } from '../../shared/test/support/analytics-slices';
import { dataAsOf, groupSlices, hasData, type SliceDoc } from '../src/data/analytics/slices';
import type { Translate } from '../src/i18n/i18n-context';
import { buildAnalyticsExportView } from '../src/pages/analytics/export-view';
import { parseFilters } from '../src/pages/analytics/filter-state';
import { formatDeltaPct, indicatorTiles } from '@coulisses/shared/analytics/indicator-tiles';
import { deltaTone } from '../src/pages/analytics/indicators';
import { inlineAnalyticsApi } from '../src/workers/analytics-client';

/*
 * Hand-made slices, Europe/Paris (UTC+1 in November and December 2026).
 * December: Monday 7: u1 on m1 (P1, V1, role Son) 09:00-17:00 local, planned 480, actual 450, late 1, cost 9000;
 *           Tuesday 8: u2 on m2 (P2, V2, role Lumiere) 22:00-02:00 local, planned 240, actual 240, night 120, cost 6000.
 * November: Monday 16: u1 on m4 (P1, V1, Son) 09:00-19:00 local, planned 600, actual 540, cost 10000.
 * Missions: December m1 Son needed 2 accepted 1, m2 Lumiere needed 1 accepted 1; November m4 Son needed 1 accepted 1.
 * Incidents: December i1 V1 BREAKDOWN open, i2 V2 DAMAGE closed.
 */
const DEC = hoursSlice('2026-12', PARIS['2026-12'], [
  { day: 7, user: 'u1', mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', planned: 480, actual: 450, late: 1 },
  { day: 8, user: 'u2', mission: 'm2', project: 'P2', venue: 'V2', role: 'Lumiere', start: '2026-12-08T21:00:00Z', end: '2026-12-09T01:00:00Z', planned: 240, actual: 240, night: 120 },
]);
const NOV = hoursSlice('2026-11', PARIS['2026-11'], [
  { day: 16, user: 'u1', mission: 'm4', project: 'P1', venue: 'V1', role: 'Son', start: '2026-11-16T08:00:00Z', end: '2026-11-16T18:00:00Z', planned: 600, actual: 540 },
]);
const MISSIONS = [
  missionsSlice('2026-12', PARIS['2026-12'], [
    { day: 7, mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', needed: 2, accepted: 1 },
    { day: 8, mission: 'm2', project: 'P2', venue: 'V2', role: 'Lumiere', needed: 1, accepted: 1 },
  ]),
  missionsSlice('2026-11', PARIS['2026-11'], [{ day: 16, mission: 'm4', project: 'P1', venue: 'V1', role: 'Son', needed: 1, accepted: 1 }]),
];
const INCIDENTS = [
  incidentsSlice('2026-12', [
    { incident: 'i1', day: 7, at: '2026-12-07T10:00:00Z', venue: 'V1', project: 'P1', category: 'BREAKDOWN', open: 1 },
    { incident: 'i2', day: 8, at: '2026-12-08T10:00:00Z', venue: 'V2', project: 'P2', category: 'DAMAGE', open: 0 },
  ]),
];
const PAY = [paySlice(DEC, [9000, 6000]), paySlice(NOV, [10000])];

const doc = (id: string, kind: string, periodStart: string, data: unknown, extra: Partial<SliceDoc> = {}): SliceDoc => ({
  id,
  kind,
  periodStart,
  data: data as Record<string, unknown>,
  computedAt: '2026-12-10T08:00:00.000Z',
  updatedAt: '2026-12-10T08:00:00.000Z',
  ...extra,
});

const META = { zone: 'Europe/Paris', months: ['2026-11', '2026-12'], sourceUpTo: '2026-12-10T07:59:30.000Z', refreshedAt: '2026-12-10T08:00:00.000Z', pay: true };
const DOCS: SliceDoc[] = [
  doc('an_hours-2026-12-0', 'an_hours', '2026-12-01', DEC),
  doc('an_hours-2026-11-0', 'an_hours', '2026-11-01', NOV),
  doc('an_pay-2026-12-0', 'an_pay', '2026-12-01', PAY[0]),
  doc('an_pay-2026-11-0', 'an_pay', '2026-11-01', PAY[1]),
  doc('an_missions-2026-12-0', 'an_missions', '2026-12-01', MISSIONS[0]),
  doc('an_missions-2026-11-0', 'an_missions', '2026-11-01', MISSIONS[1]),
  doc('an_incidents-2026-12-0', 'an_incidents', '2026-12-01', INCIDENTS[0]),
  doc('an-meta', 'an_meta', '2026-11-01', META),
  // Not slices of the dashboard: a KPI import job and a deleted slice.
  doc('job-1', 'import_job', '2026-12-01', {}),
  doc('an_hours-2025-01-0', 'an_hours', '2025-01-01', DEC, { _deleted: true }),
];

const en = ((key: string, params?: Record<string, string | number>) => translate('en', key, params)) as Translate;

describe('local slices grouped for the worker', () => {
  it('groups by kind, oldest month first, without deleted documents or other kinds', () => {
    const s = groupSlices(DOCS);
    expect(s.hours.map((h) => h.month)).toEqual(['2026-11', '2026-12']);
    expect(s.pay.map((h) => h.month)).toEqual(['2026-11', '2026-12']);
    expect(s.missions).toHaveLength(2);
    expect(s.incidents).toHaveLength(1);
    expect(s.meta).toEqual(META);
    expect(hasData(s)).toBe(true);
    // "Data as of" is the newest source change the slices include.
    expect(dataAsOf(s.meta)).toBe('2026-12-10T07:59:30.000Z');
    expect(dataAsOf({ ...META, sourceUpTo: null })).toBe('2026-12-10T08:00:00.000Z');
  });

  it('the version does not depend on the query order and changes when one slice changes', () => {
    const a = groupSlices(DOCS).version;
    expect(groupSlices([...DOCS].reverse()).version).toBe(a);
    const changed = DOCS.map((d) => (d.id === 'an_incidents-2026-12-0' ? { ...d, updatedAt: '2026-12-10T09:00:00.000Z' } : d));
    expect(groupSlices(changed).version).not.toBe(a);
    // The meta document alone (a refresh that changed nothing) does not reload the worker.
    const metaOnly = DOCS.map((d) => (d.kind === 'an_meta' ? { ...d, updatedAt: '2026-12-10T09:00:00.000Z' } : d));
    expect(groupSlices(metaOnly).version).toBe(a);
  });

  it('an empty store has no data and no "as of"', () => {
    const s = groupSlices([]);
    expect(hasData(s)).toBe(false);
    expect(dataAsOf(s.meta)).toBeNull();
  });
});

describe('analytics engine (the worker code, inline)', () => {
  const slices = groupSlices(DOCS);

  it('computes from loaded slices and answers stale for another version', async () => {
    const api = inlineAnalyticsApi();
    const loaded = await api.load({ hours: slices.hours, pay: slices.pay, missions: slices.missions, incidents: slices.incidents }, 'v1');
    // 2 December rows + 1 November row.
    expect(loaded.rows).toBe(3);
    const stale = await api.compute({ version: 'v0', filters: { from: '2026-12-01', to: '2026-12-31' }, compare: null });
    expect(stale).toMatchObject({ stale: true, result: null });

    const dec = await api.compute({ version: 'v1', filters: { from: '2026-12-01', to: '2026-12-31' }, compare: 'previous' });
    const r = dec.result!;
    // December: planned 480 + 240 = 720, actual 450 + 240 = 690, night 120, late 1; coverage min(1,2) + min(1,1) = 2 of 3.
    expect(r.current).toMatchObject({ plannedMinutes: 720, actualMinutes: 690, nightMinutes: 120, lateStarts: 1, needed: 3, filled: 2, payrollCents: 15000 });
    expect(r.current.coverageRate).toBeCloseTo(2 / 3, 10);
    // 15000 cents over 690 minutes = 11.5 h: 1304.35 -> 1304 cents an hour.
    expect(r.current.avgHourlyCostCents).toBe(1304);
    // The previous period of December (a whole month) is November: the November row.
    expect(r.comparePeriod).toEqual({ from: '2026-11-01', to: '2026-11-30', days: 30 });
    expect(r.comparison).toMatchObject({ plannedMinutes: 600, actualMinutes: 540 });
    // (720 - 600) / 600 = +20 % planned.
    expect(r.deltas!.plannedMinutes).toBeCloseTo(0.2, 10);

    // A filter change on the same loaded slices: venue V2 only (no reload).
    const v2 = (await api.compute({ version: 'v1', filters: { from: '2026-12-01', to: '2026-12-31', venueId: 'V2' }, compare: null })).result!;
    expect(v2.current).toMatchObject({ plannedMinutes: 240, actualMinutes: 240, needed: 1, filled: 1, coverageRate: 1 });
    expect(v2.comparison).toBeNull();
  });

  it('without pay slices the result has no pay figures', async () => {
    const api = inlineAnalyticsApi();
    await api.load({ hours: slices.hours, pay: null, missions: slices.missions, incidents: slices.incidents }, 'nopay');
    const r = (await api.compute({ version: 'nopay', filters: { from: '2026-12-01', to: '2026-12-31' }, compare: null })).result!;
    expect(r.pay).toBe(false);
    expect(r.current.payrollCents).toBeNull();
    expect(indicatorTiles('en', r).map((t) => t.key)).not.toContain('payroll');
  });
});

describe('indicator tiles and the export view', () => {
  const slices = groupSlices(DOCS);
  const compute = async (compare: 'previous' | null) => {
    const api = inlineAnalyticsApi();
    await api.load({ hours: slices.hours, pay: slices.pay, missions: slices.missions, incidents: slices.incidents }, 'v');
    return (await api.compute({ version: 'v', filters: { from: '2026-12-01', to: '2026-12-31' }, compare })).result!;
  };

  it('formats values and comparisons (English)', async () => {
    const r = await compute('previous');
    const tiles = new Map(indicatorTiles('en', r).map((t) => [t.key, t]));
    expect([...tiles.keys()]).toEqual(['coverage', 'planned', 'actual', 'variance', 'overtime', 'night', 'late', 'payroll', 'hourlyCost', 'incidents']);
    // 2/3 = 66.7 %; 720 min = 12 h 00; variance 100 x (690 - 720) / 720 = -4.166 % -> -4.2%.
    expect(tiles.get('coverage')!.value).toBe('66.7%');
    expect(tiles.get('planned')!.value).toBe('12h\u00a000m');
    expect(tiles.get('planned')!.compareValue).toBe('10h\u00a000m');
    expect(tiles.get('variance')!.value).toBe('-4.2%');
    expect(tiles.get('payroll')!.value).toBe('\u20ac150.00');
    expect(tiles.get('hourlyCost')!.value).toBe('\u20ac13.04');
    expect(tiles.get('incidents')!.value).toBe('2');
    // Late starts: 1 in December against 0 in November: delta not computable (division by 0), neutral tone.
    expect(tiles.get('late')!.delta).toBeNull();
    expect(deltaTone(tiles.get('late')!)).toBe('neutral');
    // Planned +20 %: volumes are neutral.
    expect(formatDeltaPct('en', tiles.get('planned')!.delta)).toBe('+20%');
    expect(deltaTone(tiles.get('planned')!)).toBe('neutral');
  });

  it('delta tones: a rise of coverage is good news, of incidents bad news', () => {
    const tile = (key: 'coverage' | 'incidents', delta: number) => ({ key, value: '', compareValue: '', delta, rise: key === 'coverage' ? ('good' as const) : ('bad' as const) });
    expect(deltaTone(tile('coverage', 0.1))).toBe('success');
    expect(deltaTone(tile('coverage', -0.1))).toBe('danger');
    expect(deltaTone(tile('incidents', 0.5))).toBe('danger');
    expect(deltaTone(tile('incidents', -0.5))).toBe('success');
    expect(formatDeltaPct('en', -0.125)).toBe('\u221212.5%');
    expect(formatDeltaPct('en', null)).toBe('-');
  });

  it('builds the export view of the page state: filters, tables, no chart without canvases', async () => {
    const r = await compute('previous');
    const filters = parseFilters(new URLSearchParams('period=custom&from=2026-12-01&to=2026-12-31&venue=V1'), '2026-12-10');
    const view = buildAnalyticsExportView({
      t: en,
      locale: 'en',
      result: r,
      filters,
      org: { id: 'org-1', name: 'Demo' },
      names: { project: (id) => `Project ${id}`, venue: (id) => (id ? `Venue ${id}` : '(none)'), team: (id) => `Team ${id}`, category: (c) => c ?? '-' },
      heatmapVenue: '',
      curvesCanvas: null,
      heatmapCanvas: null,
    });
    expect(view.viewId).toBe('analytics.dashboard');
    expect(view.orgId).toBe('org-1');
    expect(view.projectName).toBeNull();
    expect(view.filterValues).toMatchObject({ from: '2026-12-01', to: '2026-12-31', period: 'custom', venueId: 'V1', projectId: null, compare: 'previous' });
    expect(view.filters.find((f) => f.label === 'Venue')!.value).toBe('Venue V1');
    expect(view.tables.map((t) => t.title)).toEqual(['Indicators', 'Hours per day', 'Planned load by day and hour - All venues', 'Incidents by venue and category']);
    const daily = view.tables[1]!;
    // 31 days of December; 7 December (index 6): 480 planned = 8 h, 450 actual = 7.5 h; compared day 6 Nov (index 6): nothing.
    expect(daily.rows).toHaveLength(31);
    expect(daily.rows[6]!.slice(0, 3)).toEqual(['2026-12-07', 8, 7.5]);
    // Heatmap: Monday 7 December 09:00-17:00 local: 1 h in each of hours 9..16 of Monday.
    const heat = view.tables[2]!;
    expect(heat.rows[0]![1 + 9]).toBe(1);
    expect(heat.rows[0]![1 + 16]).toBe(1);
    expect(heat.rows[0]![1 + 17]).toBe(0);
    expect(heat.rows[0]![1 + 8]).toBe(0);
    // Tuesday 8 22:00 - Wednesday 02:00: 2 h on Tuesday (22, 23), 2 h on Wednesday (0, 1).
    expect(heat.rows[1]![1 + 22]).toBe(1);
    expect(heat.rows[1]![1 + 23]).toBe(1);
    expect(heat.rows[2]![1 + 0]).toBe(1);
    expect(heat.rows[2]![1 + 1]).toBe(1);
    expect(heat.rows[2]![1 + 2]).toBe(0);
    expect(view.tables[3]!.rows).toEqual(
      expect.arrayContaining([
        ['Venue V1', 'BREAKDOWN', 1, 0, 1],
        ['Venue V2', 'DAMAGE', 0, 1, 1],
      ]),
    );
    expect(view.charts).toEqual([]);
  });
});

describe('slices moved to the worker as typed arrays', () => {
  it('give the same dashboard as plain arrays, and every numeric column is a transferable buffer', async () => {
    const { transferableSlices } = await import('../src/workers/analytics-transfer');
    const s = groupSlices(DOCS);
    const plain = { hours: s.hours, pay: s.pay, missions: s.missions, incidents: s.incidents };
    const moved = transferableSlices(plain);
    // 13 hours columns x 2 slices + 1 pay column x 2 + 14 mission columns x 2 + 10 incident columns x 1.
    expect(moved.buffers).toHaveLength(13 * 2 + 2 + 14 * 2 + 10);
    expect(moved.slices.hours[0]!.rows.planned).toBeInstanceOf(Float64Array);
    // The originals are untouched (the store's documents).
    expect(Array.isArray(s.hours[0]!.rows.planned)).toBe(true);
    const a = inlineAnalyticsApi();
    const b = inlineAnalyticsApi();
    await a.load(plain, 'x');
    await b.load(moved.slices, 'x');
    for (const query of [
      { filters: { from: '2026-12-01', to: '2026-12-31' }, compare: 'previous' as const },
      { filters: { from: '2026-11-01', to: '2026-12-31', venueId: 'V1', role: 'Son' }, compare: null },
    ]) {
      const [ra, rb] = [(await a.compute({ version: 'x', ...query })).result, (await b.compute({ version: 'x', ...query })).result];
      expect(rb).toEqual(ra);
    }
  });
});
