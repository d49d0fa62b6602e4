import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateImportRows, type ImportKpi } from '@coulisses/shared/kpi/import/index';
import { decodeCsv, detectSeparator, parseCsv } from '../../src/kpi/import/csv';
import { readSheet } from '../../src/kpi/import/sheet';
import { unzippedSize } from '../../src/kpi/import/xlsx';

const dir = path.join(import.meta.dirname, '../fixtures/kpi-import');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));

const KPIS: ImportKpi[] = [
  { id: 'fill', name: 'Taux de remplissage', frequency: 'MONTHLY', source: 'IMPORT' },
  { id: 'ot', name: 'Heures supplementaires', frequency: 'WEEKLY', source: 'MANUAL' },
  { id: 'inc', name: 'Incidents', frequency: 'DAILY', source: 'MANUAL' },
  { id: 'budget', name: 'Budget annuel', frequency: 'YEARLY', source: 'IMPORT' },
];
const MAP = { kpi: 0, period: 1, value: 2, comment: 3 };

describe('CSV (RFC 4180)', () => {
  it.each<[string, string, string[][]]>([
    ['semicolons', 'a;b;c\n1;2;3', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['commas and CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['quoted separator, quotes and line break', 'a;b\n"x;y";"he said ""hi""\nbye"', [['a', 'b'], ['x;y', 'he said "hi"\nbye']]],
    ['empty fields', 'a;;c\n;;', [['a', '', 'c'], ['', '', '']]],
    ['tabs', 'a\tb\n1\t2', [['a', 'b'], ['1', '2']]],
    ['a French decimal in a comma file stays quoted', 'a,b\n"12,5",3', [['a', 'b'], ['12,5', '3']]],
  ])('%s', (_n, text, expected) => {
    expect(parseCsv(text).map((r) => r.cells)).toEqual(expected);
  });

  it('numbers records by the line they start on', () => {
    expect(parseCsv('h\n"a\nb"\nc\r\n\r\nd').map((r) => [r.line, r.cells[0]])).toEqual([[1, 'h'], [2, 'a\nb'], [4, 'c'], [5, ''], [6, 'd']]);
  });

  it('prefers ; on a tie, ignores separators inside quotes', () => {
    expect(detectSeparator('a;b,c')).toBe(';');
    expect(detectSeparator('"a;b;c",d,e')).toBe(',');
  });

  it('drops the UTF-8 BOM and falls back to Windows-1252', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeCsv(new Uint8Array([0x50, 0xe9]))).toBe('P\u00e9');
  });
});

describe('fixtures made by other programs', () => {
  it('values-dates.xlsx: date cells, percent format, cached formula result, a bare serial', async () => {
    const sheet = await readSheet(fixture('values-dates.xlsx'));
    expect(sheet.format).toBe('xlsx');
    expect(sheet.columns).toEqual(['KPI', 'Date', 'Valeur', 'Commentaire']);
    const out = validateImportRows(sheet.rows, MAP, KPIS, sheet.columns);
    expect(out.errors).toEqual([]);
    expect(out.valid.map((v) => [v.line, v.kpiId, v.periodStart, v.value])).toEqual([
      [2, 'inc', '2026-03-02', 3],
      [3, 'inc', '2026-03-03', 2],
      [4, 'fill', '2026-03-01', 85.5],
      [5, 'ot', '2026-03-02', 7.25],
      [6, 'inc', '2026-03-09', 5],
    ]);
  });

  it('values-fr-text.xlsx: French decimals and periods as text', async () => {
    const sheet = await readSheet(fixture('values-fr-text.xlsx'));
    const out = validateImportRows(sheet.rows, { kpi: 0, period: 1, value: 2 }, KPIS, sheet.columns);
    expect(out.errors).toEqual([]);
    expect(out.valid.map((v) => [v.kpiId, v.periodStart, v.value])).toEqual([
      ['fill', '2026-04-01', 85],
      ['ot', '2026-02-02', 1234.5],
      ['inc', '2026-03-10', 3],
      ['budget', '2026-01-01', 12500.75],
    ]);
  });

  it('values-errors.xlsx: line numbers of the bad rows', async () => {
    const sheet = await readSheet(fixture('values-errors.xlsx'));
    const out = validateImportRows(sheet.rows, MAP, KPIS, sheet.columns);
    expect(out.valid.map((v) => v.line)).toEqual([2, 3, 9, 10]);
    expect(out.errors.map((e) => [e.line, e.code])).toEqual([[4, 'UNKNOWN_KPI'], [5, 'BAD_PERIOD'], [7, 'NOT_A_NUMBER'], [8, 'DUPLICATE_ROW']]);
  });

  it('values-semicolon-bom.csv and values-comma-cp1252.csv', async () => {
    const a = await readSheet(fixture('values-semicolon-bom.csv'));
    expect(a.columns).toEqual(['Indicateur', 'P\u00e9riode', 'Valeur', 'Commentaire']);
    const outA = validateImportRows(a.rows, MAP, KPIS, a.columns);
    expect(outA.errors).toEqual([]);
    expect(outA.valid.map((v) => [v.line, v.value, v.comment ?? null])).toEqual([[2, 4, 'retard; "livraison"\r\nsuite'], [4, 91.5, null], [6, -2.25, null]]);
    const b = await readSheet(fixture('values-comma-cp1252.csv'));
    expect(b.columns[1]).toBe('P\u00e9riode');
    expect(validateImportRows(b.rows, { kpi: 0, period: 1, value: 2 }, KPIS, b.columns).valid.map((v) => v.value)).toEqual([77.5, 0]);
  });

  it('refuses what is not a spreadsheet', async () => {
    await expect(readSheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]))).rejects.toMatchObject({ code: 'IMPORT_NOT_A_SPREADSHEET' });
    await expect(readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'IMPORT_NOT_A_SPREADSHEET' });
    await expect(readSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toMatchObject({ code: 'IMPORT_XLS_UNSUPPORTED' });
    await expect(readSheet(new Uint8Array())).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(readSheet(new TextEncoder().encode('\n\n;;\n'))).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });

  it('reads the unpacked size of a workbook from its zip directory', () => {
    const size = unzippedSize(Buffer.from(fixture('values-errors.xlsx')));
    expect(size).toBeGreaterThan(5000);
  });
});
