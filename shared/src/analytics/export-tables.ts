import { INCIDENT_CATEGORIES } from '../equipment/incidents';
import { formatLocalDate, weekdayLabels } from '../i18n/format';
import { translate, type Locale } from '../i18n/index';
import type { DashboardResult } from './dashboard-types';
import type { ExportTableData } from './export-files';
import { formatDeltaPct, indicatorTiles } from './indicator-tiles';

/**
 * The tables of an analytics dashboard export (issue 13), one pure function for the page's exports
 * (client/src/pages/analytics/export-view.ts adds the charts' canvases) and the server-made CSV
 * (sync-server/src/analytics/exports/server-made.ts): the filters as shown and as values, the indicator table
 * (value, comparison, change), the daily series, the heatmap (hours per weekday and hour) and the incidents by
 * venue and category.
 */

export const ANALYTICS_VIEW_ID = 'analytics.dashboard';

export type CompareChoice = 'previous' | 'lastYear' | 'none';

export interface AnalyticsExportFilters {
  from: string;
  to: string;
  projectId: string | null;
  venueId: string | null;
  teamId: string | null;
  role: string | null;
  compare: CompareChoice;
}

export interface AnalyticsExportNames {
  project: (id: string | null) => string;
  venue: (id: string | null) => string;
  team: (id: string | null) => string;
  category: (c: string | null) => string;
}

export interface AnalyticsExportTablesInput {
  locale: Locale;
  result: DashboardResult;
  filters: AnalyticsExportFilters;
  names: AnalyticsExportNames;
  /** The heatmap's venue ('' all venues, '-' rows without venue). */
  heatmapVenue: string;
}

export interface AnalyticsExportTables {
  viewId: string;
  title: string;
  /** The heatmap table's title (the page names its canvas with it). */
  heatTitle: string;
  filters: { label: string; value: string }[];
  filterValues: Record<string, string | null>;
  projectName: string | null;
  tables: ExportTableData[];
}

/** Hours with two decimals as a plain number, for spreadsheets (minutes / 60). */
export const hours2 = (minutes: number | null | undefined): number | null =>
  minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 100) / 100;

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(INCIDENT_CATEGORIES);

/** An incident category's name in the language ('none' for rows without one; an unknown code as is). */
export function incidentCategoryName(locale: Locale, c: string | null): string {
  if (c === null) return translate(locale, 'analyticsPage.none');
  return KNOWN_CATEGORIES.has(c) ? translate(locale, `analyticsPage.category.${c}`) : c;
}

export function analyticsExportTables(input: AnalyticsExportTablesInput): AnalyticsExportTables {
  const { locale, result, filters, names } = input;
  const t = (key: string) => translate(locale, key);
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

  const indicators: ExportTableData = {
    title: t('analyticsPage.indicators'),
    columns: [t('analyticsPage.export.indicator'), t('analyticsPage.export.value'), t('analyticsPage.export.comparison'), t('analyticsPage.export.change')],
    rows: indicatorTiles(locale, result).map((tile) => [t(`analyticsPage.ind.${tile.key}`), tile.value, tile.compareValue, tile.delta === null ? null : formatDeltaPct(locale, tile.delta)]),
  };

  const s = result.series;
  const daily: ExportTableData = {
    title: t('analyticsPage.curves.title'),
    columns: [
      t('analyticsPage.export.date'),
      t('analyticsPage.export.plannedHours'),
      t('analyticsPage.export.actualHours'),
      ...(s.compareDays ? [t('analyticsPage.export.compareDate'), t('analyticsPage.export.comparePlannedHours'), t('analyticsPage.export.compareActualHours')] : []),
    ],
    rows: s.days.map((day, i) => [
      day,
      hours2(s.plannedMinutes[i]),
      hours2(s.actualMinutes[i]),
      ...(s.compareDays ? [s.compareDays[i] ?? null, hours2(s.comparePlannedMinutes?.[i]), hours2(s.compareActualMinutes?.[i])] : []),
    ]),
  };

  const venue = input.heatmapVenue;
  const heat = venue === '' ? result.heatmap.overall : (result.heatmap.byVenue.find((v) => (v.venueId ?? '-') === venue) ?? result.heatmap.overall);
  const heatTitle = `${t('analyticsPage.heatmap.title')} - ${venue === '' ? t('analyticsPage.heatmap.allVenues') : names.venue(venue === '-' ? null : venue)}`;
  const heatmap: ExportTableData = {
    title: heatTitle,
    columns: [t('analyticsPage.heatmap.day'), ...Array.from({ length: 24 }, (_, hour) => `${hour}h`)],
    rows: weekdayLabels(locale).map((d, day) => [d, ...Array.from({ length: 24 }, (_, hour) => hours2(heat.cells[day * 24 + hour] ?? 0))]),
  };

  const incidents: ExportTableData = {
    title: t('analyticsPage.incidents.title'),
    columns: [t('analyticsPage.incidents.venue'), t('analyticsPage.incidents.category'), t('analyticsPage.incidents.open'), t('analyticsPage.incidents.closed'), t('analyticsPage.incidents.total')],
    rows: result.incidents.byVenueCategory.map((r) => [names.venue(r.venueId), names.category(r.category), r.open, r.closed, r.total]),
  };

  return {
    viewId: ANALYTICS_VIEW_ID,
    title: `${t('analyticsPage.title')} - ${period}`,
    heatTitle,
    filters: shown,
    filterValues: {
      from: filters.from,
      to: filters.to,
      projectId: filters.projectId,
      venueId: filters.venueId,
      teamId: filters.teamId,
      role: filters.role,
      compare: filters.compare,
      heatmapVenue: venue || null,
    },
    projectName: filters.projectId ? names.project(filters.projectId) : null,
    tables: [indicators, daily, heatmap, incidents],
  };
}
