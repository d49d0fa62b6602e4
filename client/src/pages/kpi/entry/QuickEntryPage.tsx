import { useT } from '../../../i18n/useT';
import { EmptyState } from '../../../ui';

/** KPI tab "entry" (issue 12): placeholder until its screen lands. */
export function QuickEntryPage() {
  const t = useT();
  return <EmptyState title={t('kpiTabs.entry')} />;
}
