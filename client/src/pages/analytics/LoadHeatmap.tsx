import type { Heatmap, VenueHeatmap } from '@coulisses/shared/analytics/dashboard-types';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDuration } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { FormField, Select, useTheme } from '../../ui';
import { cellAt, drawHeatmap } from './heatmap-draw';
import { weekdayLabels } from '@coulisses/shared/i18n/format';
import { cssToken } from './chart-style';

export interface LoadHeatmapProps {
  overall: Heatmap;
  byVenue: readonly VenueHeatmap[];
  venueName: (id: string | null) => string;
  /** The canvas drawn, for the exports (null when unmounted). */
  onCanvas: (canvas: HTMLCanvasElement | null) => void;
  /** The venue shown ('' = all venues), for the exports' title. */
  onVenue?: (venueId: string) => void;
}

/**
 * Planned load (person-hours) by weekday and hour in the organisation's zone: a 7 x 24 canvas, a venue selector,
 * and the same figures as a table for screen readers and keyboards (details below the canvas).
 */
export function LoadHeatmap({ overall, byVenue, venueName, onCanvas, onVenue }: LoadHeatmapProps) {
  const { t, locale } = useI18n();
  const [theme] = useTheme();
  const [venue, setVenue] = useState('');
  const [picked, setPicked] = useState<{ day: number; hour: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const captionId = useId();
  const shown = venue === '' ? overall : (byVenue.find((v) => (v.venueId ?? '-') === venue) ?? overall);
  const days = weekdayLabels(locale);

  useEffect(() => {
    const el = box.current;
    const c = canvas.current;
    if (!el || !c) return undefined;
    const draw = () =>
      drawHeatmap(c, shown.cells, shown.max, days, Math.max(280, el.clientWidth), {
        full: cssToken('--color-link', '#2f6fde'),
        empty: cssToken('--color-surface-sunken', '#f1eff4'),
        text: cssToken('--color-text-muted', '#5b5568'),
        font: '12px system-ui, sans-serif',
      });
    draw();
    onCanvas(c);
    const observer = new ResizeObserver(draw);
    observer.observe(el);
    return () => {
      observer.disconnect();
      onCanvas(null);
    };
  }, [shown, days, theme, onCanvas]);

  return (
    <section className="an-card" aria-labelledby={`${captionId}-title`} data-testid="analytics-heatmap">
      <div className="an-card__head">
        <h2 id={`${captionId}-title`}>{t('analyticsPage.heatmap.title')}</h2>
        <FormField label={t('analyticsPage.heatmap.venue')} className="an-card__control">
          <Select
            value={venue}
            onChange={(e) => {
              setVenue(e.target.value);
              onVenue?.(e.target.value);
            }}
            data-testid="analytics-heatmap-venue"
          >
            <option value="">{t('analyticsPage.heatmap.allVenues')}</option>
            {byVenue.map((v) => (
              <option key={v.venueId ?? '-'} value={v.venueId ?? '-'}>
                {venueName(v.venueId)}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <p className="an-muted">{t('analyticsPage.heatmap.hint', { total: formatDuration(locale, shown.total) })}</p>
      <div ref={box} className="an-heatmap">
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('analyticsPage.heatmap.canvasLabel')}
          data-testid="analytics-heatmap-canvas"
          data-total={shown.total}
          // A tap or a hover names the cell's load (the table below says the same for keyboards and screen readers).
          onPointerDown={(e) => setPicked(cellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, e.currentTarget.clientWidth))}
          onPointerMove={(e) => e.pointerType === 'mouse' && setPicked(cellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, e.currentTarget.clientWidth))}
          onPointerLeave={(e) => e.pointerType === 'mouse' && setPicked(null)}
        />
      </div>
      <p className="an-muted an-heatmap__cell" aria-hidden="true" data-testid="analytics-heatmap-cell">
        {picked
          ? t('analyticsPage.heatmap.cell', { day: days[picked.day] ?? '', hour: picked.hour, load: formatDuration(locale, shown.cells[picked.day * 24 + picked.hour] ?? 0) })
          : t('analyticsPage.heatmap.tap')}
      </p>
      <details className="an-details">
        <summary>{t('analyticsPage.heatmap.asTable')}</summary>
        <div className="an-scroll">
          <table className="an-table" data-testid="analytics-heatmap-table">
            <caption className="visually-hidden">{t('analyticsPage.heatmap.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analyticsPage.heatmap.day')}</th>
                {Array.from({ length: 24 }, (_, h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d}>
                  <th scope="row">{d}</th>
                  {Array.from({ length: 24 }, (_, h) => (
                    <td key={h}>{shown.cells[i * 24 + h] ? formatDuration(locale, shown.cells[i * 24 + h]!) : ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
