import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../../i18n/useT';
import { venueAddress } from '../../../../data/planning/reference-writes';
import type { MissionDoc, ReferenceDoc } from '../../../../data/types';
import { StatusBadge } from '../../../../components/StatusBadge';
import { enumLabel } from '../../../../i18n/enum-label';

/** What a mission is: when (organisation zone), where, type, status, needs, notes and contacts. */
export function MissionInfo({ m, projectName, venue, skills, tz }: { m: MissionDoc; projectName: string; venue: ReferenceDoc | undefined; skills: Map<string, ReferenceDoc>; tz: string }) {
  const { t, locale } = useI18n();
  return (
    <dl className="details" data-testid="mission-info">
      <dt>{t('planMissions.status')}</dt>
      <dd>
        <StatusBadge group="mission" status={m.status} testId="mission-detail-status" />
      </dd>
      <dt>{t('planMissions.start')}</dt>
      <dd data-testid="mission-detail-start">{formatInZone(locale, m.startAt, tz)}</dd>
      <dt>{t('planMissions.end')}</dt>
      <dd data-testid="mission-detail-end">{formatInZone(locale, m.endAt, tz)}</dd>
      <dt>{t('planMissions.type')}</dt>
      <dd>{enumLabel(t, 'missionType', m.type)}</dd>
      <dt>{t('planMissions.project')}</dt>
      <dd>{projectName || '-'}</dd>
      <dt>{t('planMissions.venue')}</dt>
      <dd>{venue ? [venue.name, venueAddress(venue)].filter(Boolean).join(', ') : '-'}</dd>
      <dt>{t('planMissionForm.needs')}</dt>
      <dd>
        {m.needs.length === 0
          ? '-'
          : m.needs.map((n, i) => (
              <div key={i}>
                {t('plan.need', { count: n.count, role: n.role })}
                {n.skills.length > 0 && <span className="muted"> ({n.skills.map((s) => skills.get(s)?.name ?? '?').join(', ')})</span>}
              </div>
            ))}
      </dd>
      {m.notes && (
        <>
          <dt>{t('planMissions.notes')}</dt>
          <dd className="pre">{m.notes}</dd>
        </>
      )}
      {m.contacts && (
        <>
          <dt>{t('planMissions.contacts')}</dt>
          <dd className="pre">{m.contacts}</dd>
        </>
      )}
    </dl>
  );
}
