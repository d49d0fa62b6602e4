import { cellText, parseImportNumber, parseImportPeriod, type ImportRow } from './cells';
import { kpiLookup, normaliseName, type ImportKpi, type ImportMapping } from './rows';

const HEADER_WORDS = {
  kpi: ['kpi', 'indicateur', 'indicator', 'kpi id', 'id kpi', 'code', 'nom', 'name', 'kpi name', 'nom du kpi', 'nom de l indicateur'],
  period: ['periode', 'period', 'date', 'mois', 'month', 'semaine', 'week', 'trimestre', 'quarter', 'annee', 'year', 'jour', 'day', 'debut', 'period start'],
  value: ['valeur', 'value', 'realise', 'actual', 'montant', 'amount', 'resultat', 'result', 'mesure', 'measure'],
  comment: ['commentaire', 'comment', 'comments', 'commentaires', 'note', 'notes', 'remarque', 'remarques'],
} as const;

function headerScore(header: string, words: readonly string[]): number {
  const h = normaliseName(header).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (words.includes(h)) return 3;
  return words.some((w) => h.split(' ').includes(w)) ? 2 : 0;
}

/**
 * A first guess at the mapping from the header names, then from the sample rows: the column whose values name
 * KPIs, the one whose values read as periods, the one whose values read as numbers. Null when a role finds no
 * column; the user confirms or changes it in the preview.
 */
export function suggestMapping(headers: readonly string[], sample: readonly ImportRow[], kpis: readonly ImportKpi[]): { kpi: number | null; period: number | null; value: number | null; comment: number | null } {
  const find = kpiLookup(kpis);
  const n = headers.length;
  const taken = new Set<number>();
  const ratio = (i: number, ok: (text: string, row: ImportRow) => boolean) => {
    const cells = sample.map((r) => ({ r, t: cellText(r.cells[i] ?? null).trim() })).filter((x) => x.t !== '');
    return cells.length ? cells.filter((x) => ok(x.t, x.r)).length / cells.length : 0;
  };
  const pick = (role: keyof typeof HEADER_WORDS, data?: (i: number) => number): number | null => {
    let best: number | null = null;
    let bestScore = 0;
    for (let i = 0; i < n; i++) {
      if (taken.has(i)) continue;
      const score = headerScore(headers[i] ?? '', HEADER_WORDS[role]) + (data ? data(i) * 2 : 0);
      if (score > bestScore) { best = i; bestScore = score; }
    }
    if (best !== null && bestScore >= 1) { taken.add(best); return best; }
    return null;
  };
  const kpi = pick('kpi', (i) => ratio(i, (t) => typeof find(t) !== 'string'));
  const period = pick('period', (i) => ratio(i, (_t, r) => parseImportPeriod(r.cells[i] ?? null) !== null));
  const value = pick('value', (i) => ratio(i, (_t, r) => typeof parseImportNumber(r.cells[i] ?? null) === 'number'));
  const comment = pick('comment');
  return { kpi, period, value, comment };
}

/** A complete mapping, or null when a required role has no column. */
export function completeMapping(m: { kpi: number | null; period: number | null; value: number | null; comment: number | null }): ImportMapping | null {
  if (m.kpi === null || m.period === null || m.value === null) return null;
  return { kpi: m.kpi, period: m.period, value: m.value, comment: m.comment };
}
