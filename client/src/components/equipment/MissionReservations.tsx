import { conflictsOfMission, type EquipmentConflict } from '@coulisses/shared/equipment/bookings';
import type { EquipmentView } from '../../data/equipment/queries';
import { useEquipmentWrites } from '../../data/equipment/useEquipmentWrites';
import { useOrgContext } from '../../data/org/useOrgContext';
import type { MissionDoc } from '../../data/types';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { IconButton } from '../../ui';
import { IconClose } from '../../ui/icons';

/** The reservations of one mission (item or kit x quantity, remove) and its double-booking warnings. */
export function MissionReservations({ missionId, eq, missions, conflicts }: { missionId: string; eq: EquipmentView; missions: ReadonlyMap<string, MissionDoc>; conflicts: readonly EquipmentConflict[] }) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const writes = useEquipmentWrites();
  const names = new Map([...eq.items, ...eq.kits].map((x) => [x.id, x.name]));
  const mine = eq.reservations.filter((r) => r.missionId === missionId);
  const warnings = conflictsOfMission(conflicts, missionId);
  return (
    <div className="stack eq-mission">
      {mine.length === 0 ? (
        <p className="muted">{t('equipment.mission.none')}</p>
      ) : (
        <ul className="eq-list" data-testid="mission-reservations">
          {mine.map((r) => (
            <li key={r.id} className="eq-list__row">
              <span>
                {r.quantity} x {names.get(r.itemId ?? r.kitId ?? '') ?? r.name}
                {r.kitId && <span className="muted"> ({t('equipment.reservations.kit')})</span>}
                {r.note && <span className="muted"> - {r.note}</span>}
              </span>
              {writes && <IconButton icon={IconClose} size="sm" label={t('equipment.reservations.remove')} onClick={() => void writes.remove(r.id)} />}
            </li>
          ))}
        </ul>
      )}
      {warnings.map((c) => (
        <p key={`${c.itemId}-${c.from}`} className="alert alert--warning" role="status" data-testid="mission-conflict">
          {t('equipment.conflicts.line', { item: names.get(c.itemId) ?? '?', count: c.reserved, available: c.available })}{' '}
          {t('equipment.conflicts.with', {
            missions: c.missionIds.filter((id) => id !== missionId).map((id) => missions.get(id)?.title ?? '?').join(', ') || t('equipment.conflicts.stockOnly'),
            from: formatInZone(locale, c.from, tz, 'short'),
            to: formatInZone(locale, c.to, tz, 'short'),
          })}
        </p>
      ))}
    </div>
  );
}
