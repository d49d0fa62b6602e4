import { isSafeText } from '@coulisses/shared';
import { cellText, isEmptyRow, type ImportFormat, type ImportRow } from '@coulisses/shared/kpi/import/index';
import { AppError } from '../../http/errors';
import { decodeCsv, parseCsv } from './csv';
import { readXlsx } from './xlsx';

/** Data rows an import may hold (a bigger file is 413 IMPORT_TOO_MANY_ROWS). */
export const MAX_IMPORT_ROWS = 100_000;

/** A sheet read from an uploaded file: its header names (one per column) and its data rows. */
export interface ImportSheet {
  format: ImportFormat;
  columns: string[];
  rows: ImportRow[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Uint8Array, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** Text, not a binary file: few control characters other than tab and line breaks in its first 8 KB. */
function looksLikeText(buf: Uint8Array): boolean {
  const head = buf.subarray(0, 8192);
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control += 1;
  return control <= Math.max(2, head.length / 100);
}

/** "A", "B", ... "AA": the name of a column without a header. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Reads an upload by its content, not its name: a zip is an .xlsx workbook, an old binary .xls is refused with
 * its own code (save as .xlsx), other binary content is not a spreadsheet, text is CSV. The first non-empty row
 * is the header.
 */
export async function readSheet(bytes: Uint8Array): Promise<ImportSheet> {
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY');
  let format: ImportFormat;
  let all: ImportRow[];
  if (startsWith(bytes, ZIP)) {
    format = 'xlsx';
    all = await readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } else if (startsWith(bytes, OLE)) {
    throw new AppError('IMPORT_XLS_UNSUPPORTED');
  } else if (looksLikeText(bytes)) {
    format = 'csv';
    all = parseCsv(decodeCsv(bytes));
  } else {
    throw new AppError('IMPORT_NOT_A_SPREADSHEET');
  }
  const headerAt = all.findIndex((r) => !isEmptyRow(r));
  if (headerAt < 0) throw new AppError('IMPORT_EMPTY');
  const header = all[headerAt]!;
  const rows = all.slice(headerAt + 1);
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', undefined, undefined, { max: MAX_IMPORT_ROWS });
  const width = Math.max(header.cells.length, ...rows.slice(0, 50).map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, i) => {
    const name = cellText(header.cells[i] ?? null).trim().slice(0, 200);
    return name && isSafeText(name) ? name : columnLetter(i);
  });
  return { format, columns, rows };
}
