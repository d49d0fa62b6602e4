import { formatInZone } from '@coulisses/shared/i18n/format';
import type { Translate } from '../../../i18n/i18n-context';
import { useI18n } from '../../../i18n/useT';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { PunchFlags } from '../punch/PunchFlags';
import { useFieldEvents } from './timesheet-data';
import { enumLabel } from '../../../i18n/enum-label';

/** Where and how a punch was taken: the source ("Phone"), with the method on a kiosk ("Kiosk, PIN"). */
function punchVia(t: Translate, payload: Record<string, unknown>): string {
  const source = enumLabel(t, 'punchSource', String(payload.source ?? ''));
  return payload.source === 'KIOSK' && payload.method ? t('timeclock.punch.via', { source, method: enumLabel(t, 'punchMethod', String(payload.method)) }) : source;
}

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
            {formatInZone(locale, p.at, tz)} {enumLabel(t, 'punchType', String(p.payload.punchType))}{' '}
            <span className="muted">({punchVia(t, p.payload)})</span>
          </span>
          <PunchFlags flags={p.flags} />
        </li>
      ))}
    </ul>
  );
}
