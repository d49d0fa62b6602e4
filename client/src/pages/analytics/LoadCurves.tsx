import type { DashboardSeries } from '@coulisses/shared/analytics/dashboard-types';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { useTheme } from '../../ui';
import { cssToken, shortDate } from './chart-style';

const hours = (list: readonly (number | null)[] | null, n: number): (number | null)[] =>
  Array.from({ length: n }, (_, i) => {
    const v = list?.[i];
    return v === null || v === undefined ? null : v / 60;
  });

/**
 * Planned and actual hours per day of the period with uPlot, and the comparison period's (dashed) aligned by day
 * index. x is the day index, labelled with the current period's dates in the user's language.
 */
export function LoadCurves({ series, onCanvas }: { series: DashboardSeries; onCanvas: (canvas: HTMLCanvasElement | null) => void }) {
  const { t, locale } = useI18n();
  const [theme] = useTheme();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const n = series.days.length;
    const xs = Array.from({ length: n }, (_, i) => i);
    const text = cssToken('--color-text-muted', '#5b5568');
    const grid = cssToken('--color-border', '#e1dce7');
    const planned = cssToken('--color-link', '#2f6fde');
    const actual = cssToken('--color-success-solid', '#1e7a46');
    const hasCompare = series.compareDays !== null;
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${formatNumber(locale, v, 1)} h`);
    const label = (i: number) => (Number.isInteger(i) && series.days[i] ? shortDate(locale, series.days[i]!) : '');
    const height = () => (el.clientWidth < 500 ? 220 : 280);
    const seriesOpts: uPlot.Series[] = [
      {},
      { label: t('analyticsPage.curves.planned'), stroke: planned, width: 2, value: (_u, v) => fmt(v) },
      { label: t('analyticsPage.curves.actual'), stroke: actual, width: 2, value: (_u, v) => fmt(v) },
    ];
    const data: (number | null)[][] = [xs, hours(series.plannedMinutes, n), hours(series.actualMinutes, n)];
    if (hasCompare) {
      seriesOpts.push(
        { label: t('analyticsPage.curves.comparePlanned'), stroke: planned, width: 1.5, dash: [6, 5], value: (_u, v) => fmt(v) },
        { label: t('analyticsPage.curves.compareActual'), stroke: actual, width: 1.5, dash: [6, 5], value: (_u, v) => fmt(v) },
      );
      data.push(hours(series.comparePlannedMinutes, n), hours(series.compareActualMinutes, n));
    }
    const opts: uPlot.Options = {
      width: el.clientWidth || 320,
      height: height(),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [0, Math.max(1, n - 1)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { stroke: text, grid: { show: false }, ticks: { stroke: grid }, space: 80, incrs: [1, 2, 7, 14, 30, 61, 91], values: (_u, splits) => splits.map(label) },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 56, values: (_u, splits) => splits.map((s) => fmt(s)) },
      ],
      series: seriesOpts,
    };
    const plot = new uPlot(opts, data as unknown as uPlot.AlignedData, el);
    onCanvas(plot.ctx.canvas);
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w > 0 && w !== plot.width) plot.setSize({ width: w, height: height() });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      onCanvas(null);
      plot.destroy();
    };
  }, [series, locale, t, theme, onCanvas]);

  return (
    <section className="an-card" aria-labelledby="an-curves-title" data-testid="analytics-curves">
      <h2 id="an-curves-title">{t('analyticsPage.curves.title')}</h2>
      <div ref={box} className="an-curves" role="img" aria-label={t('analyticsPage.curves.label')} data-testid="analytics-curves-plot" />
      <p className="an-legend">
        <span className="an-key an-key--planned">{t('analyticsPage.curves.planned')}</span>
        <span className="an-key an-key--actual">{t('analyticsPage.curves.actual')}</span>
        {series.compareDays && <span className="an-key an-key--compare">{t('analyticsPage.curves.dashed')}</span>}
      </p>
    </section>
  );
}
