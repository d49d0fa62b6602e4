import { nextPunchTypes, presenceAfter } from '@coulisses/shared/timeclock/presence';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import type { CSSProperties } from 'react';
import { useI18n } from '../i18n/useT';
import { IconCheck } from '../ui/icons';
import { BackButton } from './BackButton';
import type { RosterPerson } from './kiosk-store';
import { IconBreak, IconClockIn, IconClockOut, IconRepeat, IconResume } from './kiosk-icons';

const ACTION_ICONS: Record<PunchType, () => React.ReactNode> = {
  IN: () => <IconClockIn />,
  OUT: () => <IconClockOut />,
  BREAK_START: () => <IconBreak />,
  BREAK_END: () => <IconResume />,
};

/** A person identified at the kiosk: where they stand, the punches that make sense now, the photo box. */
export function PunchActions(props: {
  person: RosterPerson;
  last: { punchType: string; at: string } | null;
  timeOf: (iso: string) => string;
  withPhoto: boolean;
  onPhoto: (value: boolean) => void;
  onPunch: (punchType: PunchType) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { person, last, timeOf } = props;
  const state = presenceAfter(last?.punchType);
  const stateText = !last
    ? t('kiosk.stateOut')
    : state === 'IN'
      ? t('kiosk.stateIn', { time: timeOf(last.at) })
      : state === 'BREAK'
        ? t('kiosk.stateBreak', { time: timeOf(last.at) })
        : t('kiosk.stateOutSince', { time: timeOf(last.at) });
  return (
    <section className="kiosk-screen kiosk-screen--actions" data-testid="kiosk-actions" data-state={state}>
      <header className="kiosk-head">
        <h2>{t('kiosk.hello', { name: `${person.firstName} ${person.lastName}` })}</h2>
        <p className="kiosk-sub" data-testid="kiosk-state">
          {stateText}
        </p>
      </header>
      <div className="kiosk-body kiosk-actions">
        {nextPunchTypes(state).map((a) => (
          <button key={a} type="button" className={`kiosk-btn kiosk-action kiosk-action--${a === 'IN' || a === 'BREAK_END' ? 'in' : 'out'}`} data-testid={`kiosk-action-${a}`} onClick={() => props.onPunch(a)}>
            {ACTION_ICONS[a]()}
            <span>{t(`kiosk.action_${a}`)}</span>
          </button>
        ))}
      </div>
      <footer className="kiosk-foot">
        <BackButton onBack={props.onBack} />
        <label className="kiosk-photo">
          <input type="checkbox" data-testid="kiosk-photo" checked={props.withPhoto} onChange={(e) => props.onPhoto(e.target.checked)} />
          <span>{t('kiosk.withPhoto')}</span>
        </label>
      </footer>
    </section>
  );
}

/** Several of the person's missions here fit a clock in now: they pick the one they are clocking in for. */
export function MissionChoice(props: {
  person: RosterPerson;
  missions: RosterPerson['missions'];
  timeOf: (iso: string) => string;
  onChoose: (missionId: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="kiosk-screen kiosk-screen--missions" data-testid="kiosk-missions">
      <header className="kiosk-head">
        <h2>{t('kiosk.hello', { name: `${props.person.firstName} ${props.person.lastName}` })}</h2>
        <p className="kiosk-sub">{t('kiosk.chooseMission')}</p>
      </header>
      <div className="kiosk-body kiosk-missions">
        {props.missions.map((m) => (
          <button key={m.id} type="button" className="kiosk-btn kiosk-mission" data-testid="kiosk-mission" data-mission-id={m.id} onClick={() => props.onChoose(m.id)}>
            <span className="kiosk-mission__title">{m.title}</span>
            <span className="kiosk-mission__time">{t('kiosk.missionTime', { from: props.timeOf(m.startAt), to: props.timeOf(m.endAt) })}</span>
          </button>
        ))}
      </div>
      <footer className="kiosk-foot">
        <BackButton onBack={props.onBack} />
      </footer>
    </section>
  );
}

/**
 * The punch just recorded (or recognised as a repeated tap), shown large for `ms` milliseconds: a check mark, the
 * person's name, the punch in words, the time in the organisation's zone; a bar shows the time left. The kiosk
 * announces it to screen readers through its live region (KioskMain).
 */
export function PunchConfirm(props: { person: RosterPerson; punchType: PunchType; at: string; repeat: boolean; ms: number; timeOf: (iso: string) => string; onDone: () => void }) {
  const { t } = useI18n();
  const time = props.timeOf(props.at);
  const countdown = { '--kiosk-confirm-ms': `${props.ms}ms` } as CSSProperties;
  return (
    <section className={`kiosk-screen kiosk-screen--confirm${props.repeat ? ' kiosk-screen--repeat' : ''}`} data-testid="kiosk-confirm" data-punch-type={props.punchType} data-repeat={String(props.repeat)}>
      <div className="kiosk-body kiosk-confirm">
        <span className="kiosk-confirm__mark" aria-hidden="true">
          {props.repeat ? <IconRepeat /> : <IconCheck />}
        </span>
        <div className="kiosk-confirm__text">
          <p className="kiosk-confirm__name" data-testid="kiosk-confirm-name">
            {props.person.firstName} {props.person.lastName}
          </p>
          <p className="kiosk-confirm__what" data-testid="kiosk-confirm-what">
            {props.repeat ? t('kiosk.confirmedRepeat') : t(`kiosk.confirmed_${props.punchType}`)}
          </p>
          <p className="kiosk-confirm__time" data-testid="kiosk-confirm-time">
            <time dateTime={props.at}>{time}</time>
          </p>
        </div>
      </div>
      <footer className="kiosk-foot kiosk-foot--confirm">
        <span className="kiosk-countdown" style={countdown} aria-hidden="true" />
        <button type="button" className="kiosk-btn kiosk-btn--primary kiosk-btn--done" data-testid="kiosk-confirm-done" onClick={props.onDone}>
          {t('kiosk.done')}
        </button>
      </footer>
    </section>
  );
}
