import { byName, type PayrollRow } from './monthly';

/** The header of the monthly payroll export, in this order. */
export const PAIE_MENSUELLE_COLUMNS = [
  'personne',
  'type_contrat',
  'mois',
  'jours_travailles',
  'heures',
  'cachets',
  'heures_france_travail',
  'heures_nuit',
  'brut_horaire',
  'brut_cachets',
  'brut_forfait',
  'majoration_nuit',
  'brut_total',
] as const;

const CRLF = '\r\n';

/**
 * A text cell: a value starting with = + - @ (or a tab or carriage return) gets a leading apostrophe so a
 * spreadsheet does not run it as a formula; a value containing ; " CR or LF is quoted, quotes doubled.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with 2 decimals and a decimal comma (French spreadsheets): 7.5 -> "7,50". */
export function frDecimal(value: number): string {
  return value.toFixed(2).replace('.', ',');
}

/** Integer cents as euros with 2 decimals and a decimal comma: 123456 -> "1234,56". */
export function euros(cents: number): string {
  const c = Math.round(cents);
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The monthly payroll export "paie mensuelle": semicolon separated, CRLF line ends (the last line too), one
 * row per person sorted by name, decimal commas, euros with 2 decimals. The string is meant to be written as
 * UTF-8 with no byte order mark. Amounts are gross figures for the payroll office: no tax, no contribution.
 */
export function paieMensuelleCsv(rows: readonly PayrollRow[]): string {
  const lines = [PAIE_MENSUELLE_COLUMNS.join(';')];
  for (const r of [...rows].sort(byName)) {
    lines.push(
      [
        csvText(r.name),
        csvText(r.contractType ?? ''),
        csvText(r.month),
        String(r.daysWorked),
        frDecimal(r.hours),
        String(r.cachets),
        frDecimal(r.franceTravailHours),
        frDecimal(r.nightHours),
        euros(r.grossHourlyCents),
        euros(r.grossCachetCents),
        euros(r.grossFlatCents),
        euros(r.nightPremiumCents),
        euros(r.grossCents),
      ].join(';'),
    );
  }
  return lines.join(CRLF) + CRLF;
}
