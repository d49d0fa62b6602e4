import { formatInZone } from '../../../i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useOrgContext } from '../../planning/missions/data/useOrgContext';
import { PunchFlags } from '../punch/PunchFlags';
import { useFieldEvents } from './timesheet-data';

/** The punches a timesheet was computed from, in time order, with their source and flags. */
export function PunchList({ ids, userId }: { ids: readonly string[]; userId: string }) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const { docs } = useFieldEvents('PUNCH', userId);
  const wanted = new Set(ids);
  const punches = docs.filter((p) => wanted.has(p.id)).sort((a, b) => a.at.localeCompare(b.at));
  if (punches.length === 0) return <p className="muted">{t('timeclock.punch.none')}</p>;
  return (
    <ul className="list" data-testid="ts-punches">
      {punches.map((p) => (
        <li key={p.id} className="list__item">
          <span className="list__main">
            {formatInZone(locale, p.at, tz)} {t(`timeclock.punchTypes.${String(p.payload.punchType)}`)} ({String(p.payload.source ?? '')})
          </span>
          <PunchFlags flags={p.flags} />
        </li>
      ))}
    </ul>
  );
}
