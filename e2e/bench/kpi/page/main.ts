/**
 * The KPI bench page: the app's own KPI worker client (client/src/workers/kpi-client.ts, which bundles
 * kpi.worker.ts) called through comlink, and the app's DirectionView rendered with React into this page with the
 * app's stylesheet and i18n. The Node runner (run-kpi.ts) calls window.__kpiBench and reads the figures.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { DirectionSummary } from '@coulisses/shared/kpi/board';
import { I18nProvider } from '../../../../client/src/i18n/I18nProvider';
import { DirectionView } from '../../../../client/src/pages/kpi/direction/DirectionView';
import { kpiWorker } from '../../../../client/src/workers/kpi-client';
import '../../../../client/src/styles.css';
import type { KpiBenchApi, KpiSample, RenderSample } from './api';

declare global {
  interface Window {
    __kpiBench: KpiBenchApi;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const root = createRoot(document.getElementById('root')!);
const personName = (id: string) => `Personne ${id}`;

function view(summary: DirectionSummary) {
  return createElement(I18nProvider, null, createElement(DirectionView, { summary, asOf: '2026-12-09T07:30:00.000Z', zone: 'Europe/Paris', personName }));
}

window.__kpiBench = {
  async tiles(request, runs) {
    const out: KpiSample[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await kpiWorker().dashboardTiles(request);
      out.push({ ...res.stats, roundTripMs: performance.now() - started, answered: res.tiles.length });
    }
    return out;
  },
  async direction(request, runs) {
    const out: KpiSample[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await kpiWorker().direction(request);
      out.push({ ...res.stats, roundTripMs: performance.now() - started, answered: res.summary.topRisks.length });
    }
    return out;
  },
  async render(request, runs, empty) {
    const { summary } = await kpiWorker().direction(request);
    const shown: DirectionSummary = empty ? { ...summary, dashboards: [], processes: [], topRisks: [], overdueActions: [], openActionsByOwner: [] } : summary;
    const out: RenderSample[] = [];
    for (let i = 0; i < runs; i++) {
      flushSync(() => root.render(null));
      await nextFrame();
      const started = performance.now();
      flushSync(() => root.render(view(shown)));
      const commitMs = performance.now() - started;
      await nextFrame();
      out.push({ commitMs, paintMs: performance.now() - started, elements: document.getElementById('root')!.querySelectorAll('*').length });
    }
    return out;
  },
};
document.getElementById('status')!.textContent = 'ready';
