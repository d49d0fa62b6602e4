import { useT } from '../../../i18n/useT';
import { EmptyState } from '../../../ui';

/** KPI tab "dashboards" (issue 12): placeholder until its screen lands. */
export function DashboardsPage() {
  const t = useT();
  return <EmptyState title={t('kpiTabs.dashboards')} />;
}
