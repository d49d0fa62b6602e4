import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Kpi } from '../../../data/kpi/types';
import { enumLabel } from '../../../i18n/enum-label';
import { useI18n } from '../../../i18n/useT';
import { useTheme } from '../../../ui';
import type { ChartData } from './chart-data';
import { formatKpiValue, formatPeriod } from './kpi-format';

/** A CSS colour token of the current theme (light or dark), read when the chart draws. */
function token(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}
function alpha(color: string, a: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = Number.parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

/**
 * The history of a KPI drawn with uPlot: its values (line and points), the target (dashed), and the bands as
 * filled areas behind them (green, orange, red by the KPI's direction). x is the period index, labelled in the
 * user's language. Colours come from the theme's tokens, so the chart reads in the dark theme too.
 */
export function KpiChart({ kpi, data }: { kpi: Kpi; data: ChartData }) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // Redrawn when the theme changes: the colours are read from its tokens.
  const [theme] = useTheme();

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const text = token('--color-text-muted', '#5b5568');
    const grid = token('--color-border', '#e1dce7');
    const line = token('--color-link', '#2f6fde');
    const targetColour = token('--color-text', '#1b1724');
    const fills = { GREEN: alpha(token('--color-success-solid', '#1e7a46'), 0.16), ORANGE: alpha(token('--color-warning-solid', '#f0b429'), 0.2), RED: alpha(token('--color-danger-solid', '#b3261e'), 0.14) };
    const xs = data.periods.map((_, i) => i);
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : formatKpiValue(locale, v, kpi.decimals, kpi.unit));

    const drawBands = (u: uPlot) => {
      const { ctx, bbox } = u;
      const top = bbox.top;
      const bottom = bbox.top + bbox.height;
      const y = (v: number) => Math.max(top, Math.min(bottom, u.valToPos(v, 'y', true)));
      ctx.save();
      data.bands.forEach((b, i) => {
        if (b.green === null || b.orange === null) return;
        const half = (u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true)) / 2 || bbox.width / 2;
        const x0 = Math.max(bbox.left, u.valToPos(i, 'x', true) - half);
        const x1 = Math.min(bbox.left + bbox.width, u.valToPos(i, 'x', true) + half);
        const rect = (from: number, to: number, fill: string) => {
          ctx.fillStyle = fill;
          ctx.fillRect(x0, Math.min(from, to), x1 - x0, Math.abs(to - from));
        };
        if (Array.isArray(b.green) && Array.isArray(b.orange)) {
          rect(top, y(b.orange[1]), fills.RED);
          rect(y(b.orange[1]), y(b.green[1]), fills.ORANGE);
          rect(y(b.green[1]), y(b.green[0]), fills.GREEN);
          rect(y(b.green[0]), y(b.orange[0]), fills.ORANGE);
          rect(y(b.orange[0]), bottom, fills.RED);
        } else if (typeof b.green === 'number' && typeof b.orange === 'number') {
          if (kpi.direction === 'UP_IS_BETTER') {
            rect(top, y(b.green), fills.GREEN);
            rect(y(b.green), y(b.orange), fills.ORANGE);
            rect(y(b.orange), bottom, fills.RED);
          } else {
            rect(top, y(b.orange), fills.RED);
            rect(y(b.orange), y(b.green), fills.ORANGE);
            rect(y(b.green), bottom, fills.GREEN);
          }
        }
      });
      ctx.restore();
    };

    const bandNums = data.bands.flatMap((b) => [b.green, b.orange].flatMap((x) => (x === null ? [] : Array.isArray(x) ? x : [x])));
    const all = [...data.values, ...data.targets, ...bandNums].filter((v): v is number => typeof v === 'number');
    const lo = all.length ? Math.min(...all) : 0;
    const hi = all.length ? Math.max(...all) : 1;
    const pad = (hi - lo) * 0.12 || Math.abs(hi) * 0.1 || 1;

    const opts: uPlot.Options = {
      width: el.clientWidth || 320,
      height: el.clientWidth < 500 ? 220 : 300,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] }, y: { range: [lo - pad, hi + pad] } },
      axes: [
        {
          stroke: text,
          grid: { show: false },
          ticks: { stroke: grid },
          // Room for "sept. 2026" under each tick: fewer labels on a phone.
          space: 72,
          incrs: [1, 2, 3, 4, 6, 12, 24, 52],
          values: (_u, splits) => splits.map((s) => (Number.isInteger(s) && data.periods[s] ? formatPeriod(locale, data.periods[s]!, kpi.frequency) : '')),
        },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 64, values: (_u, splits) => splits.map((s) => fmt(s)) },
      ],
      series: [
        {},
        { label: t('kpi.page.chartValue'), stroke: line, width: 2.5, spanGaps: false, points: { show: true, size: 7, fill: line }, value: (_u, v) => fmt(v) },
        { label: t('kpi.page.chartTarget'), stroke: targetColour, width: 1.5, dash: [6, 5], points: { show: false }, value: (_u, v) => fmt(v) },
      ],
      hooks: { drawClear: [drawBands] },
    };
    const plot = new uPlot(opts, [xs, data.values, data.targets] as unknown as uPlot.AlignedData, el);
    el.dataset['targetLine'] = data.targets.some((v) => v !== null) ? 'true' : 'false';
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w > 0 && w !== plot.width) plot.setSize({ width: w, height: w < 500 ? 220 : 300 });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data, kpi, locale, t, theme]);

  return (
    <figure className="kpi-chart" data-testid="kpi-chart">
      <div ref={box} className="kpi-chart__plot" role="img" aria-label={t('kpi.page.chartLabel', { name: kpi.name })} data-testid="kpi-chart-plot" />
      <figcaption className="kpi-chart__legend">
        <span className="kpi-chart__key kpi-chart__key--value">{t('kpi.page.chartValue')}</span>
        <span className="kpi-chart__key kpi-chart__key--target">{t('kpi.page.chartTarget')}</span>
        <span className="kpi-chart__key kpi-chart__key--green">{enumLabel(t, 'kpiPeriodStatus', 'GREEN')}</span>
        <span className="kpi-chart__key kpi-chart__key--orange">{enumLabel(t, 'kpiPeriodStatus', 'ORANGE')}</span>
        <span className="kpi-chart__key kpi-chart__key--red">{enumLabel(t, 'kpiPeriodStatus', 'RED')}</span>
      </figcaption>
    </figure>
  );
}
