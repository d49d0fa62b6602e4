import { describe, expect, it } from 'vitest';
import { csvText, euros, frDecimal, paieMensuelleCsv } from '../src/payroll/csv';
import type { PayrollRow } from '../src/payroll/monthly';

const HEADER = 'personne;type_contrat;mois;jours_travailles;heures;cachets;heures_france_travail;heures_nuit;brut_horaire;brut_cachets;brut_forfait;majoration_nuit;brut_total';
const row = (name: string, extra: Partial<PayrollRow> = {}): PayrollRow => ({
  userId: name,
  name,
  contractType: 'CDI',
  month: '2026-10',
  daysWorked: 2,
  hours: 16.78,
  cachets: 0,
  franceTravailHours: 16.78,
  nightHours: 7.22,
  grossHourlyCents: 31049,
  grossCachetCents: 0,
  grossFlatCents: 0,
  nightPremiumCents: 3338,
  grossCents: 34387,
  unrated: 0,
  ...extra,
});

describe('paieMensuelleCsv', () => {
  it('has the exact header, CRLF line ends, no BOM', () => {
    const csv = paieMensuelleCsv([]);
    expect(csv).toBe(`${HEADER}\r\n`);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes decimals with a comma and amounts in euros with 2 decimals', () => {
    const lines = paieMensuelleCsv([row('Andre Bob')]).split('\r\n');
    expect(lines[1]).toBe('Andre Bob;CDI;2026-10;2;16,78;0;16,78;7,22;310,49;0,00;0,00;33,38;343,87');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('writes cachets and France Travail hours', () => {
    const line = paieMensuelleCsv([row('Zola Ana', { contractType: 'INTERMITTENT', hours: 2, cachets: 2, franceTravailHours: 26, nightHours: 0, grossHourlyCents: 0, grossCachetCents: 29600, grossFlatCents: 25000, nightPremiumCents: 0, grossCents: 54600 })]).split('\r\n')[1];
    expect(line).toBe('Zola Ana;INTERMITTENT;2026-10;2;2,00;2;26,00;0,00;0,00;296,00;250,00;0,00;546,00');
  });

  it('sorts rows by name', () => {
    const names = paieMensuelleCsv([row('Zola Ana'), row('\u00c9tienne Eve'), row('Andre Bob')])
      .split('\r\n')
      .slice(1, 4)
      .map((l) => l.split(';')[0]);
    expect(names).toEqual(['Andre Bob', '\u00c9tienne Eve', 'Zola Ana']);
  });

  it.each<[string, string, string]>([
    ['a plain name', 'Dupont Marie', 'Dupont Marie'],
    ['a semicolon is quoted', 'Dupont; Marie', '"Dupont; Marie"'],
    ['quotes are doubled and quoted', 'Dupont "Mimi" Marie', '"Dupont ""Mimi"" Marie"'],
    ['a line break is quoted', 'Dupont\nMarie', '"Dupont\nMarie"'],
    ['a formula (=) is neutralised', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a formula (+) is neutralised', '+33 6 12', "'+33 6 12"],
    ['a formula (-) is neutralised', '-2+3', "'-2+3"],
    ['a formula (@) is neutralised', '@SUM(A1)', "'@SUM(A1)"],
    ['a dash inside is fine', 'Martin-Durand Lea', 'Martin-Durand Lea'],
  ])('csvText: %s', (_name, value, expected) => {
    expect(csvText(value)).toBe(expected);
    expect(paieMensuelleCsv([row(value)]).split('\r\n').slice(1).join('\r\n').startsWith(`${expected};`)).toBe(true);
  });

  it.each<[number, string]>([
    [0, '0,00'],
    [5, '0,05'],
    [123456, '1234,56'],
    [-150, '-1,50'],
  ])('euros(%i) = %s', (cents, expected) => {
    expect(euros(cents)).toBe(expected);
  });

  it.each<[number, string]>([
    [7.5, '7,50'],
    [0, '0,00'],
    [16.78, '16,78'],
  ])('frDecimal(%d) = %s', (value, expected) => {
    expect(frDecimal(value)).toBe(expected);
  });
});
