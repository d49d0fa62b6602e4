import type { Translate } from '../i18n/i18n-context';
import type { ExportView } from './view';

/** Fixed data of the sample view (design page, e2e): five days of planned and actual hours. */
export const DEMO_DAYS = [
  { day: '2026-03-02', planned: 40, actual: 38.5 },
  { day: '2026-03-03', planned: 36, actual: 37 },
  { day: '2026-03-04', planned: 44, actual: 41.25 },
  { day: '2026-03-05', planned: 32, actual: 32 },
  { day: '2026-03-06', planned: 48, actual: 50.5 },
] as const;

/** Draws the sample bar chart on a canvas (what a uPlot or heatmap canvas is to a real view). */
export function drawDemoChart(canvas: HTMLCanvasElement): void {
  canvas.width = 600;
  canvas.height = 240;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 600, 240);
  const max = 60;
  DEMO_DAYS.forEach((d, i) => {
    const x = 40 + i * 110;
    ctx.fillStyle = '#3b6fd8';
    ctx.fillRect(x, 220 - (d.planned / max) * 200, 40, (d.planned / max) * 200);
    ctx.fillStyle = '#e07b24';
    ctx.fillRect(x + 44, 220 - (d.actual / max) * 200, 40, (d.actual / max) * 200);
  });
  ctx.strokeStyle = '#333';
  ctx.beginPath();
  ctx.moveTo(30, 220);
  ctx.lineTo(590, 220);
  ctx.stroke();
}

/** The sample view of the signed organisation. */
export function demoView(t: Translate, org: { id: string; name: string }, canvas: HTMLCanvasElement): ExportView {
  return {
    viewId: 'design.sample',
    title: t('exportsDemo.viewTitle'),
    filters: [{ label: t('exportsDemo.period'), value: t('exportsDemo.periodValue') }],
    filterValues: { from: '2026-03-02', to: '2026-03-06', projectId: null },
    orgId: org.id,
    orgName: org.name,
    projectName: null,
    tables: [{ title: t('exportsDemo.table'), columns: [t('exportsDemo.day'), t('exportsDemo.planned'), t('exportsDemo.actual')], rows: DEMO_DAYS.map((d) => [d.day, d.planned, d.actual]) }],
    charts: [{ title: t('exportsDemo.chart'), canvas }],
  };
}
