import { useEquipmentBookings } from '../../data/equipment/queries';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { useOrgContext } from '../../data/org/useOrgContext';
import { EmptyState } from '../../ui';
import { IconCheck } from '../../ui/icons';

/** The double bookings: per item and window, the units reserved against the units owned, and the missions. */
export function ConflictsTab() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const { eq, missions, conflicts } = useEquipmentBookings();
  const { items } = eq;
  const names = new Map(items.map((i) => [i.id, i.name]));
  if (conflicts.length === 0) return <EmptyState icon={IconCheck} title={t('equipment.conflicts.empty')} testId="conflicts-empty" />;
  return (
    <ul className="eq-cards" data-testid="conflicts-list">
      {conflicts.map((c) => (
        <li key={`${c.itemId}-${c.from}`} className="eq-card eq-card--danger" data-testid="conflict-row">
          <h3>{t('equipment.conflicts.line', { item: names.get(c.itemId) ?? '?', count: c.reserved, available: c.available })}</h3>
          <p className="muted eq-card__meta">
            {formatInZone(locale, c.from, tz, 'short')} - {formatInZone(locale, c.to, tz, 'short')}
          </p>
          <ul className="eq-list">
            {c.missionIds.map((id) => {
              const m = missions.get(id);
              return (
                <li key={id} className="eq-list__row">
                  {m ? `${m.title} (${formatInZone(locale, m.startAt, tz, 'short')} - ${formatInZone(locale, m.endAt, tz, 'time')})` : '?'}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
