import type { ImportRow } from '@coulisses/shared/kpi/import/index';

/**
 * Text of a CSV file: UTF-8 (its BOM dropped), or Windows-1252 when the bytes are not UTF-8 (what Excel's
 * "CSV (separateur: point-virgule)" writes on a French Windows).
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the first record: the most frequent of ; , and tab outside quotes (; when tied: French Excel). */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/**
 * RFC 4180 records with the line each starts on (1-based): quoted fields may hold the separator, "" and line
 * breaks; CRLF, LF and CR all end a record; a quote inside an unquoted field is kept as it is. Every cell is text
 * (numbers and dates are read by the shared rules).
 */
export function parseCsv(text: string, sep = detectSeparator(text)): ImportRow[] {
  const rows: ImportRow[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    cells.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '' && !wasQuoted) { quoted = true; wasQuoted = true; continue; }
    if (ch === sep) { endField(); continue; }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line += 1;
      rowLine = line;
      continue;
    }
    field += ch;
  }
  if (field !== '' || cells.length > 0 || wasQuoted) endRow();
  return rows;
}
