/** Addresses of the dashboards tab (the other KPI tabs link to a KPI page with kpiPath). */
export const DASHBOARDS_PATH = '/kpi/dashboards';
export const dashboardPath = (id: string) => `${DASHBOARDS_PATH}/${id}`;
export const kpiPath = (kpiId: string, fromDashboard?: string) => `${DASHBOARDS_PATH}/kpis/${kpiId}${fromDashboard ? `?from=${encodeURIComponent(fromDashboard)}` : ''}`;
