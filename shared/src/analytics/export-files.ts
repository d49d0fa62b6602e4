import { utf8ToBytes } from '@noble/hashes/utils.js';
import { translate, type Locale } from '../i18n/index';
import { csvText } from '../payroll/csv';
import { wallClock } from '../time/zone';
import { crc32, exportIdField, UNSIGNED_SEAL_FIELD, type ExportFormat } from './export-seal';

/**
 * The pure parts of the export files (issue 13): the metadata every file carries, the CSV text, and the PNG
 * text chunks. The client's builders (client/src/exports/) draw the PNG and the PDF around them.
 */

export interface ExportMeta {
  exportId: string;
  viewId: string;
  title: string;
  /** UTC instant (ISO 8601 with milliseconds): the one the server signs. */
  exportedAt: string;
  /** The organisation's zone, the local time shown beside the UTC instant. */
  timezone: string;
  orgId: string;
  orgName: string;
  projectName: string | null;
  /** The exporting user's name (and the account id, signed). */
  exportedBy: string;
  accountId: string;
  filters: readonly { label: string; value: string }[];
}

export interface ExportTableData {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2026-12-06 01:02 (Europe/Paris)": the export instant in the organisation's zone. */
export function localStamp(iso: string, tz: string): string {
  const w = wallClock(Date.parse(iso), tz);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)} ${pad2(w.hour)}:${pad2(w.minute)} (${tz})`;
}

/** coulisses-analytics-dashboard-20261206-0130.pdf (local time of the organisation). */
export function exportFileName(viewId: string, exportedAt: string, tz: string, format: ExportFormat): string {
  const w = wallClock(Date.parse(exportedAt), tz);
  const slug = viewId.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return `coulisses-${slug}-${w.year}${pad2(w.month)}${pad2(w.day)}-${pad2(w.hour)}${pad2(w.minute)}.${format}`;
}

/** The metadata as label/value pairs, in the order files print them (the export id field last but one, the seal apart). */
export function metaLines(meta: ExportMeta, locale: Locale): [string, string][] {
  const t = (k: string) => translate(locale, `exportsFile.${k}`);
  const lines: [string, string][] = [
    [t('title'), meta.title],
    [t('exportedAt'), localStamp(meta.exportedAt, meta.timezone)],
    [t('exportedAtUtc'), meta.exportedAt],
    [t('organisation'), meta.orgName],
    [t('project'), meta.projectName ?? t('allProjects')],
    [t('exportedBy'), meta.exportedBy],
  ];
  for (const f of meta.filters) lines.push([`${t('filter')} ${f.label}`, f.value]);
  lines.push([t('exportId'), exportIdField(meta.exportId)]);
  return lines;
}

function cell(value: string | number | null, locale: Locale): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(Math.round(value * 1e6) / 1e6);
    return locale === 'fr' ? text.replace('.', ',') : text;
  }
  return csvText(value);
}

/**
 * The CSV of a view, French-Excel friendly: UTF-8 with a BOM, `;` separators, CRLF, decimal comma in French.
 * Metadata lines `# label;value` first, each table after a blank line with a `# title` line, the seal line last.
 * Every line has the same number of fields (padded with empty ones) so that strict parsers read it whole.
 */
export function buildCsv(meta: ExportMeta, tables: readonly ExportTableData[], locale: Locale): string {
  const width = Math.max(2, ...tables.map((t) => t.columns.length));
  const line = (fields: string[]) => fields.concat(Array(Math.max(0, width - fields.length)).fill('')).join(';');
  const out: string[] = [];
  for (const [label, value] of metaLines(meta, locale)) out.push(line([csvText(`# ${label}`), csvText(value)]));
  for (const table of tables) {
    out.push(line([]));
    out.push(line([csvText(`# ${table.title}`)]));
    out.push(line(table.columns.map((c) => csvText(c))));
    for (const row of table.rows) out.push(line(row.map((v) => cell(v, locale))));
  }
  out.push(line([]));
  out.push(line([`# ${translate(locale, 'exportsFile.seal')}`, UNSIGNED_SEAL_FIELD]));
  return '\ufeff' + out.join('\r\n') + '\r\n';
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return utf8ToBytes(text);
}

/** A PNG iTXt chunk (keyword, UTF-8 text, uncompressed), length + type + data + CRC. */
export function pngTextChunk(keyword: string, text: string): Uint8Array {
  const key = Uint8Array.from(keyword, (c) => c.charCodeAt(0));
  const value = utf8(text);
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  const data = new Uint8Array(key.length + 5 + value.length);
  data.set(key, 0);
  let at = key.length;
  data[at++] = 0;
  data[at++] = 0;
  data[at++] = 0;
  data[at++] = 0;
  data[at++] = 0;
  data.set(value, at);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([0x69, 0x54, 0x58, 0x74], 4); // iTXt
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/** Inserts chunks just before IEND (the last 12 bytes of a well-formed PNG). */
export function insertPngChunks(png: Uint8Array, chunks: readonly Uint8Array[]): Uint8Array {
  const iend = png.length - 12;
  if (iend < 8 || String.fromCharCode(...png.subarray(iend + 4, iend + 8)) !== 'IEND') throw new Error('PNG must end with IEND');
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + total);
  out.set(png.subarray(0, iend), 0);
  let at = iend;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(iend), at);
  return out;
}

/** The metadata and seal chunks of a PNG export: one iTXt per metadata line, then the seal (ASCII) in its own. */
export function pngMetaChunks(meta: ExportMeta, locale: Locale): Uint8Array[] {
  const chunks = [pngTextChunk('Software', 'Coulisses Crew'), pngTextChunk('Title', meta.title)];
  const comment = metaLines(meta, locale).map(([k, v]) => `${k}: ${v}`).join('\n');
  chunks.push(pngTextChunk('Comment', comment));
  chunks.push(pngTextChunk('Coulisses-Export', exportIdField(meta.exportId)));
  chunks.push(pngTextChunk('Coulisses-Seal', UNSIGNED_SEAL_FIELD));
  return chunks;
}
