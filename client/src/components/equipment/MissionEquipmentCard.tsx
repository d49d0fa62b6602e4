import { useState } from 'react';
import { useEquipmentBookings } from '../../data/equipment/queries';
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
      {adding && <ReservationForm missionId={missionId} onClose={() => setAdding(false)} />}
    </section>
  );
}
