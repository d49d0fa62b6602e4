import { conflictsOfMission } from '@coulisses/shared/equipment/bookings';
import { useState } from 'react';
import { useEquipmentBookings } from '../../data/equipment/queries';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { useOrgContext } from '../../data/org/useOrgContext';
import { Button, Chip, EmptyState } from '../../ui';
import { IconBox, IconPlus, IconWarning } from '../../ui/icons';
import { MissionReservations } from '../../components/equipment/MissionReservations';
import { ReservationForm } from '../../components/equipment/ReservationForm';

/** Reservations by mission (soonest first), with a badge on the missions in a double booking. */
export function ReservationsTab() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const { eq, missions, conflicts } = useEquipmentBookings();
  const { reservations } = eq;
  const [adding, setAdding] = useState(false);
  const missionIds = [...new Set(reservations.map((r) => r.missionId))]
    .filter((id) => missions.has(id))
    .sort((a, b) => missions.get(a)!.startAt.localeCompare(missions.get(b)!.startAt));

  return (
    <div className="stack eq-tab">
      <div className="eq-toolbar">
        <h2>{t('equipment.reservations.title')}</h2>
        <Button icon={IconPlus} onClick={() => setAdding(true)} data-testid="reservation-new">
          {t('equipment.reservations.new')}
        </Button>
      </div>
      {missionIds.length === 0 && <EmptyState compact icon={IconBox} title={t('equipment.reservations.empty')} headingLevel={3} />}
      <ul className="eq-cards">
        {missionIds.map((id) => {
          const m = missions.get(id)!;
          const mine = conflictsOfMission(conflicts, id);
          return (
            <li key={id} className="eq-card" data-testid={`reservations-mission-${id}`}>
              <div className="eq-card__head">
                <h3>{m.title}</h3>
                {m.status === 'CANCELLED' && <Chip size="sm">{t('equipment.reservations.cancelled')}</Chip>}
                {mine.length > 0 && (
                  <Chip size="sm" tone="danger" icon={IconWarning} data-testid="conflict-badge">
                    {t('equipment.reservations.doubleBooked')}
                  </Chip>
                )}
              </div>
              <p className="muted eq-card__meta">
                {formatInZone(locale, m.startAt, tz, 'short')} - {formatInZone(locale, m.endAt, tz, 'short')}
              </p>
              <MissionReservations missionId={id} eq={eq} missions={missions} conflicts={conflicts} />
            </li>
          );
        })}
      </ul>
      {adding && <ReservationForm missionId={null} onClose={() => setAdding(false)} />}
    </div>
  );
}
