import ExcelJS from 'exceljs';
import type { ImportCell, ImportRow } from '@coulisses/shared/kpi/import/index';
import { AppError } from '../../http/errors';

/** Uncompressed size a workbook may unpack to (a zip bomb is refused before exceljs inflates it). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/**
 * The sum of the uncompressed sizes in a zip's central directory, or null when it has none (not a zip). Read
 * from the End Of Central Directory record at the end of the file.
 */
export function unzippedSize(buf: Buffer): number | null {
  const min = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      const size = buf.readUInt32LE(p + 24);
      total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  return null;
}

const round = (n: number) => Number(n.toPrecision(15));

/** One cell as the shared rules read it: cached results of formulas, dates as local days, percentages as shown. */
export function toImportCell(cell: ExcelJS.Cell): ImportCell {
  return convert(cell.value, cell.numFmt ?? '');
}

function convert(v: ExcelJS.CellValue, numFmt: string): ImportCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return /%/.test(numFmt.replace(/"[^"]*"/g, '')) ? round(v * 100) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  // exceljs builds the Date of a date cell at UTC midnight of the day shown (plus the time of day, if any).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : { date: v.toISOString().slice(0, 10) };
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return String(v.text ?? '');
  if ('formula' in v || 'sharedFormula' in v) {
    // A formula counts by its result as the program that saved the file computed it; none saved: an error.
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? { error: '#NO_RESULT' } : convert(result, numFmt);
  }
  return null;
}

/**
 * The rows of the first visible worksheet that has any (line = the sheet's row number). Refuses a file that is
 * not a workbook (400 IMPORT_NOT_A_SPREADSHEET) and one that would unpack beyond MAX_UNZIPPED_BYTES (413).
 */
export async function readXlsx(buf: Buffer): Promise<ImportRow[]> {
  const size = unzippedSize(buf);
  if (size === null) throw new AppError('IMPORT_NOT_A_SPREADSHEET');
  if (size > MAX_UNZIPPED_BYTES) throw new AppError('IMPORT_TOO_LARGE');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('IMPORT_NOT_A_SPREADSHEET');
  }
  const sheet = wb.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 0) ?? wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ImportCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = toImportCell(cell);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}
