/**
 * The analytics PDF bench page: the direction dashboard of the bench slices (computeDashboard, on this page: the
 * figures are not what is timed), drawn as the page's two charts (the 7 x 24 heatmap and the daily curves, plain
 * canvases as the page draws them), and its tables (indicators, heatmap, daily series, incidents), turned into a
 * PDF by the exports part's builder (client/src/exports/pdf.ts, buildPdfFile). window.__pdfBench.run times it.
 */
import { computeDashboard } from '@coulisses/shared/analytics/dashboard';
import type { DashboardResult } from '@coulisses/shared/analytics/dashboard-types';
import { buildPdfFile } from '../../../../client/src/exports/pdf';
import type { ExportView } from '../../../../client/src/exports/view';
import { DEFAULT_OPTIONS, generateSlices } from '../data';

declare global {
  interface Window {
    __pdfBench: { run(runs: number): Promise<{ ms: number[]; bytes: number; head: string; sealed: boolean; pages: number }> };
  }
}

const DAYS = ['Lun', 'Mar', 'Mer', 'Jeu', 'Ven', 'Sam', 'Dim'];

function heatmapCanvas(r: DashboardResult): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 24 * 36 + 60;
  c.height = 7 * 30 + 20;
  const g = c.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, c.width, c.height);
  const max = r.heatmap.overall.max || 1;
  for (let d = 0; d < 7; d++) {
    g.fillStyle = '#222';
    g.font = '12px sans-serif';
    g.fillText(DAYS[d]!, 4, 20 + d * 30 + 18);
    for (let h = 0; h < 24; h++) {
      const v = r.heatmap.overall.cells[d * 24 + h]! / max;
      g.fillStyle = `rgba(30, 90, 200, ${v.toFixed(3)})`;
      g.fillRect(60 + h * 36, 20 + d * 30, 34, 28);
    }
  }
  return c;
}

function curvesCanvas(r: DashboardResult): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 1200;
  c.height = 360;
  const g = c.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, c.width, c.height);
  const series = [r.series.plannedMinutes, r.series.actualMinutes, r.series.comparePlannedMinutes ?? []];
  const max = Math.max(1, ...series.flat().map((v) => v ?? 0));
  const colors = ['#1e5ac8', '#d9480f', '#999'];
  series.forEach((s, k) => {
    g.strokeStyle = colors[k]!;
    g.beginPath();
    s.forEach((v, i) => {
      const x = 20 + (i * (c.width - 40)) / Math.max(1, s.length - 1);
      const y = c.height - 20 - ((v ?? 0) / max) * (c.height - 40);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    });
    g.stroke();
  });
  return c;
}

const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);

function viewOf(r: DashboardResult): ExportView {
  const c = r.current;
  const p = r.comparison!;
  const row = (label: string, a: number | null, b: number | null): (string | number | null)[] => [label, a, b];
  return {
    viewId: 'analytics.dashboard',
    title: 'Tableau de bord de direction',
    filters: [{ label: 'Periode', value: `${r.period.from} - ${r.period.to}` }, { label: 'Comparaison', value: 'periode precedente' }],
    filterValues: { from: r.period.from, to: r.period.to, compare: 'previous' },
    orgId: 'bench-org',
    orgName: 'Compagnie du Grand Plateau',
    projectName: null,
    charts: [
      { title: 'Charge prevue par jour et heure', canvas: heatmapCanvas(r) },
      { title: 'Heures prevues et realisees par jour', canvas: curvesCanvas(r) },
    ],
    tables: [
      {
        title: 'Indicateurs',
        columns: ['Indicateur', 'Periode', 'Comparaison'],
        rows: [
          row('Taux de couverture', c.coverageRate, p.coverageRate), row('Heures prevues', hours(c.plannedMinutes), hours(p.plannedMinutes)),
          row('Heures realisees', hours(c.actualMinutes), hours(p.actualMinutes)), row('Ecart %', c.variancePct, p.variancePct),
          row('Heures supplementaires', hours(c.overtimeMinutes), hours(p.overtimeMinutes)), row('Heures de nuit', hours(c.nightMinutes), hours(p.nightMinutes)),
          row('Retards', c.lateStarts, p.lateStarts), row('Masse salariale (EUR)', c.payrollCents === null ? null : c.payrollCents / 100, p.payrollCents === null ? null : p.payrollCents / 100),
          row('Cout horaire moyen (EUR)', c.avgHourlyCostCents === null ? null : c.avgHourlyCostCents / 100, p.avgHourlyCostCents === null ? null : p.avgHourlyCostCents / 100),
          row('Incidents', c.incidents.total, p.incidents.total),
        ],
      },
      { title: 'Charge prevue (heures-personnes)', columns: ['Jour', ...Array.from({ length: 24 }, (_, h) => `${h}h`)], rows: DAYS.map((d, i) => [d, ...r.heatmap.overall.cells.slice(i * 24, i * 24 + 24).map((v) => Math.round(v / 60))]) },
      { title: 'Par jour', columns: ['Jour', 'Prevues (h)', 'Realisees (h)', 'Jour compare', 'Prevues compare (h)'], rows: r.series.days.map((d, i) => [d, hours(r.series.plannedMinutes[i]!), hours(r.series.actualMinutes[i]!), r.series.compareDays?.[i] ?? null, hours(r.series.comparePlannedMinutes?.[i] ?? null)]) },
      { title: 'Incidents par lieu et categorie', columns: ['Lieu', 'Categorie', 'Total', 'Ouverts', 'Clos'], rows: r.incidents.byVenueCategory.map((g) => [g.venueId, g.category, g.total, g.open, g.closed]) },
    ],
  };
}

window.__pdfBench = {
  async run(runs) {
    const { teamMembers: _t, months: _m, ...slices } = generateSlices(DEFAULT_OPTIONS);
    const result = computeDashboard({ ...slices, filters: { from: '2026-01-01', to: '2026-12-31' }, compare: 'previous' });
    const view = viewOf(result);
    for (const chart of view.charts) document.getElementById('charts')!.append(chart.canvas);
    const meta = {
      exportId: '0193a8b0-0000-7000-8000-000000000001', viewId: view.viewId, title: view.title, exportedAt: '2026-12-06T01:00:00.000Z', timezone: 'Europe/Paris',
      orgId: view.orgId, orgName: view.orgName, projectName: null, exportedBy: 'Alice Martin', accountId: 'bench-account', filters: view.filters,
    };
    const ms: number[] = [];
    let bytes = new Uint8Array();
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      bytes = await buildPdfFile(view, meta, 'fr');
      ms.push(performance.now() - t);
    }
    const text = new TextDecoder('latin1').decode(bytes);
    return { ms, bytes: bytes.length, head: text.slice(0, 8), sealed: text.includes('CCSEAL1:'), pages: (text.match(/\/Type \/Page\b/g) ?? []).length };
  },
};
document.getElementById('status')!.textContent = 'ready';
