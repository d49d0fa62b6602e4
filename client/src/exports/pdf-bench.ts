import type { ExportMeta } from '@coulisses/shared/analytics/export-files';
import { buildPdfFile } from './pdf';
import type { ExportView } from './view';

/**
 * The PDF export of a dashboard-sized view, timed (issue 13 item 9: target <= 3 s), for the analytics bench: the
 * direction dashboard's parts at their real sizes, drawn on canvases (a comparison curve 1200 x 400, the heatmap 7
 * x 24 at 960 x 300, a per-venue heatmap), the indicator table, the heatmap as a 168-row table and 120 incidents.
 */
function canvas(w: number, h: number, paint: (ctx: CanvasRenderingContext2D) => void): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    paint(ctx);
  }
  return c;
}

function curve(ctx: CanvasRenderingContext2D): void {
  for (const [color, phase] of [['#3b6fd8', 0], ['#e07b24', 1.3]] as const) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let d = 0; d <= 90; d++) ctx.lineTo(40 + d * 12.5, 200 - 120 * Math.sin(d / 9 + phase) * Math.cos(d / 23));
    ctx.stroke();
  }
}

function heatmap(ctx: CanvasRenderingContext2D, seed: number): void {
  for (let day = 0; day < 7; day++) {
    for (let hour = 0; hour < 24; hour++) {
      const v = (Math.sin(day * 3.1 + hour * 0.7 + seed) + 1) / 2;
      ctx.fillStyle = `rgb(${Math.round(255 - 200 * v)}, ${Math.round(240 - 120 * v)}, 255)`;
      ctx.fillRect(40 + hour * 38, 10 + day * 40, 37, 39);
    }
  }
}

export function dashboardBenchView(): ExportView {
  const days = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
  return {
    viewId: 'analytics.dashboard',
    title: 'Tableau de direction',
    filters: [{ label: 'Periode', value: '1 janv. - 31 mars 2026' }, { label: 'Comparaison', value: 'periode precedente' }],
    filterValues: { from: '2026-01-01', to: '2026-03-31', compare: 'previous', projectId: null },
    orgId: 'bench-org',
    orgName: 'Compagnie du Grand Plateau',
    projectName: null,
    charts: [
      { title: 'Heures prevues et realisees par jour', canvas: canvas(1200, 400, curve) },
      { title: 'Charge par heure et jour', canvas: canvas(960, 300, (ctx) => heatmap(ctx, 0)) },
      { title: 'Charge - Theatre du Grand Plateau', canvas: canvas(960, 300, (ctx) => heatmap(ctx, 2)) },
    ],
    tables: [
      { title: 'Indicateurs', columns: ['Indicateur', 'Valeur', 'Comparaison', 'Ecart %'], rows: Array.from({ length: 12 }, (_, i) => [`Indicateur ${i + 1}`, 1000 + i * 37.5, 950 + i * 31, 5.2 - i]) },
      { title: 'Charge par heure', columns: ['Jour', 'Heure', 'Personnes-heures'], rows: Array.from({ length: 168 }, (_, i) => [days[Math.floor(i / 24)]!, `${i % 24} h`, Math.round(50 * (1 + Math.sin(i / 5)))]) },
      { title: 'Incidents', columns: ['Lieu', 'Categorie', 'Gravite', 'Statut', 'Date'], rows: Array.from({ length: 120 }, (_, i) => [`Lieu ${i % 4}`, 'SOUND', i % 3 ? 'MINOR' : 'MAJOR', i % 2 ? 'OPEN' : 'CLOSED', `2026-03-${String((i % 28) + 1).padStart(2, '0')}`]) },
    ],
  };
}

export interface PdfBenchResult {
  coldMs: number;
  medianMs: number;
  maxMs: number;
  bytes: number;
  runs: number;
}

/** Builds the dashboard PDF `runs` times after a cold run (jsPDF's first load included in coldMs). */
export async function timeDashboardPdf(runs = 5): Promise<PdfBenchResult> {
  const view = dashboardBenchView();
  const meta: ExportMeta = {
    exportId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', viewId: view.viewId, title: view.title, exportedAt: new Date().toISOString(),
    timezone: 'Europe/Paris', orgId: view.orgId, orgName: view.orgName, projectName: null, exportedBy: 'Bench', accountId: 'bench', filters: view.filters,
  };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    bytes = (await buildPdfFile(view, meta, 'fr')).length;
    times.push(performance.now() - t0);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  return { coldMs: times[0]!, medianMs: warm[Math.floor(warm.length / 2)] ?? times[0]!, maxMs: Math.max(...times), bytes, runs };
}
