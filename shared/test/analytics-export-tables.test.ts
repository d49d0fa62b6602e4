import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../src/analytics/dashboard';
import { analyticsExportTables, hours2, incidentCategoryName, type AnalyticsExportFilters } from '../src/analytics/export-tables';
import { buildCsv } from '../src/analytics/export-files';
import { translate, type Locale } from '../src/i18n/index';
import { PARIS, hoursSlice, incidentsSlice, missionsSlice, paySlice } from './support/analytics-slices';

/*
 * The export tables of the direction dashboard (shared by the page's exports and the server-made CSV), on hand-made
 * slices, Europe/Paris (UTC+1 in December 2026):
 *  r1 u1 m1 P1 V1 Son  Mon 7 09:00-17:00 local  planned 480 actual 450 late 1  cost 9000
 *  r2 u2 m2 P2 V2 Son  Tue 8 22:00-02:00 local  planned 240 actual 270         cost 6000
 * m1 Son needed 2 accepted 1, m2 Son needed 1 accepted 1: 2 filled of 3. Incident i1 V1 BREAKDOWN open.
 */
const DEC = hoursSlice('2026-12', PARIS['2026-12'], [
  { day: 7, user: 'u1', mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', start: '2026-12-07T08:00:00Z', end: '2026-12-07T16:00:00Z', planned: 480, actual: 450, late: 1 },
  { day: 8, user: 'u2', mission: 'm2', project: 'P2', venue: 'V2', role: 'Son', start: '2026-12-08T21:00:00Z', end: '2026-12-09T01:00:00Z', planned: 240, actual: 270 },
]);
const SLICES = {
  hours: [DEC],
  missions: [
    missionsSlice('2026-12', PARIS['2026-12'], [
      { day: 7, mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', needed: 2, accepted: 1 },
      { day: 8, mission: 'm2', project: 'P2', venue: 'V2', role: 'Son', needed: 1, accepted: 1 },
    ]),
  ],
  incidents: [incidentsSlice('2026-12', [{ incident: 'i1', day: 7, at: '2026-12-07T10:00:00Z', venue: 'V1', project: 'P1', category: 'BREAKDOWN', open: 1 }])],
};
const FILTERS: AnalyticsExportFilters = { from: '2026-12-01', to: '2026-12-31', projectId: null, venueId: null, teamId: null, role: null, compare: 'none' };
const NAMES = { project: (id: string | null) => `Projet ${id}`, venue: (id: string | null) => (id ? `Salle ${id}` : '(aucun)'), team: (id: string | null) => `Equipe ${id}`, category: (c: string | null) => c ?? '-' };

const tables = (locale: Locale, pay: boolean, heatmapVenue = '', filters = FILTERS) =>
  analyticsExportTables({
    locale,
    result: computeDashboard({ ...SLICES, pay: pay ? [paySlice(DEC, [9000, 6000])] : undefined, filters, compare: null, teamUserIds: null }),
    filters,
    names: NAMES,
    heatmapVenue,
  });
const nb = (s: unknown) => String(s).replace(/[\u00a0\u202f]/g, ' ');

describe('analytics export tables', () => {
  it.each([
    // locale, pay, the indicator rows' values in order (16 h planned = 480 + 240 = 720 min = 12 h; actual 720 min).
    ['fr', true, ['66,7 %', '12 h 00', '12 h 00', '0 %', '0 h 00', '0 h 00', '1', '150,00 \u20ac', '12,50 \u20ac', '1']],
    ['fr', false, ['66,7 %', '12 h 00', '12 h 00', '0 %', '0 h 00', '0 h 00', '1', '1']],
    ['en', true, ['66.7%', '12h 00m', '12h 00m', '0%', '0h 00m', '0h 00m', '1', '\u20ac150.00', '\u20ac12.50', '1']],
  ] as const)('%s, pay %s: the indicator rows', (locale, pay, values) => {
    const t = tables(locale, pay);
    const ind = t.tables[0]!;
    expect(ind.title).toBe(translate(locale, 'analyticsPage.indicators'));
    expect(ind.rows.map((r) => nb(r[1]))).toEqual(values);
    const labels = ind.rows.map((r) => r[0]);
    expect(labels.includes(translate(locale, 'analyticsPage.ind.payroll'))).toBe(pay);
    // No comparison: no comparison value, no change.
    expect(ind.rows.every((r) => r[2] === null && r[3] === null)).toBe(true);
  });

  it('the filters as shown and as values; the title names the period', () => {
    const t = tables('fr', false, '', { ...FILTERS, venueId: 'V1', role: 'Son', compare: 'previous' });
    expect(t.viewId).toBe('analytics.dashboard');
    expect(nb(t.title)).toBe(`${translate('fr', 'analyticsPage.title')} - 1 d\u00e9c. 2026 - 31 d\u00e9c. 2026`);
    expect(t.filters.map((f) => f.value)).toEqual([
      '1 d\u00e9c. 2026 - 31 d\u00e9c. 2026', translate('fr', 'analyticsPage.filters.all'), 'Salle V1', translate('fr', 'analyticsPage.filters.all'), 'Son',
      translate('fr', 'analyticsPage.compare.previous'),
    ].map(nb));
    expect(t.filterValues).toEqual({ from: '2026-12-01', to: '2026-12-31', projectId: null, venueId: 'V1', teamId: null, role: 'Son', compare: 'previous', heatmapVenue: null });
    expect(t.projectName).toBeNull();
    expect(tables('fr', false, '', { ...FILTERS, projectId: 'P1' }).projectName).toBe('Projet P1');
  });

  it.each([
    // heatmap venue, title suffix, Monday 09:00 hours, Tuesday 22:00 hours
    ['', 'Tous les lieux', 1, 1],
    ['V1', 'Salle V1', 1, 0],
    ['V2', 'Salle V2', 0, 1],
  ])('heatmap of venue %j', (venue, suffix, mon9, tue22) => {
    const heat = tables('fr', false, venue).tables[2]!;
    expect(heat.columns).toHaveLength(25);
    expect(heat.rows).toHaveLength(7);
    expect(heat.rows[0]![1 + 9]).toBe(mon9);
    expect(heat.rows[1]![1 + 22]).toBe(tue22);
    expect(heat.title).toBe(`${translate('fr', 'analyticsPage.heatmap.title')} - ${suffix}`);
  });

  it('daily hours and incidents', () => {
    const t = tables('fr', false);
    const daily = t.tables[1]!;
    expect(daily.rows).toHaveLength(31);
    // 7 December: 480 planned = 8 h, 450 actual = 7.5 h; 8 December: 4 h and 4.5 h.
    expect(daily.rows[6]).toEqual(['2026-12-07', 8, 7.5]);
    expect(daily.rows[7]).toEqual(['2026-12-08', 4, 4.5]);
    expect(t.tables[3]!.rows).toEqual([['Salle V1', 'BREAKDOWN', 1, 0, 1]]);
  });

  it.each([
    [0, 0],
    [1, 0.02],
    [50, 0.83],
    [90, 1.5],
    [null, null],
    [undefined, null],
  ])('hours2(%s) = %s', (minutes, h) => {
    expect(hours2(minutes)).toBe(h);
  });

  it.each([
    ['fr', 'BREAKDOWN', translate('fr', 'analyticsPage.category.BREAKDOWN')],
    ['en', 'SAFETY', translate('en', 'analyticsPage.category.SAFETY')],
    ['fr', 'SOUND', 'SOUND'],
    ['fr', null, '(aucun)'],
  ] as const)('incident category %s %s', (locale, c, name) => {
    expect(incidentCategoryName(locale, c)).toBe(name);
  });

  it('the CSV of the tables: every line the same width, the seal line last', () => {
    const t = tables('fr', true);
    const csv = buildCsv({ exportId: '0190f0e0-0000-7000-8000-000000000000', viewId: t.viewId, title: t.title, exportedAt: '2026-12-10T12:00:00.000Z', timezone: 'Europe/Paris', orgId: 'o', orgName: 'Org', projectName: null, exportedBy: 'Ana', accountId: 'a', filters: t.filters }, t.tables, 'fr');
    const lines = csv.slice(1).split('\r\n').slice(0, -1);
    expect(new Set(lines.map((l) => l.split(';').length))).toEqual(new Set([25]));
    expect(lines[lines.length - 1]!.startsWith('# Sceau;CCSEAL1:UNSIGNED')).toBe(true);
  });
});
