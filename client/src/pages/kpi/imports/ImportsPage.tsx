import { useT } from '../../../i18n/useT';
import { EmptyState } from '../../../ui';

/** KPI tab "imports" (issue 12): placeholder until its screen lands. */
export function ImportsPage() {
  const t = useT();
  return <EmptyState title={t('kpiTabs.imports')} />;
}
