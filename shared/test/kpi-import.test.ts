import { describe, expect, it } from 'vitest';
import {
  excelSerialToDate,
  parseImportNumber,
  parseImportPeriod,
  suggestMapping,
  validateImportRows,
  type ImportCell,
  type ImportKpi,
  type ImportRow,
} from '../src/kpi/import/index';

describe('parseImportNumber', () => {
  it.each<[ImportCell, number | string]>([
    [12.5, 12.5],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567,25', 1234567.25],
    ['85 %', 85],
    ['85%', 85],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['+4', 4],
    ['0', 0],
    [' 7 ', 7],
    ['', 'MISSING_VALUE'],
    ['   ', 'MISSING_VALUE'],
    [null, 'MISSING_VALUE'],
    ['abc', 'NOT_A_NUMBER'],
    ['12,5,3', 'NOT_A_NUMBER'],
    ['1.2.3', 'NOT_A_NUMBER'],
    ['1,23.4,5', 'NOT_A_NUMBER'],
    ['12a', 'NOT_A_NUMBER'],
    ['.5', 'NOT_A_NUMBER'],
    ['5.', 'NOT_A_NUMBER'],
    ['-', 'NOT_A_NUMBER'],
    [true, 'NOT_A_NUMBER'],
    [{ date: '2026-01-01' }, 'NOT_A_NUMBER'],
    [{ error: '#DIV/0!' }, 'FORMULA_ERROR'],
    ['#DIV/0!', 'FORMULA_ERROR'],
    ['#N/A', 'FORMULA_ERROR'],
    [Number.NaN, 'NOT_A_NUMBER'],
    [Number.POSITIVE_INFINITY, 'NOT_A_NUMBER'],
  ])('%j -> %j', (cell, expected) => {
    expect(parseImportNumber(cell)).toBe(expected);
  });
});

describe('parseImportPeriod', () => {
  it.each<[ImportCell, string | null, string | null, string | null]>([
    ['2026-03-05', '2026-03-05', '2026-03-05', 'DAY'],
    ['2026/03/05', '2026-03-05', '2026-03-05', 'DAY'],
    ['05/03/2026', '2026-03-05', '2026-03-05', 'DAY'],
    ['5/3/2026', '2026-03-05', '2026-03-05', 'DAY'],
    ['05-03-2026', '2026-03-05', '2026-03-05', 'DAY'],
    ['05.03.2026', '2026-03-05', '2026-03-05', 'DAY'],
    ['2026-03-05T00:00:00.000Z', '2026-03-05', '2026-03-05', 'DAY'],
    ['2026-03-05 14:30', '2026-03-05', '2026-03-05', 'DAY'],
    [{ date: '2026-02-28' }, '2026-02-28', '2026-02-28', 'DAY'],
    [46082, '2026-03-01', '2026-03-01', 'DAY'],
    [46082.75, '2026-03-01', '2026-03-01', 'DAY'],
    ['2026-W05', '2026-01-26', '2026-02-01', 'WEEK'],
    ['2026w5', '2026-01-26', '2026-02-01', 'WEEK'],
    ['2026-W01', '2025-12-29', '2026-01-04', 'WEEK'],
    ['2026-W53', '2026-12-28', '2027-01-03', 'WEEK'],
    ['2025-W53', null, null, null],
    ['2026-W00', null, null, null],
    ['2026-03', '2026-03-01', '2026-03-31', 'MONTH'],
    ['03/2026', '2026-03-01', '2026-03-31', 'MONTH'],
    ['2026-02', '2026-02-01', '2026-02-28', 'MONTH'],
    ['2026-Q1', '2026-01-01', '2026-03-31', 'QUARTER'],
    ['2026-T4', '2026-10-01', '2026-12-31', 'QUARTER'],
    ['Q2 2026', '2026-04-01', '2026-06-30', 'QUARTER'],
    ['2026', '2026-01-01', '2026-12-31', 'YEAR'],
    [2026, '2026-01-01', '2026-12-31', 'YEAR'],
    ['2026-13', null, null, null],
    ['2026-02-30', null, null, null],
    ['31/04/2026', null, null, null],
    ['2026-Q5', null, null, null],
    ['mars 2026', null, null, null],
    ['', null, null, null],
    [null, null, null, null],
    [true, null, null, null],
    [{ error: '#REF!' }, null, null, null],
    [12, null, null, null],
  ])('%j', (cell, start, end, kind) => {
    const p = parseImportPeriod(cell);
    expect(p ? [p.start, p.end, p.kind] : [null, null, null]).toEqual([start, end, kind]);
  });

  it('reads Excel serials in the 1900 system', () => {
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
    expect(excelSerialToDate(60)).toBeNull();
  });
});

const KPIS: ImportKpi[] = [
  { id: 'k-fill', name: 'Taux de remplissage', frequency: 'MONTHLY', source: 'IMPORT' },
  { id: 'k-week', name: 'Heures sup', frequency: 'WEEKLY', source: 'MANUAL' },
  { id: 'k-day', name: 'Incidents', frequency: 'DAILY', source: 'MANUAL' },
  { id: 'k-auto', name: 'Couverture', frequency: 'MONTHLY', source: 'AUTOMATIC' },
  { id: 'k-dup1', name: 'Budget', frequency: 'YEARLY', source: 'MANUAL' },
  { id: 'k-dup2', name: 'budget', frequency: 'YEARLY', source: 'MANUAL' },
];
const MAPPING = { kpi: 0, period: 1, value: 2, comment: 3 };
const HEADERS = ['KPI', 'Periode', 'Valeur', 'Commentaire'];

describe('validateImportRows', () => {
  it.each<[string, ImportCell[], Record<string, unknown>]>([
    ['by name, accents and case ignored', ['taux de REMPLISSAGE', '2026-03', '85 %', ''], { kpiId: 'k-fill', periodStart: '2026-03-01', periodEnd: '2026-03-31', value: 85 }],
    ['by id', ['k-fill', '2026-03', 12, 'ok'], { kpiId: 'k-fill', value: 12, comment: 'ok' }],
    ['a date inside the month -> that month', ['k-fill', '15/03/2026', '12,5', null], { periodStart: '2026-03-01', value: 12.5 }],
    ['a date cell of a weekly KPI -> its ISO week', ['k-week', { date: '2026-01-01' }, 3, null], { periodStart: '2025-12-29', periodEnd: '2026-01-04' }],
    ['an ISO week of a weekly KPI', ['k-week', '2026-W05', 3, null], { periodStart: '2026-01-26' }],
    ['a year of a yearly KPI... not ambiguous', ['k-fill', '2026-Q1', 1, null], { error: 'PERIOD_SPANS_PERIODS', column: 'Periode' }],
    ['a month for a weekly KPI', ['k-week', '2026-03', 1, null], { error: 'PERIOD_SPANS_PERIODS' }],
    ['a week across two months for a monthly KPI', ['k-fill', '2026-W05', 1, null], { error: 'PERIOD_SPANS_PERIODS' }],
    ['a week within one month for a monthly KPI', ['k-fill', '2026-W03', 1, null], { periodStart: '2026-01-01' }],
    ['unknown KPI', ['Chiffre mystere', '2026-03', 1, null], { error: 'UNKNOWN_KPI', column: 'KPI' }],
    ['two KPIs with that name', ['BUDGET', '2026', 1, null], { error: 'AMBIGUOUS_KPI' }],
    ['automatic KPI', ['Couverture', '2026-03', 1, null], { error: 'AUTOMATIC_KPI' }],
    ['missing KPI', ['', '2026-03', 1, null], { error: 'MISSING_KPI' }],
    ['missing period', ['k-fill', null, 1, null], { error: 'MISSING_PERIOD' }],
    ['bad period', ['k-fill', 'mars', 1, null], { error: 'BAD_PERIOD', column: 'Periode' }],
    ['impossible date', ['k-day', '30/02/2026', 1, null], { error: 'BAD_PERIOD' }],
    ['non-numeric value', ['k-fill', '2026-03', 'beaucoup', null], { error: 'NOT_A_NUMBER', column: 'Valeur' }],
    ['missing value', ['k-fill', '2026-03', '', null], { error: 'MISSING_VALUE' }],
    ['formula error cached', ['k-fill', '2026-03', { error: '#DIV/0!' }, null], { error: 'FORMULA_ERROR' }],
    ['NUL character', ['k-fill', '2026-03', '1\u0000', null], { error: 'UNSAFE_TEXT', column: 'Valeur' }],
    ['lone surrogate in the comment', ['k-fill', '2026-03', 1, 'a\ud800'], { error: 'UNSAFE_TEXT', column: 'Commentaire' }],
    ['comment too long', ['k-fill', '2026-03', 1, 'x'.repeat(1001)], { error: 'COMMENT_TOO_LONG' }],
  ])('%s', (_name, cells, expected) => {
    const out = validateImportRows([{ line: 2, cells }], MAPPING, KPIS, HEADERS);
    if ('error' in expected) {
      expect(out.valid).toEqual([]);
      expect(out.errors).toEqual([expect.objectContaining({ line: 2, code: expected.error, ...(expected.column ? { column: expected.column } : {}) })]);
    } else {
      expect(out.errors).toEqual([]);
      expect(out.valid).toEqual([expect.objectContaining({ line: 2, ...expected })]);
    }
  });

  it('skips empty lines, flags duplicates of the same KPI and period with the first line', () => {
    const rows: ImportRow[] = [
      { line: 2, cells: ['k-fill', '2026-03', 1, null] },
      { line: 3, cells: [null, '', '  ', null] },
      { line: 4, cells: [] },
      { line: 5, cells: ['Taux de remplissage', '20/03/2026', 2, null] },
      { line: 6, cells: ['k-fill', '2026-04', 3, null] },
    ];
    const out = validateImportRows(rows, MAPPING, KPIS, HEADERS);
    expect(out.total).toBe(3);
    expect(out.valid.map((v) => v.line)).toEqual([2, 6]);
    expect(out.errors).toEqual([{ line: 5, column: 'Periode', code: 'DUPLICATE_ROW', firstLine: 2 }]);
  });
});

describe('suggestMapping', () => {
  it('reads French headers', () => {
    const m = suggestMapping(['Indicateur', 'Mois', 'Valeur', 'Commentaire'], [], KPIS);
    expect(m).toEqual({ kpi: 0, period: 1, value: 2, comment: 3 });
  });
  it('falls back on the data when headers say nothing', () => {
    const sample: ImportRow[] = [
      { line: 2, cells: [12.5, 'Taux de remplissage', '2026-03'] },
      { line: 3, cells: ['13,5', 'Heures sup', '2026-W02'] },
    ];
    expect(suggestMapping(['A', 'B', 'C'], sample, KPIS)).toEqual({ kpi: 1, period: 2, value: 0, comment: null });
  });
});
