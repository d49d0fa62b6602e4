import { NavLink, Navigate, Route, Routes } from 'react-router';
import { useOrgContext } from '../../data/org/useOrgContext';
import { useT } from '../../i18n/useT';
import { DashboardsPage } from './dashboards/DashboardsPage';
import { DirectionPage } from './direction/DirectionPage';
import { QuickEntryPage } from './entry/QuickEntryPage';
import { ImportsPage } from './imports/ImportsPage';
import '../../app/section-page.css';

/** The KPI area's tabs; each lives in its own folder. */
export const KPI_TABS = [
  { id: 'dashboards', path: 'dashboards', tech: true },
  { id: 'entry', path: 'entry', tech: false },
  { id: 'direction', path: 'direction', tech: false },
  { id: 'imports', path: 'imports', tech: false },
] as const;

/** KPI management (issue 12): dashboards and KPI pages, quick entry, direction view, imports. */
export function KpiSectionPage() {
  const t = useT();
  // A TECH reads the dashboards shared with them (the server's read scope); the other tabs are for planners.
  const { isPlanner } = useOrgContext();
  const tabs = KPI_TABS.filter((tab) => isPlanner || tab.tech);
  return (
    <section className="page stack section-page kpi page--wide" aria-labelledby="title-kpi">
      <div className="section-head">
        <h1 id="title-kpi" data-testid="page-kpi">
          {t('nav.kpi')}
        </h1>
        <nav className="section-tabs" aria-label={t('kpiTabs.label')}>
          {tabs.map((tab) => (
            <NavLink key={tab.id} to={`/kpi/${tab.path}`} data-testid={`kpi-tab-${tab.id}`} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {t(`kpiTabs.${tab.id}`)}
            </NavLink>
          ))}
        </nav>
      </div>
      <Routes>
        <Route index element={<Navigate to="dashboards" replace />} />
        <Route path="dashboards/*" element={<DashboardsPage />} />
        {isPlanner && <Route path="entry/*" element={<QuickEntryPage />} />}
        {isPlanner && <Route path="direction/*" element={<DirectionPage />} />}
        {isPlanner && <Route path="imports/*" element={<ImportsPage />} />}
        <Route path="*" element={<Navigate to="dashboards" replace />} />
      </Routes>
    </section>
  );
}
