import { Route, Routes } from 'react-router';
import { DashboardList } from './DashboardList';
import { DashboardView } from './DashboardView';
import { KpiPage } from './KpiPage';
import './dashboards.css';

/** KPI tab "dashboards" (issue 12): the list, one dashboard's tiles, one KPI's page. */
export function DashboardsPage() {
  return (
    <Routes>
      <Route index element={<DashboardList />} />
      <Route path="kpis/:kpiId" element={<KpiPage />} />
      <Route path=":dashboardId" element={<DashboardView />} />
    </Routes>
  );
}
