import { KPI_PERIOD_STATUSES } from '@coulisses/shared';
import type { DashboardSummary } from '@coulisses/shared/kpi/board';
import { Link } from 'react-router';
import type { Dashboard } from '../../../data/kpi/types';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { RowMenu, type RowAction } from '../../../components/RowMenu';
import { Skeleton } from '../../../ui';
import { StatusBadge } from './StatusBadge';
import { dashboardPath } from './paths';

/**
 * A dashboard in the list: title, process, sharing, and how many of its active KPIs are in each status (the KPI
 * worker's `dashboardSummary`; `summary` undefined while it computes, null when it has none for this dashboard).
 */
export function DashboardCard({ dashboard, summary, actions }: { dashboard: Dashboard; summary: DashboardSummary | null | undefined; actions: RowAction[] }) {
  const t = useT();
  return (
    <li className="kpi-card" data-testid={`dashboard-card-${dashboard.id}`}>
      <div className="kpi-card__head">
        <h2 className="kpi-card__title break">
          <Link to={dashboardPath(dashboard.id)} data-testid={`dashboard-link-${dashboard.id}`}>
            {dashboard.title}
          </Link>
        </h2>
        {actions.length > 0 && <RowMenu name={dashboard.title} actions={actions} testId={`dashboard-menu-${dashboard.id}`} />}
      </div>
      <p className="kpi-card__meta muted">
        {dashboard.process || t('kpi.dash.noProcess')}
        {' \u00b7 '}
        {enumLabel(t, 'dashboardSharing', dashboard.sharing)}
        {summary && (
          <>
            {' \u00b7 '}
            {t('kpi.dash.kpiCount', { count: summary.kpis })}
          </>
        )}
      </p>
      {summary === undefined ? (
        <Skeleton width="60%" />
      ) : (
        summary &&
        summary.kpis > 0 && (
          <ul className="kpi-card__counts" aria-label={t('kpi.dash.countsLabel')}>
            {KPI_PERIOD_STATUSES.filter((s) => summary.counts[s]).map((s) => (
              <li key={s} data-testid={`dashboard-count-${dashboard.id}-${s}`}>
                <span className="kpi-card__count">{summary.counts[s]}</span> <StatusBadge status={s} />
              </li>
            ))}
          </ul>
        )
      )}
    </li>
  );
}
