import { useSearchParams } from 'react-router';
import { useEquipmentBookings, useIncidents } from '../../data/equipment/queries';
import { useT } from '../../i18n/useT';
import { Badge, Tabs } from '../../ui';
import { CatalogueTab } from './CatalogueTab';
import { ConflictsTab } from './ConflictsTab';
import { IncidentsTab } from './IncidentsTab';
import { ReservationsTab } from './ReservationsTab';
import '../../app/section-page.css';
import '../../components/equipment/equipment.css';

const TABS = ['catalogue', 'reservations', 'conflicts', 'incidents'] as const;
type Tab = (typeof TABS)[number];

/**
 * Equipment (issue 13): catalogue of items and kits, reservations on missions, double bookings, incidents. All
 * from the local store (offline); the selected tab is in the URL (?tab=).
 */
export function EquipmentPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'catalogue';
  const { conflicts } = useEquipmentBookings();
  const open = useIncidents().incidents.filter((i) => i.status === 'OPEN').length;
  return (
    <section className="page stack section-page page--wide equipment" aria-labelledby="title-equipment">
      <div className="section-head">
        <h1 id="title-equipment" data-testid="page-equipment">
          {t('equipmentPage.title')}
        </h1>
      </div>
      <Tabs
        label={t('equipment.tabs.label')}
        value={tab}
        onChange={(id) => setParams((p) => { p.set('tab', id); return p; }, { replace: true })}
        tabs={[
          { id: 'catalogue', label: t('equipment.tabs.catalogue'), panel: <CatalogueTab />, testId: 'equipment-tab-catalogue' },
          { id: 'reservations', label: t('equipment.tabs.reservations'), panel: <ReservationsTab />, testId: 'equipment-tab-reservations' },
          { id: 'conflicts', label: t('equipment.tabs.conflicts'), panel: <ConflictsTab />, testId: 'equipment-tab-conflicts', badge: conflicts.length ? <Badge value={conflicts.length} tone="danger" aria-label={t('equipment.conflicts.count', { count: conflicts.length })} /> : undefined },
          { id: 'incidents', label: t('equipment.tabs.incidents'), panel: <IncidentsTab />, testId: 'equipment-tab-incidents', badge: open ? <Badge value={open} tone="warning" aria-label={t('equipment.incidents.openCount', { count: open })} /> : undefined },
        ]}
      />
    </section>
  );
}
