import { isSafeText } from '../../sync/json-safety';
import { periodEndOf, periodStartOf, type KpiFrequency } from '../periods';
import { cellText, parseImportNumber, parseImportPeriod, type ImportCell, type ImportRow } from './cells';

/** Which column (0-based index) holds what; the comment column is optional. */
export interface ImportMapping {
  kpi: number;
  period: number;
  value: number;
  comment?: number | null;
}

/** What the import needs to know of a KPI of the organisation. */
export interface ImportKpi {
  id: string;
  name: string;
  frequency: KpiFrequency;
  source?: string;
  active?: boolean;
}

/** A row that can be written: one value of one KPI for one period (periodStart is a start of the KPI's frequency). */
export interface ValidImportRow {
  line: number;
  kpiId: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  comment?: string;
}

export const IMPORT_ROW_ISSUES = [
  'MISSING_KPI', 'UNKNOWN_KPI', 'AMBIGUOUS_KPI', 'AUTOMATIC_KPI',
  'MISSING_PERIOD', 'BAD_PERIOD', 'PERIOD_SPANS_PERIODS',
  'MISSING_VALUE', 'NOT_A_NUMBER', 'FORMULA_ERROR',
  'COMMENT_TOO_LONG', 'UNSAFE_TEXT', 'DUPLICATE_ROW',
] as const;
export type ImportRowIssue = (typeof IMPORT_ROW_ISSUES)[number];

/** A refused row: its line in the file, the mapped column it is about (a header name), a stable code. */
export interface ImportRowError {
  line: number;
  column?: string;
  code: ImportRowIssue;
  /** For DUPLICATE_ROW: the line of the first row with the same KPI and period. */
  firstLine?: number;
}

export const MAX_COMMENT = 1000;

/** Names compare without case, accents or repeated spaces ("Taux de remplissage" = "taux de  REMPLISSAGE"). */
export function normaliseName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Finds KPIs by id, or by name when the name is not shared by two KPIs. */
export function kpiLookup(kpis: readonly ImportKpi[]): (text: string) => ImportKpi | 'UNKNOWN_KPI' | 'AMBIGUOUS_KPI' {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const byName = new Map<string, ImportKpi | null>();
  for (const k of kpis) {
    const n = normaliseName(k.name);
    byName.set(n, byName.has(n) ? null : k);
  }
  // A file names a few KPIs many times: each distinct text is looked up once.
  const seen = new Map<string, ImportKpi | 'UNKNOWN_KPI' | 'AMBIGUOUS_KPI'>();
  return (text) => {
    const cached = seen.get(text);
    if (cached) return cached;
    const t = text.trim();
    const named = byId.get(t) ?? byName.get(normaliseName(t));
    const out = named === null ? 'AMBIGUOUS_KPI' : (named ?? 'UNKNOWN_KPI');
    if (seen.size < 10_000) seen.set(text, out);
    return out;
  };
}

function unsafe(cell: ImportCell): boolean {
  return typeof cell === 'string' && !isSafeText(cell);
}

/** True when a row has no content at all (skipped, never an error). */
export function isEmptyRow(row: ImportRow): boolean {
  return row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Validates the data rows of a sheet against a mapping and the organisation's KPIs (pure). A date is read as the
 * period of the KPI's frequency that contains it (a monthly KPI and 15/03/2026: March 2026); a written period
 * (2026-W05, 2026-03, 2026-Q1, 2026) must lie within one period of the KPI's frequency (a month for a weekly KPI
 * is refused: PERIOD_SPANS_PERIODS). The second row for the same KPI and period is a DUPLICATE_ROW (the first is
 * kept). Empty rows are skipped. Each refused row yields one error: the first problem found, column by column.
 */
export function validateImportRows(rows: readonly ImportRow[], mapping: ImportMapping, kpis: readonly ImportKpi[], headers: readonly string[] = []): { valid: ValidImportRow[]; errors: ImportRowError[]; total: number } {
  const find = kpiLookup(kpis);
  const valid: ValidImportRow[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  const col = (i: number | null | undefined) => (i === null || i === undefined ? undefined : (headers[i] ?? `#${i + 1}`));
  let total = 0;
  for (const row of rows) {
    if (isEmptyRow(row)) continue;
    total += 1;
    const fail = (code: ImportRowIssue, column?: number | null, firstLine?: number) => {
      const e: ImportRowError = { line: row.line, code };
      const name = col(column);
      if (name !== undefined) e.column = name;
      if (firstLine !== undefined) e.firstLine = firstLine;
      errors.push(e);
    };
    const used = [mapping.kpi, mapping.period, mapping.value, ...(mapping.comment == null ? [] : [mapping.comment])];
    const bad = used.find((i) => unsafe(row.cells[i] ?? null));
    if (bad !== undefined) { fail('UNSAFE_TEXT', bad); continue; }

    const kpiCell = row.cells[mapping.kpi] ?? null;
    const kpiText = cellText(kpiCell).trim();
    if (!kpiText) { fail('MISSING_KPI', mapping.kpi); continue; }
    const kpi = find(kpiText);
    if (typeof kpi === 'string') { fail(kpi, mapping.kpi); continue; }
    if (kpi.source === 'AUTOMATIC') { fail('AUTOMATIC_KPI', mapping.kpi); continue; }

    const periodCell = row.cells[mapping.period] ?? null;
    if (cellText(periodCell).trim() === '') { fail('MISSING_PERIOD', mapping.period); continue; }
    const period = parseImportPeriod(periodCell);
    if (!period) { fail('BAD_PERIOD', mapping.period); continue; }
    const periodStart = periodStartOf(period.start, kpi.frequency);
    if (periodStartOf(period.end, kpi.frequency) !== periodStart) { fail('PERIOD_SPANS_PERIODS', mapping.period); continue; }

    const value = parseImportNumber(row.cells[mapping.value] ?? null);
    if (typeof value === 'string') { fail(value, mapping.value); continue; }

    let comment: string | undefined;
    if (mapping.comment != null) {
      const c = cellText(row.cells[mapping.comment] ?? null).trim();
      if (c.length > MAX_COMMENT) { fail('COMMENT_TOO_LONG', mapping.comment); continue; }
      if (c) comment = c;
    }

    const key = `${kpi.id}\u0001${periodStart}`;
    const first = seen.get(key);
    if (first !== undefined) { fail('DUPLICATE_ROW', mapping.period, first); continue; }
    seen.set(key, row.line);
    const out: ValidImportRow = { line: row.line, kpiId: kpi.id, periodStart, periodEnd: periodEndOf(periodStart, kpi.frequency), value };
    if (comment !== undefined) out.comment = comment;
    valid.push(out);
  }
  return { valid, errors, total };
}
