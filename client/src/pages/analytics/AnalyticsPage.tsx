import type { DashboardQuery } from '@coulisses/shared/analytics/dashboard-types';
import { SLICE_DEFAULT_MONTHS } from '@coulisses/shared/analytics/slices';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { useAnalyticsNames, useAnalyticsSlices } from '../../data/analytics/queries';
import { dataAsOf, hasData } from '../../data/analytics/slices';
import { useAnalyticsDashboard } from '../../data/analytics/useDashboard';
import { useOrgToday } from '../../data/kpi/board-queries';
import { useOrgContext } from '../../data/org/useOrgContext';
import { formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { useLastPullAt } from '../../sync/last-pull';
import { EmptyState, Skeleton, SkeletonGroup, useIsWide } from '../../ui';
import { ErrorMessage } from '../../ui/ErrorMessage';
import '../../app/section-page.css';
import './analytics.css';
import { ExportMenu } from '../../exports/ExportMenu';
import { buildAnalyticsExportView } from './export-view';
import { FilterBar } from './FilterBar';
import { filtersToQuery, monthsBeforeWindow, parseFilters, withFilter, type AnalyticsFilterState } from './filter-state';
import { IncidentsByVenue } from './IncidentsByVenue';
import { IndicatorTiles } from './IndicatorTiles';
import { indicatorTiles } from '@coulisses/shared/analytics/indicator-tiles';
import { KpiStatuses } from './KpiStatuses';
import { LoadCurves } from './LoadCurves';
import { LoadHeatmap } from './LoadHeatmap';

const INCIDENT_CATEGORIES = new Set(['BREAKDOWN', 'DAMAGE', 'LOSS', 'SAFETY', 'OTHER']);

/**
 * Analytics and the direction dashboard (issue 13): indicators with comparisons, the load heatmap, the daily
 * curves, incidents and the KPI statuses, computed in the analytics worker from the slices of the local store
 * (offline too: a filter change never waits for the network). Filters live in the URL query.
 */
export function AnalyticsPage() {
  const { t, locale } = useI18n();
  const { tz, settings } = useOrgContext();
  const { me } = useSession();
  const today = useOrgToday();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params, today), [params, today]);
  const { slices, loading } = useAnalyticsSlices();
  const names = useAnalyticsNames(t('analyticsPage.unknown'), t('analyticsPage.none'));
  const lastPull = useLastPullAt();
  const withPay = slices.pay.length > 0;

  const teamKey = filters.teamId ? names.teamMembers(filters.teamId).join(',') : '';
  const query = useMemo<DashboardQuery>(
    () => ({
      filters: { from: filters.from, to: filters.to, projectId: filters.projectId, venueId: filters.venueId, teamId: filters.teamId, role: filters.role },
      compare: filters.compare === 'none' ? null : filters.compare,
      teamUserIds: filters.teamId ? (teamKey ? teamKey.split(',') : []) : null,
    }),
    [filters, teamKey],
  );
  const { result, computing, error } = useAnalyticsDashboard(slices, withPay, loading ? null : query);

  const onChange = useCallback(
    (patch: Partial<AnalyticsFilterState>) => setParams(new URLSearchParams(filtersToQuery(withFilter(filters, patch, today))), { replace: true }),
    [filters, today, setParams],
  );

  const curvesCanvas = useRef<HTMLCanvasElement | null>(null);
  const heatmapCanvas = useRef<HTMLCanvasElement | null>(null);
  const [heatmapVenue, setHeatmapVenue] = useState('');
  const onCurves = useCallback((c: HTMLCanvasElement | null) => (curvesCanvas.current = c), []);
  const onHeatmap = useCallback((c: HTMLCanvasElement | null) => (heatmapCanvas.current = c), []);

  const categoryName = useCallback((c: string | null) => (c && INCIDENT_CATEGORIES.has(c) ? t(`analyticsPage.category.${c as 'OTHER'}`) : (c ?? t('analyticsPage.none'))), [t]);
  const buildView = useCallback(() => {
    if (!result) throw new Error('analytics: nothing computed yet');
    return buildAnalyticsExportView({
      t,
      locale,
      result,
      filters,
      org: { id: me?.activeOrg?.id ?? '', name: me?.activeOrg?.name ?? '' },
      names: { project: names.project, venue: names.venue, team: names.team, category: categoryName },
      heatmapVenue,
      curvesCanvas: curvesCanvas.current,
      heatmapCanvas: heatmapCanvas.current,
    });
  }, [result, t, locale, filters, me, names, categoryName, heatmapVenue]);

  const asOf = dataAsOf(slices.meta);
  const options = result?.options;
  const present = (list: { id: string; name: string }[], ids: readonly string[] | undefined) => {
    if (!ids) return list;
    const known = new Map(list.map((i) => [i.id, i.name]));
    return ids.map((id) => ({ id, name: known.get(id) ?? t('analyticsPage.unknown') })).sort((a, b) => a.name.localeCompare(b.name));
  };
  const wide = useIsWide();
  const missing = result ? monthsBeforeWindow(result.missingMonths, today, settings.analyticsSliceMonths ?? SLICE_DEFAULT_MONTHS) : [];
  const filterBar = (
    <FilterBar
      state={filters}
      onChange={onChange}
      projects={present(names.projects, options?.projectIds)}
      venues={present(names.venues, options?.venueIds)}
      teams={names.teams}
      roles={options?.roles ?? []}
    />
  );
  const compareLabel = filters.compare === 'none' ? null : t(`analyticsPage.compareShort.${filters.compare}`);

  return (
    <section className="page stack section-page page--wide an-page" aria-labelledby="title-analytics" data-testid="analytics-page" aria-busy={computing}>
      <div className="section-head an-head">
        <h1 id="title-analytics" data-testid="page-analytics">
          {t('analyticsPage.title')}
        </h1>
        {result && <ExportMenu buildView={buildView} testId="analytics-export" />}
      </div>
      <p className="an-asof" data-testid="analytics-data-as-of" data-as-of={asOf ?? ''}>
        {asOf ? t('analyticsPage.dataAsOf', { time: formatInZone(locale, asOf, tz) }) : t('analyticsPage.noData')}
        {lastPull && <span className="an-muted"> {t('analyticsPage.lastSync', { time: formatInZone(locale, lastPull, tz) })}</span>}
      </p>
      {wide ? (
        filterBar
      ) : (
        // Phones: the filters fold under one line that says the period, so the figures start high.
        <details className="an-filters-box">
          <summary data-testid="analytics-filters-toggle">
            {t('analyticsPage.filters.summary', { from: formatLocalDate(locale, filters.from), to: formatLocalDate(locale, filters.to) })}
          </summary>
          {filterBar}
        </details>
      )}
      <ErrorMessage error={error} testId="analytics-error" />
      {loading || (!result && hasData(slices) && !error) ? (
        <SkeletonGroup label={t('analyticsPage.computing')} testId="analytics-loading">
          <Skeleton lines={2} />
          <Skeleton shape="rect" height="8rem" />
        </SkeletonGroup>
      ) : !hasData(slices) || !result ? (
        <EmptyState title={t('analyticsPage.emptyTitle')} testId="analytics-empty">
          {t('analyticsPage.emptyText')}
        </EmptyState>
      ) : (
        <>
          {missing.length > 0 && (
            <p className="an-muted" data-testid="analytics-missing">
              {t('analyticsPage.missingMonths', { months: missing.join(', ') })}
            </p>
          )}
          {result.pay && result.current.payComplete === false && <p className="an-muted">{t('analyticsPage.payPartial')}</p>}
          <IndicatorTiles tiles={indicatorTiles(locale, result)} compareLabel={compareLabel} />
          {result.comparePeriod && (
            <p className="an-muted" data-testid="analytics-compare-period">
              {t('analyticsPage.comparedWith', { from: formatLocalDate(locale, result.comparePeriod.from), to: formatLocalDate(locale, result.comparePeriod.to) })}
            </p>
          )}
          <div className="an-grid">
            <LoadCurves series={result.series} onCanvas={onCurves} />
            <LoadHeatmap overall={result.heatmap.overall} byVenue={result.heatmap.byVenue} venueName={names.venue} onCanvas={onHeatmap} onVenue={setHeatmapVenue} />
          </div>
          <IncidentsByVenue incidents={result.incidents} venueName={names.venue} categoryName={categoryName} />
        </>
      )}
      <KpiStatuses />
    </section>
  );
}
