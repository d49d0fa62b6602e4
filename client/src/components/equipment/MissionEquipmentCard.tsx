import { useState } from 'react';
import { useEquipmentBookings, useIncidents } from '../../data/equipment/queries';
import { enumLabel } from '../../i18n/enum-label';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui';
import { IconPlus } from '../../ui/icons';
import { MissionReservations } from './MissionReservations';
import { ReservationForm } from './ReservationForm';
import './equipment.css';

/** The Equipment section of a mission's page (planning): its reservations, double-booking warnings, reserve more. */
export function MissionEquipmentCard({ missionId, cancelled }: { missionId: string; cancelled: boolean }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const { eq, missions, conflicts } = useEquipmentBookings();
  const incidents = useIncidents().incidents.filter((i) => i.missionId === missionId);
  const names = new Map(eq.items.map((i) => [i.id, i.name]));
  return (
    <section className="card stack" aria-labelledby={`mission-equipment-${missionId}`} data-testid="mission-equipment">
      <div className="eq-toolbar">
        <h3 id={`mission-equipment-${missionId}`}>{t('equipment.mission.title')}</h3>
        {!cancelled && (
          <Button size="sm" variant="secondary" icon={IconPlus} onClick={() => setAdding(true)} data-testid="mission-reserve">
            {t('equipment.mission.reserve')}
          </Button>
        )}
      </div>
      <MissionReservations missionId={missionId} eq={eq} missions={missions} conflicts={conflicts} />
      {incidents.length > 0 && (
        <>
          <h4 className="eq-subtitle">{t('equipment.mission.incidents')}</h4>
          <ul className="eq-list" data-testid="mission-incidents">
            {incidents.map((i) => (
              <li key={i.id} className="eq-list__row">
                <span>
                  {enumLabel(t, 'incidentCategory', i.category)} ({enumLabel(t, 'incidentSeverity', i.severity)}){i.equipmentItemId ? ` - ${names.get(i.equipmentItemId) ?? '?'}` : ''}: {i.description}
                </span>
                <span className="muted">{t(`equipment.incidents.status.${i.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {adding && <ReservationForm missionId={missionId} onClose={() => setAdding(false)} />}
    </section>
  );
}
