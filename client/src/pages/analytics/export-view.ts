import type { DashboardResult } from '@coulisses/shared/analytics/dashboard-types';
import { ANALYTICS_VIEW_ID, analyticsExportTables } from '@coulisses/shared/analytics/export-tables';
import type { Locale } from '@coulisses/shared';
import type { ExportChart, ExportView } from '../../exports/view';
import type { Translate } from '../../i18n/i18n-context';
import type { AnalyticsFilterState } from './filter-state';

export { ANALYTICS_VIEW_ID };

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

/**
 * The ExportView of the analytics page's current state (issue 13): the tables come from the shared builder the
 * server-made CSV uses too (shared/src/analytics/export-tables.ts); the charts are the curves' uPlot canvas and
 * the heatmap canvas.
 */
export function buildAnalyticsExportView(input: AnalyticsExportInput): ExportView {
  const { t, locale, result, filters, names } = input;
  const built = analyticsExportTables({
    locale,
    result,
    filters: { from: filters.from, to: filters.to, projectId: filters.projectId, venueId: filters.venueId, teamId: filters.teamId, role: filters.role, compare: filters.compare },
    names,
    heatmapVenue: input.heatmapVenue,
  });
  const charts: ExportChart[] = [];
  if (input.curvesCanvas) charts.push({ title: t('analyticsPage.curves.title'), canvas: input.curvesCanvas });
  if (input.heatmapCanvas) charts.push({ title: built.heatTitle, canvas: input.heatmapCanvas });
  const { from, to, ...rest } = built.filterValues;
  return {
    viewId: built.viewId,
    title: built.title,
    filters: built.filters,
    filterValues: { from: from ?? null, to: to ?? null, period: filters.period, ...rest },
    orgId: input.org.id,
    orgName: input.org.name,
    projectName: built.projectName,
    tables: built.tables,
    charts,
  };
}
