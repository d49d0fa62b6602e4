import { describe, expect, it } from 'vitest';
import { reference } from '../../shared/src/index';
import type { ReferenceDoc } from '../src/data/types';
import { readDashboard, readKpi } from '../src/data/kpi/documents';
import type { BoardDashboard } from '../../shared/src/kpi/board';
import { boardValueOf, mapDocs } from '../src/data/kpi/board-input';
import { boardKpiOfKpi } from '../src/data/kpi/useWorkerTiles';
import { inlineKpiApi } from '../src/workers/kpi-client';
import type { Kpi, KpiValueDoc } from '../src/data/kpi/types';
import { kpiPatch, moveItem, newDashboard, newKpi, newKpiValue } from '../src/data/kpi/writes';
import { bandRanges, kpiFormOf, readKpiForm, readNumber, type KpiFormValues } from '../src/pages/kpi/dashboards/kpi-form';
import { bandBoundsAt, chartData } from '../src/pages/kpi/dashboards/chart-data';
import { formatKpiValue, formatPeriod } from '../src/pages/kpi/dashboards/kpi-format';

const NOW = new Date('2026-12-05T10:00:00Z');
const fill: KpiFormValues = { ...kpiFormOf(null, null), name: 'Taux de remplissage', unit: '%', target: '90' };

function kpiOf(values: Partial<KpiFormValues> = {}): Kpi {
  const read = readKpiForm({ ...fill, ...values });
  if (!('fields' in read)) throw new Error(JSON.stringify(read.errors));
  const doc = newKpi(read.fields, NOW, 'kpi-1') as unknown as ReferenceDoc;
  return readKpi(doc);
}
const value = (kpi: Kpi, period: string, v: number, id = `v-${period}`): KpiValueDoc => newKpiValue(kpi.id, kpi.frequency, period, v, '', NOW, id);

describe('KPI form', () => {
  it.each([
    ['12', 12],
    ['12,5', 12.5],
    [' 1 200,5 ', 1200.5],
    ['-3', -3],
    ['', null],
    ['abc', null],
    ['1,2,3', null],
  ])('reads %j as %j', (text, n) => expect(readNumber(text)).toBe(n));

  it('builds a definition the shared schema accepts, with the name and owner out of data', () => {
    const read = readKpiForm({ ...fill, ownerUserId: 'u-1' });
    expect('fields' in read).toBe(true);
    if (!('fields' in read)) return;
    const patch = kpiPatch(read.fields);
    expect(patch.name).toBe('Taux de remplissage');
    expect(patch.ownerUserId).toBe('u-1');
    expect(patch.data).not.toHaveProperty('name');
    expect(patch.data).not.toHaveProperty('ownerUserId');
    expect(patch.data['auto']).toBeNull();
  });

  it.each<[string, Partial<KpiFormValues>, string, string]>([
    ['bands out of order (up)', { green: '80', orange: '90' }, 'bands', 'KPI_BANDS_ORDER'],
    ['bands out of order (down)', { direction: 'DOWN_IS_BETTER', green: '110', orange: '100' }, 'bands', 'KPI_BANDS_ORDER'],
    ['negative percent band', { direction: 'CLOSEST_IS_BETTER', green: '-1', orange: '5' }, 'bands', 'KPI_NEGATIVE_BAND'],
    ['no name', { name: ' ' }, 'name', 'NAME_REQUIRED'],
    ['target not a number', { target: 'x' }, 'target', 'NUMBER'],
    ['series not on a period start', { targetMode: 'SERIES', series: [{ periodStart: '2026-01-15', target: '80' }] }, 'target', 'KPI_TARGET_NOT_PERIOD_START'],
    ['series out of order', { targetMode: 'SERIES', series: [{ periodStart: '2026-03-01', target: '80' }, { periodStart: '2026-01-01', target: '85' }] }, 'target', 'KPI_TARGET_SERIES_ORDER'],
    ['automatic without metric', { source: 'AUTOMATIC' }, 'metric', 'METRIC_REQUIRED'],
    ['decimals out of range', { decimals: '7' }, 'decimals', 'DECIMALS'],
  ])('refuses %s', (_name, values, field, code) => {
    const read = readKpiForm({ ...fill, ...values });
    expect('errors' in read && (read.errors as Record<string, string>)[field]).toBe(code);
  });

  it('round-trips a KPI through its document', () => {
    const kpi = kpiOf({ source: 'AUTOMATIC', metric: 'COVERAGE_RATE', projectId: 'p-1', decimals: '1', grace: '3' });
    expect(kpi.auto).toEqual({ metric: 'COVERAGE_RATE', projectId: 'p-1' });
    expect(kpi.decimals).toBe(1);
    expect(kpi.gracePeriodDays).toBe(3);
    expect(kpiFormOf(kpi, null)).toMatchObject({ metric: 'COVERAGE_RATE', projectId: 'p-1', decimals: '1', target: '90' });
  });

  it('previews bands as values for every direction', () => {
    expect(bandRanges(fill, '2026-12-01')).toEqual([
      { band: 'GREEN', from: 90, to: null, distance: false },
      { band: 'ORANGE', from: 81, to: 90, distance: false },
      { band: 'RED', from: null, to: 81, distance: false },
    ]);
    expect(bandRanges({ ...fill, direction: 'DOWN_IS_BETTER', thresholdKind: 'ABSOLUTE', green: '5', orange: '8' }, '2026-12-01')?.map((r) => [r.band, r.from, r.to])).toEqual([
      ['GREEN', null, 5],
      ['ORANGE', 5, 8],
      ['RED', 8, null],
    ]);
    expect(bandRanges({ ...fill, direction: 'CLOSEST_IS_BETTER', green: '5', orange: '10', target: '200' }, '2026-12-01')?.map((r) => [r.band, r.from, r.to])).toEqual([
      ['GREEN', 0, 10],
      ['ORANGE', 10, 20],
      ['RED', 20, null],
    ]);
    expect(bandRanges({ ...fill, targetMode: 'NONE' }, '2026-12-01')).toBeNull();
  });
});

describe('tiles (the KPI worker engine, as the dashboards tab calls it)', () => {
  const tilesOf = async (kpis: Kpi[], values: KpiValueDoc[], today: string, dashboards?: BoardDashboard[]) =>
    inlineKpiApi().dashboardTiles({ today, kpis: kpis.map(boardKpiOfKpi), values: mapDocs(values, boardValueOf), dashboards });

  it('shows the current value and its status, GREEN/ORANGE/RED by the shared rules', async () => {
    const kpi = kpiOf();
    expect((await tilesOf([kpi], [value(kpi, '2026-12-01', 95)], '2026-12-05')).tiles[0]).toMatchObject({ status: 'GREEN', value: 95, period: { start: '2026-12-01' }, target: 90 });
    expect((await tilesOf([kpi], [value(kpi, '2026-12-01', 85)], '2026-12-05')).tiles[0]!.status).toBe('ORANGE');
    expect((await tilesOf([kpi], [value(kpi, '2026-12-01', 50)], '2026-12-05')).tiles[0]!.status).toBe('RED');
  });

  it('is LATE when the last period has no value after its grace period, NO_DATA before', async () => {
    const kpi = kpiOf({ grace: '5' });
    const old = [value(kpi, '2026-10-01', 95)];
    expect((await tilesOf([kpi], old, '2026-12-05')).tiles[0]).toMatchObject({ status: 'NO_DATA', value: null, period: { start: '2026-11-01' } });
    expect((await tilesOf([kpi], old, '2026-12-06')).tiles[0]!.status).toBe('LATE');
  });

  it('reads the trend with the direction, keeps the order asked, and counts a dashboard', async () => {
    const kpi = kpiOf();
    const values = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'].map((p, i) => value(kpi, p, 80 + i * 3));
    const one = (await tilesOf([kpi], values, '2026-12-05')).tiles[0]!;
    expect(one.trend?.reading).toBe('IMPROVING');
    expect(one.sparkline.values.filter((v) => v !== null)).toHaveLength(5);
    const down = { ...kpi, id: 'kpi-2', direction: 'DOWN_IS_BETTER' as const, thresholds: { kind: 'PERCENT_OF_TARGET' as const, green: 100, orange: 110 } };
    const res = await tilesOf([down, kpi], [...values, ...values.map((v) => ({ ...v, kpiId: 'kpi-2' }))], '2026-12-05', [
      { id: 'd1', name: 'Production', process: 'Prod', kpiIds: ['kpi-2', 'missing', 'kpi-1'] },
    ]);
    expect(res.tiles.map((t) => t.kpiId)).toEqual(['kpi-2', 'kpi-1']);
    expect(res.tiles[0]!.trend?.reading).toBe('WORSENING');
    expect(res.dashboards[0]).toMatchObject({ id: 'd1', kpis: 2, counts: { GREEN: 1, ORANGE: 1, RED: 0 } });
  });
});

describe('documents and writes', () => {
  it('a dashboard keeps its KPI order, sharing and owner', () => {
    const doc = newDashboard({ title: ' Accueil ', description: '', process: 'Accueil', sharing: 'TEAMS', teamIds: ['t-1'], ownerUserId: 'u-1' }, NOW, 'd-1');
    const d = readDashboard({ ...doc, data: { ...doc.data, kpiIds: ['a', 'b', 'c'] } } as unknown as ReferenceDoc);
    expect(d).toMatchObject({ title: 'Accueil', process: 'Accueil', sharing: 'TEAMS', teamIds: ['t-1'], ownerUserId: 'u-1', kpiIds: ['a', 'b', 'c'] });
    expect(moveItem(d.kpiIds, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(d.kpiIds, 0, 5)).toEqual(['a', 'b', 'c']);
    expect(reference.schema.shape.kind.options).toContain('dashboard');
  });

  it('a value is stored for the period start and end of its frequency', () => {
    const kpi = kpiOf({ frequency: 'WEEKLY' });
    expect(value(kpi, '2026-12-05', 3)).toMatchObject({ periodStart: '2026-11-30', periodEnd: '2026-12-06', status: null, history: [] });
  });
});

describe('chart and formats', () => {
  it('aligns values, targets and bands from the first value to the current period', () => {
    const kpi = kpiOf();
    const data = chartData(kpi, new Map([['2026-03-01', 70], ['2026-11-01', 95]]), '2026-12-01');
    expect(data.periods[0]).toBe('2026-03-01');
    expect(data.periods.at(-1)).toBe('2026-12-01');
    expect(data.values[0]).toBe(70);
    expect(data.targets.every((t) => t === 90)).toBe(true);
    expect(bandBoundsAt(kpi, '2026-12-01')).toEqual({ green: 90, orange: 81 });
    expect(chartData(kpi, new Map(), '2026-12-01').periods).toHaveLength(6);
  });

  it('formats values with the decimals and unit, and periods by frequency', () => {
    expect(formatKpiValue('fr', 92.456, 1, '%')).toBe('92,5\u00a0%');
    expect(formatKpiValue('en', 92.456, 1, '%')).toBe('92.5%');
    expect(formatKpiValue('en', 1200, 0, 'EUR')).toBe('1,200\u00a0EUR');
    expect(formatKpiValue('fr', null, 0, 'h')).toBe('-');
    expect(formatPeriod('fr', '2026-11-30', 'WEEKLY')).toBe('S49 2026');
    expect(formatPeriod('en', '2026-10-01', 'QUARTERLY')).toBe('Q4 2026');
    expect(formatPeriod('en', '2026-12-01', 'MONTHLY')).toBe('Dec 2026');
  });
});

describe('one value per period', () => {
  it('keeps the latest entry of each KPI and period (a correction not merged by the server yet)', async () => {
    const { latestPerPeriod } = await import('../src/data/kpi/queries');
    const kpi = kpiOf();
    const first = { ...value(kpi, '2026-11-01', 95, 'a'), enteredAt: '2026-12-01T10:00:00.000Z' };
    const fix = { ...value(kpi, '2026-11-01', 85, 'b'), enteredAt: '2026-12-02T10:00:00.000Z' };
    const other = value(kpi, '2026-10-01', 90, 'c');
    expect(latestPerPeriod([fix, other, first]).map((v) => v.id)).toEqual(['c', 'b']);
  });
});
