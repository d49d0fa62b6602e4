import type { DashboardResult } from '@coulisses/shared/analytics/dashboard-types';
import type { Locale } from '@coulisses/shared';
import type { ExportChart, ExportTable, ExportView } from '../../exports/view';
import type { Translate } from '../../i18n/i18n-context';
import { formatLocalDate } from '../../i18n/format';
import type { AnalyticsFilterState } from './filter-state';
import { formatDeltaPct, indicatorTiles } from './indicators';
import { weekdayLabels } from './chart-style';

export const ANALYTICS_VIEW_ID = 'analytics.dashboard';

export interface AnalyticsExportInput {
  t: Translate;
  locale: Locale;
  result: DashboardResult;
  filters: AnalyticsFilterState;
  org: { id: string; name: string };
  names: { project: (id: string | null) => string; venue: (id: string | null) => string; team: (id: string | null) => string; category: (c: string | null) => string };
  /** The heatmap's venue shown ('' all venues, '-' rows without venue). */
  heatmapVenue: string;
  /** The canvases drawn on screen (null when not drawn). */
  curvesCanvas: HTMLCanvasElement | null;
  heatmapCanvas: HTMLCanvasElement | null;
}

/** Hours with two decimals as a plain number, for spreadsheets (minutes / 60). */
const h2 = (minutes: number | null | undefined): number | null => (minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 100) / 100);

/**
 * The ExportView of the analytics page's current state (issue 13): the filters as shown and as values, the
 * indicator table (value, comparison, change), the daily series, the heatmap shown (hours per weekday and hour)
 * and the incidents by venue and category; charts: the curves' uPlot canvas and the heatmap canvas.
 */
export function buildAnalyticsExportView(input: AnalyticsExportInput): ExportView {
  const { t, locale, result, filters, names } = input;
  const all = t('analyticsPage.filters.all');
  const period = `${formatLocalDate(locale, filters.from)} - ${formatLocalDate(locale, filters.to)}`;
  const shown = [
    { label: t('analyticsPage.filters.period'), value: period },
    { label: t('analyticsPage.filters.project'), value: filters.projectId ? names.project(filters.projectId) : all },
    { label: t('analyticsPage.filters.venue'), value: filters.venueId ? names.venue(filters.venueId) : all },
    { label: t('analyticsPage.filters.team'), value: filters.teamId ? names.team(filters.teamId) : all },
    { label: t('analyticsPage.filters.role'), value: filters.role ?? all },
    { label: t('analyticsPage.filters.compare'), value: t(`analyticsPage.compare.${filters.compare}`) },
  ];
  const compared = result.comparePeriod ? `${formatLocalDate(locale, result.comparePeriod.from)} - ${formatLocalDate(locale, result.comparePeriod.to)}` : null;
  if (compared) shown.push({ label: t('analyticsPage.export.comparePeriod'), value: compared });

  const tiles = indicatorTiles(locale, result);
  const indicators: ExportTable = {
    title: t('analyticsPage.indicators'),
    columns: [t('analyticsPage.export.indicator'), t('analyticsPage.export.value'), t('analyticsPage.export.comparison'), t('analyticsPage.export.change')],
    rows: tiles.map((tile) => [t(`analyticsPage.ind.${tile.key}`), tile.value, tile.compareValue, tile.delta === null ? null : formatDeltaPct(locale, tile.delta)]),
  };

  const s = result.series;
  const daily: ExportTable = {
    title: t('analyticsPage.curves.title'),
    columns: [
      t('analyticsPage.export.date'),
      t('analyticsPage.export.plannedHours'),
      t('analyticsPage.export.actualHours'),
      ...(s.compareDays ? [t('analyticsPage.export.compareDate'), t('analyticsPage.export.comparePlannedHours'), t('analyticsPage.export.compareActualHours')] : []),
    ],
    rows: s.days.map((day, i) => [
      day,
      h2(s.plannedMinutes[i]),
      h2(s.actualMinutes[i]),
      ...(s.compareDays ? [s.compareDays[i] ?? null, h2(s.comparePlannedMinutes?.[i]), h2(s.compareActualMinutes?.[i])] : []),
    ]),
  };

  const heat = input.heatmapVenue === '' ? result.heatmap.overall : (result.heatmap.byVenue.find((v) => (v.venueId ?? '-') === input.heatmapVenue) ?? result.heatmap.overall);
  const heatTitle = `${t('analyticsPage.heatmap.title')} - ${input.heatmapVenue === '' ? t('analyticsPage.heatmap.allVenues') : names.venue(input.heatmapVenue === '-' ? null : input.heatmapVenue)}`;
  const heatmap: ExportTable = {
    title: heatTitle,
    columns: [t('analyticsPage.heatmap.day'), ...Array.from({ length: 24 }, (_, hour) => `${hour}h`)],
    rows: weekdayLabels(locale).map((d, day) => [d, ...Array.from({ length: 24 }, (_, hour) => h2(heat.cells[day * 24 + hour] ?? 0))]),
  };

  const incidents: ExportTable = {
    title: t('analyticsPage.incidents.title'),
    columns: [t('analyticsPage.incidents.venue'), t('analyticsPage.incidents.category'), t('analyticsPage.incidents.open'), t('analyticsPage.incidents.closed'), t('analyticsPage.incidents.total')],
    rows: result.incidents.byVenueCategory.map((r) => [names.venue(r.venueId), names.category(r.category), r.open, r.closed, r.total]),
  };

  const charts: ExportChart[] = [];
  if (input.curvesCanvas) charts.push({ title: t('analyticsPage.curves.title'), canvas: input.curvesCanvas });
  if (input.heatmapCanvas) charts.push({ title: heatTitle, canvas: input.heatmapCanvas });

  return {
    viewId: ANALYTICS_VIEW_ID,
    title: `${t('analyticsPage.title')} - ${period}`,
    filters: shown,
    filterValues: {
      from: filters.from,
      to: filters.to,
      period: filters.period,
      projectId: filters.projectId,
      venueId: filters.venueId,
      teamId: filters.teamId,
      role: filters.role,
      compare: filters.compare,
      heatmapVenue: input.heatmapVenue || null,
    },
    orgId: input.org.id,
    orgName: input.org.name,
    projectName: filters.projectId ? names.project(filters.projectId) : null,
    tables: [indicators, daily, heatmap, incidents],
    charts,
  };
}
