import { useT } from '../../i18n/useT';
import { Badge } from '../../ui/Badge';
import { Tabs } from '../../ui/Tabs';
import { GallerySection } from './GallerySection';

export function TabsSection() {
  const t = useT();
  return (
    <GallerySection id="tabs">
      <Tabs
        label={t('design.tabs.label')}
        testId="design-tabs-demo"
        tabs={[
          { id: 'crew', label: t('design.tabs.crew'), badge: <Badge value={4} />, panel: <p>{t('design.tabs.crewText')}</p>, testId: 'design-tab-crew' },
          { id: 'schedule', label: t('design.tabs.schedule'), panel: <p>{t('design.tabs.scheduleText')}</p>, testId: 'design-tab-schedule' },
          { id: 'documents', label: t('design.tabs.documents'), panel: <p>{t('design.tabs.documentsText')}</p>, testId: 'design-tab-documents' },
        ]}
      />
    </GallerySection>
  );
}
