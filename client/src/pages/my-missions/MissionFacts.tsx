import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import type { MissionDoc, ReferenceDoc } from '../../data/types';
import { venueAddress } from '../../data/planning/reference-writes';
import { enumLabel } from '../../i18n/enum-label';
import { mapsHref } from './maps-link';

/** The details a crew member needs: venue and address, times in the organisation's zone, contacts, notes. */
export function MissionFacts({ m, venue, tz, testId }: { m: MissionDoc; venue: ReferenceDoc | undefined; tz: string; testId: string }) {
  const { t, locale } = useI18n();
  const address = venue ? venueAddress(venue) : '';
  return (
    <dl className="details" data-testid={testId}>
      <dt>{t('planMissions.start')}</dt>
      <dd>{formatInZone(locale, m.startAt, tz)}</dd>
      <dt>{t('planMissions.end')}</dt>
      <dd>{formatInZone(locale, m.endAt, tz)}</dd>
      <dt>{t('planMissions.type')}</dt>
      <dd>{enumLabel(t, 'missionType', m.type)}</dd>
      <dt>{t('planMissions.venue')}</dt>
      <dd>{venue?.name ?? '-'}</dd>
      {address && (
        <>
          <dt>{t('planRef.address')}</dt>
          <dd>
            <a href={mapsHref(address)} target="_blank" rel="noreferrer">
              {address}
            </a>
          </dd>
        </>
      )}
      {m.contacts && (
        <>
          <dt>{t('planMissions.contacts')}</dt>
          <dd className="pre">{m.contacts}</dd>
        </>
      )}
      {m.notes && (
        <>
          <dt>{t('planMissions.notes')}</dt>
          <dd className="pre">{m.notes}</dd>
        </>
      )}
    </dl>
  );
}
