import { KPI_PERIOD_STATUSES } from '@coulisses/shared';
import { Link } from 'react-router';
import type { Dashboard, Kpi, KpiValueDoc } from '../../../data/kpi/types';
import { statusCounts } from '../../../data/kpi/tiles';
import { useDashboardTiles } from '../../../data/kpi/useDashboardTiles';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { RowMenu, type RowAction } from '../../../components/RowMenu';
import { StatusBadge } from './StatusBadge';
import { dashboardPath } from './paths';

/** A dashboard in the list: title, process, sharing, and how many of its KPIs are in each status. */
export function DashboardCard({ dashboard, kpis, values, valuesLoading, actions }: { dashboard: Dashboard; kpis: ReadonlyMap<string, Kpi>; values: ReadonlyMap<string, readonly KpiValueDoc[]>; valuesLoading: boolean; actions: RowAction[] }) {
  const t = useT();
  const tiles = useDashboardTiles(dashboard.kpiIds, kpis, values);
  const counts = statusCounts(tiles);
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
        {' \u00b7 '}
        {t('kpi.dash.kpiCount', { count: tiles.length })}
      </p>
      {tiles.length > 0 && !valuesLoading && (
        <ul className="kpi-card__counts" aria-label={t('kpi.dash.countsLabel')}>
          {KPI_PERIOD_STATUSES.filter((s) => counts[s]).map((s) => (
            <li key={s} data-testid={`dashboard-count-${dashboard.id}-${s}`}>
              <span className="kpi-card__count">{counts[s]}</span> <StatusBadge status={s} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
