import { useT } from '../../../i18n/useT';
import { EmptyState } from '../../../ui';

/** KPI tab "direction" (issue 12): placeholder until its screen lands. */
export function DirectionPage() {
  const t = useT();
  return <EmptyState title={t('kpiTabs.direction')} />;
}
