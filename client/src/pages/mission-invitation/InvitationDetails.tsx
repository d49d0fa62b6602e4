import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { StatusBadge } from '../../components/StatusBadge';
import type { MissionInvitationView } from './mission-invitation-api';
import { enumLabel } from '../../i18n/enum-label';

/** Organisation, mission, venue, times in the organisation's zone, and the current answer. */
export function InvitationDetails({ view }: { view: MissionInvitationView }) {
  const { t, locale } = useI18n();
  const { mission, venue, org, assignment } = view;
  const tz = org.timezone;
  return (
    <dl className="details">
      <dt>{t('missionInvite.org')}</dt>
      <dd data-testid="mi-org">{org.name}</dd>
      <dt>{t('missionInvite.mission')}</dt>
      <dd data-testid="mi-title">{mission ? mission.title : t('missionInvite.missionGone')}</dd>
      {mission && (
        <>
          <dt>{t('planMissions.type')}</dt>
          <dd>{enumLabel(t, 'missionType', mission.type)}</dd>
          <dt>{t('planMissions.start')}</dt>
          <dd data-testid="mi-start">{formatInZone(locale, mission.startAt, tz)}</dd>
          <dt>{t('planMissions.end')}</dt>
          <dd data-testid="mi-end">{formatInZone(locale, mission.endAt, tz)}</dd>
        </>
      )}
      <dt>{t('planMissions.venue')}</dt>
      <dd data-testid="mi-venue">{venue ? [venue.name, venue.address].filter(Boolean).join(', ') : '-'}</dd>
      {assignment.role && (
        <>
          <dt>{t('planAssign.role')}</dt>
          <dd>{assignment.role}</dd>
        </>
      )}
      {mission?.contacts && (
        <>
          <dt>{t('planMissions.contacts')}</dt>
          <dd className="pre">{mission.contacts}</dd>
        </>
      )}
      {mission?.notes && (
        <>
          <dt>{t('planMissions.notes')}</dt>
          <dd className="pre">{mission.notes}</dd>
        </>
      )}
      <dt>{t('missionInvite.status')}</dt>
      <dd>
        <StatusBadge group="assignment" status={assignment.status} testId="mi-status" />
        {assignment.declineReason && <span className="muted"> {t('planAssign.reason', { reason: assignment.declineReason })}</span>}
      </dd>
      <dt>{t('missionInvite.zone')}</dt>
      <dd>{tz}</dd>
    </dl>
  );
}
