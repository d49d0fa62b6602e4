import { addDays, mondayOf } from '../../time/zone';
import { isoWeek } from '../periods';

/**
 * One cell of an imported sheet as the server hands it over: text, a number, a boolean, a date already read as
 * a local YYYY-MM-DD (an Excel date cell), a formula error (#DIV/0!...) or nothing. Pure: no I/O here.
 */
export type ImportCell = string | number | boolean | null | { date: string } | { error: string };

/** A sheet row with its line number in the file (1-based: the spreadsheet row, or the CSV line it starts on). */
export interface ImportRow {
  line: number;
  cells: ImportCell[];
}

/** Why a value cell is refused. */
export type ValueIssue = 'MISSING_VALUE' | 'NOT_A_NUMBER' | 'FORMULA_ERROR';

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * A number from a cell: numbers as they are; text in French or English writing: "12,5", "1 234,5", "1.234,5",
 * "1,234.5", "85 %" (85: a KPI in % stores the percentage), "-3", "\u22123". A lone comma is the decimal separator
 * (French first); with both a dot and a comma the last one is the decimal separator. Thousands separators are
 * spaces (also no-break and narrow no-break), apostrophes, or the non-decimal one of dot/comma in groups of three.
 */
export function parseImportNumber(cell: ImportCell): number | ValueIssue {
  if (cell === null) return 'MISSING_VALUE';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'NOT_A_NUMBER';
  if (typeof cell === 'boolean') return 'NOT_A_NUMBER';
  if (typeof cell === 'object') return 'error' in cell ? 'FORMULA_ERROR' : 'NOT_A_NUMBER';
  let s = cell.trim();
  if (s === '') return 'MISSING_VALUE';
  if (/^#[A-Z0-9/!?.]+$/i.test(s) && /[!?/]/.test(s)) return 'FORMULA_ERROR';
  s = s.replace(/\u2212/g, '-');
  s = s.replace(/\s*%$/, '');
  s = s.replace(SPACES, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return 'NOT_A_NUMBER';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    const [int = '', frac = ''] = s.split(dec);
    if (s.split(dec).length !== 2 || !groupedOk(int, group)) return 'NOT_A_NUMBER';
    normal = `${int.split(group).join('')}.${frac}`;
  } else if (lastComma >= 0) {
    if (s.split(',').length !== 2) return 'NOT_A_NUMBER';
    normal = s.replace(',', '.');
  } else {
    if (s.split('.').length > 2) return 'NOT_A_NUMBER';
    normal = s;
  }
  if (/^[+-]?\./.test(normal) || /\.$/.test(normal)) return 'NOT_A_NUMBER';
  const n = Number(normal);
  return Number.isFinite(n) ? n : 'NOT_A_NUMBER';
}

/** "1.234.567" with groups of exactly three digits after the first. */
function groupedOk(int: string, group: string): boolean {
  const parts = int.replace(/^[+-]/, '').split(group);
  return parts.every((p, i) => (i === 0 ? /^\d{1,3}$/.test(p) || parts.length === 1 : /^\d{3}$/.test(p)));
}

/** A period read from a cell: the first and last local day it covers, and how it was written. */
export interface ParsedPeriod {
  start: string;
  end: string;
  kind: 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function day(date: string | null): ParsedPeriod | null {
  return date ? { start: date, end: date, kind: 'DAY' } : null;
}

function month(y: number, m: number, kind: 'MONTH' | 'QUARTER' | 'YEAR', months: number): ParsedPeriod | null {
  const start = validDate(y, m, 1);
  if (!start) return null;
  const next = new Date(Date.UTC(y, m - 1 + months, 1));
  const end = addDays(`${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-01`, -1);
  return { start, end, kind };
}

function week(y: number, w: number): ParsedPeriod | null {
  if (y < 1900 || y > 2999 || w < 1 || w > 53) return null;
  const start = addDays(mondayOf(`${pad(y, 4)}-01-04`), 7 * (w - 1));
  const iso = isoWeek(start);
  if (iso.year !== y || iso.week !== w) return null;
  return { start, end: addDays(start, 6), kind: 'WEEK' };
}

/** Excel's day numbers (1900 system, with its phantom 1900-02-29): serial 1 is 1900-01-01. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 401768) return null;
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A period from a cell. Dates: 2026-03-05, 2026/03/05, 05/03/2026, 05-03-2026, 05.03.2026 (day first, French),
 * a date with a time after it (the day is kept), an Excel date cell, an Excel serial number (a date cell saved
 * without its format). Periods: 2026-W05 (ISO week), 2026-03 or 03/2026 (month), 2026-Q1 or 2026-T1 or Q1 2026
 * (quarter), 2026 (year; also an integer number cell 1900-2999, which is never read as a serial).
 */
export function parseImportPeriod(cell: ImportCell): ParsedPeriod | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2999) return month(cell, 1, 'YEAR', 12);
    return day(excelSerialToDate(cell));
  }
  if (typeof cell === 'object') return 'date' in cell ? parseImportPeriod(cell.date) : null;
  const s = cell.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s))) {
    return day(validDate(+m[1]!, +m[2]!, +m[3]!));
  }
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s))) return day(validDate(+m[3]!, +m[2]!, +m[1]!));
  if ((m = /^(\d{4})-?W(\d{1,2})$/.exec(s))) return week(+m[1]!, +m[2]!);
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(s))) return month(+m[1]!, +m[2]!, 'MONTH', 1);
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(s))) return month(+m[2]!, +m[1]!, 'MONTH', 1);
  if ((m = /^(\d{4})[- ]?[QT]([1-4])$/.exec(s)) || (m = /^[QT]([1-4])[- ](\d{4})$/.exec(s))) {
    const [y, q] = s.startsWith('Q') || s.startsWith('T') ? [+m[2]!, +m[1]!] : [+m[1]!, +m[2]!];
    return month(y, (q - 1) * 3 + 1, 'QUARTER', 3);
  }
  if ((m = /^(\d{4})$/.exec(s))) return month(+m[1]!, 1, 'YEAR', 12);
  return null;
}

/** The text of a cell for matching and for showing in a preview. */
export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'date' in cell ? cell.date : cell.error;
  return String(cell);
}
