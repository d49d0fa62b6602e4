import { addDays, localDate, startOfLocalDay } from '@coulisses/shared';
import { kioskMissionChoice } from '@coulisses/shared/timeclock/kiosk-mission';
import { nextPunchTypes } from '@coulisses/shared/timeclock/presence';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import { useMemo, useState } from 'react';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { useMyUser } from '../../../data/org/useMyUser';
import { useNow } from '../../../lib/useNow';
import { byId, useAssignments, useMissions, useReference } from '../../../data/queries';
import type { UserDoc } from '../../../data/types';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { PunchFlags } from './PunchFlags';
import { RefusedPhotos } from './RefusedPhotos';
import { writeConsent } from '../../../timeclock/punch-state';
import { usePunch } from '../../../timeclock/usePunch';
import { enumLabel } from '../../../i18n/enum-label';
import { Chip } from '../../../ui/Chip';
import { IconUpload } from '../../../ui/icons';

/** Pointage on the phone (works offline): today's missions, where I stand, the next punches, today's punches. */
export function PunchTab() {
  const { t } = useI18n();
  const { user, loading } = useMyUser();
  if (loading) return <LoadingScreen />;
  if (!user)
    return (
      <p className="alert alert--warning" data-testid="punch-no-user">
        {t('timeclock.punch.noUser')}
      </p>
    );
  return <PunchPanel user={user} />;
}

function PunchPanel({ user }: { user: UserDoc }) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const now = useNow(30_000);
  const today = localDate(now, tz);
  const dayStart = startOfLocalDay(today, tz);
  const dayEnd = startOfLocalDay(addDays(today, 1), tz);

  const { docs: assignments } = useAssignments({ userId: user.id });
  const { docs: missions } = useMissions();
  const { docs: venues } = useReference('venue');
  const { ready, punches, pending, state, busy, message, punch: record, waiting, consentPosition, setConsentPosition, consentPhoto, setConsentPhoto } = usePunch(user);

  const todays = useMemo(() => {
    const accepted = new Set(assignments.filter((a) => a.status === 'ACCEPTED').map((a) => a.missionId));
    return missions.filter((m) => accepted.has(m.id) && m.status !== 'CANCELLED' && Date.parse(m.startAt) < dayEnd && Date.parse(m.endAt) > dayStart);
  }, [assignments, missions, dayStart, dayEnd]);
  const [chosen, setChosen] = useState<string | null>(null);
  // An open shift keeps its mission; otherwise the person's choice, else the mission running now or starting soon
  // (the kiosk's rule), else the first of today.
  const likely = kioskMissionChoice(todays, now);
  const missionId = state.state !== 'OUT' ? state.missionId : chosen !== null ? chosen || null : (likely.missionId ?? likely.candidates[0]?.id ?? todays[0]?.id ?? null);
  const mission = missions.find((m) => m.id === missionId) ?? null;
  const venue = mission?.venueId ? byId(venues).get(mission.venueId) : undefined;

  const todaysPunches = punches.filter((p) => Date.parse(p.at) >= dayStart - 12 * 3_600_000).sort((a, b) => b.at.localeCompare(a.at));
  const punch = (type: PunchType) => record(type, missionId, venue);

  return (
    <div className="stack punch" data-testid="punch-tab">
      {todays.length > 0 ? (
        <label className="field">
          <span className="field__label">{t('timeclock.punch.mission')}</span>
          <select
            className="field__input"
            data-testid="punch-mission"
            value={missionId ?? ''}
            disabled={state.state !== 'OUT'}
            onChange={(e) => setChosen(e.target.value)}
          >
            {todays.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({formatInZone(locale, m.startAt, tz, 'time')} - {formatInZone(locale, m.endAt, tz, 'time')})
              </option>
            ))}
            <option value="">{t('timeclock.punch.noMission')}</option>
          </select>
        </label>
      ) : (
        <p className="muted" data-testid="punch-no-mission">
          {t('timeclock.punch.noMissionToday')}
        </p>
      )}

      <p className="lead" data-testid="punch-state" data-state={state.state}>
        {t(`timeclock.punch.state.${state.state}`)}
        {state.since && state.state !== 'OUT' && ` ${t('timeclock.punch.since', { time: formatInZone(locale, state.since, tz, 'time') })}`}
      </p>
      {waiting > 0 && (
        <Chip tone="warning" icon={IconUpload} data-testid="punch-pending" title={t('timeclock.punch.pending', { count: waiting })}>
          {t('timeclock.punch.pendingShort', { count: waiting })}
        </Chip>
      )}

      <div className="stack punch__actions">
        {nextPunchTypes(state.state).map((type) => (
          <button
            key={type}
            type="button"
            className={`button button--block ${type === 'OUT' ? 'button--secondary' : 'button--primary'}`}
            style={{ minHeight: '4rem', fontSize: '1.25rem' }}
            data-testid={`punch-${type}`}
            disabled={busy || !ready}
            onClick={() => void punch(type)}
          >
            {enumLabel(t, 'punchType', type)}
          </button>
        ))}
      </div>

      {message && (
        <p className={`alert alert--${message.kind}`} role="status" data-testid="punch-message">
          {message.text}
        </p>
      )}
      <RefusedPhotos />

      <fieldset className="stack">
        <legend>{t('timeclock.punch.consents')}</legend>
        <ConsentBox kind="position" label={t('timeclock.punch.consentPosition')} checked={consentPosition} onChange={setConsentPosition} />
        <ConsentBox kind="photo" label={t('timeclock.punch.consentPhoto')} checked={consentPhoto} onChange={setConsentPhoto} />
        <p className="hint">{t('timeclock.punch.consentHint')}</p>
      </fieldset>

      <section className="stack" aria-labelledby="punch-today-title">
        <h2 id="punch-today-title">{t('timeclock.punch.today')}</h2>
        {todaysPunches.length === 0 ? (
          <p className="muted">{t('timeclock.punch.none')}</p>
        ) : (
          <ul className="list" data-testid="punch-list">
            {todaysPunches.map((p) => (
              <li key={p.id} className="list__item" data-testid="punch-row" data-synced={pending.has(p.id) ? 'no' : 'yes'}>
                <span className="list__main">
                  {formatInZone(locale, p.at, tz, 'time')} {enumLabel(t, 'punchType', String(p.payload.punchType))}
                </span>
                <span className={`badge ${pending.has(p.id) ? 'badge--pending' : 'badge--accepted'}`}>
                  {pending.has(p.id) ? t('timeclock.punch.notSent') : t('timeclock.punch.sent')}
                </span>
                <PunchFlags flags={p.flags} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One consent checkbox, remembered on this device. */
function ConsentBox({ kind, label, checked, onChange }: { kind: 'position' | 'photo'; label: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        data-testid={`punch-consent-${kind}`}
        checked={checked}
        onChange={(e) => {
          onChange(e.target.checked);
          writeConsent(kind, e.target.checked);
        }}
      />{' '}
      {label}
    </label>
  );
}
