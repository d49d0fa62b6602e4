import { nextPunchTypes } from '@coulisses/shared/timeclock/presence';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import { StatusBadge } from '../../components/StatusBadge';
import type { AssignmentDoc, MissionDoc, ReferenceDoc, UserDoc } from '../../data/types';
import { venueAddress } from '../../data/planning/reference-writes';
import { enumLabel } from '../../i18n/enum-label';
import { formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { usePunch } from '../../timeclock/usePunch';
import { Button } from '../../ui/Button';
import { Chip } from '../../ui/Chip';
import { IconClock, IconMapPin, IconUpload } from '../../ui/icons';
import { mapsHref } from './maps-link';
import { endsNextDay, type TodayPick } from './today-mission';

type Row = { assignment: AssignmentDoc; mission: MissionDoc };

/**
 * The first card of My missions: the mission running now or next today (time range in the organisation's zone,
 * venue and address with a maps link, my answer) and the clock in / clock out button, the same punch as the
 * Clock in tab. Nothing today: a friendly word and the date of the next mission.
 */
export function TodayCard({ pick, user, venues, tz }: { pick: TodayPick<Row>; user: UserDoc; venues: Map<string, ReferenceDoc>; tz: string }) {
  const { t, locale } = useI18n();
  const { ready, state, busy, message, punch, waiting } = usePunch(user);
  const today = pick.kind === 'now' || pick.kind === 'later' ? pick.row : null;
  const clockedIn = state.state !== 'OUT';
  const mission = today?.mission ?? null;
  const venue = mission?.venueId ? venues.get(mission.venueId) : undefined;
  const address = venue ? venueAddress(venue) : '';
  const canClockIn = today !== null && today.assignment.status === 'ACCEPTED';
  const types: PunchType[] = clockedIn ? nextPunchTypes(state.state).filter((type) => type !== 'BREAK_START') : canClockIn ? ['IN'] : [];
  // An open shift keeps the mission it was opened on; a new one goes to today's mission.
  const missionId = clockedIn ? state.missionId : (mission?.id ?? null);

  return (
    <section className="today-card" aria-labelledby="today-title" data-testid="today-card" data-kind={pick.kind} data-mission-id={mission?.id ?? ''}>
      <header className="today-card__head">
        <h2 id="today-title" className="today-card__title">
          {t('myMissions.todayTitle')}
        </h2>
        {today && <span className="today-card__when-tag">{pick.kind === 'now' ? t('myMissions.todayNow') : t('myMissions.todayLater')}</span>}
      </header>

      {today && mission ? (
        <div className="today-card__body">
          <h3 className="today-card__mission" data-testid="today-mission-title">
            {mission.title}
          </h3>
          <p className="today-card__time" data-testid="today-time">
            <IconClock size={18} />
            {formatInZone(locale, mission.startAt, tz, 'time')} - {formatInZone(locale, mission.endAt, tz, 'time')}
            {endsNextDay(mission.startAt, mission.endAt, tz) && <span className="today-card__next-day">{t('myMissions.endsNextDay')}</span>}
          </p>
          {venue && (
            <p className="today-card__venue">
              <IconMapPin size={18} />
              <span>
                <strong>{venue.name}</strong>
                {address && (
                  <>
                    <br />
                    <span className="muted">{address}</span>{' '}
                    <a href={mapsHref(address)} target="_blank" rel="noreferrer" className="today-card__map" aria-label={t('myMissions.directionsTo', { address })} data-testid="today-map">
                      {t('myMissions.directions')}
                    </a>
                  </>
                )}
              </span>
            </p>
          )}
          <p className="today-card__answer">
            <span className="muted">{t('myMissions.todayAnswer')}</span> <StatusBadge group="assignment" status={today.assignment.status} testId="today-answer" />
          </p>
          {!canClockIn && !clockedIn && <p className="hint">{t('myMissions.acceptToClock')}</p>}
        </div>
      ) : (
        <p className="today-card__empty" data-testid="today-empty">
          {t('myMissions.todayEmpty')}{' '}
          {pick.kind === 'next' ? t('myMissions.todayNext', { date: formatLocalDate(locale, pick.date) }) : t('myMissions.todayNoneAhead')}
        </p>
      )}

      {clockedIn && state.since && (
        <p className="today-card__state" data-testid="today-clock-state" data-state={state.state}>
          {state.state === 'IN'
            ? t('myMissions.clockedInSince', { time: formatInZone(locale, state.since, tz, 'time') })
            : `${t(`timeclock.punch.state.${state.state}`)} ${t('timeclock.punch.since', { time: formatInZone(locale, state.since, tz, 'time') })}`}
        </p>
      )}
      {waiting > 0 && (
        <p>
          <Chip size="sm" tone="warning" icon={IconUpload} data-testid="today-pending" title={t('timeclock.punch.pending', { count: waiting })}>
            {t('timeclock.punch.pendingShort', { count: waiting })}
          </Chip>
        </p>
      )}
      {types.length > 0 && (
        <div className="today-card__actions">
          {types.map((type) => (
            <Button
              key={type}
              variant={type === 'OUT' ? 'secondary' : 'primary'}
              size="lg"
              block
              loading={busy}
              disabled={!ready}
              data-testid={`today-punch-${type}`}
              onClick={() => void punch(type, missionId, missionId === mission?.id ? venue : undefined)}
            >
              {type === 'IN' ? t('myMissions.clockIn') : type === 'OUT' ? t('myMissions.clockOut') : enumLabel(t, 'punchType', type)}
            </Button>
          ))}
        </div>
      )}
      {message && (
        <p className={`alert alert--${message.kind}`} role="status" data-testid="today-punch-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
