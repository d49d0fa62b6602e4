import { nextPunchTypes, presenceAfter } from '@coulisses/shared/timeclock/presence';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import { useI18n } from '../i18n/useT';
import type { RosterPerson } from './kiosk-store';

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
    <section className="kiosk-center" data-testid="kiosk-actions" data-state={state}>
      <h2>{t('kiosk.hello', { name: `${person.firstName} ${person.lastName}` })}</h2>
      <p data-testid="kiosk-state">{stateText}</p>
      <div className="kiosk-actions">
        {nextPunchTypes(state).map((a) => (
          <button key={a} type="button" className="kiosk-primary" data-testid={`kiosk-action-${a}`} onClick={() => props.onPunch(a)}>
            {t(`kiosk.action_${a}`)}
          </button>
        ))}
      </div>
      <label className="kiosk-photo">
        <input type="checkbox" data-testid="kiosk-photo" checked={props.withPhoto} onChange={(e) => props.onPhoto(e.target.checked)} /> {t('kiosk.withPhoto')}
      </label>
      <button type="button" data-testid="kiosk-back" onClick={props.onBack}>
        {t('kiosk.back')}
      </button>
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
    <section className="kiosk-center" data-testid="kiosk-missions">
      <h2>{t('kiosk.hello', { name: `${props.person.firstName} ${props.person.lastName}` })}</h2>
      <p>{t('kiosk.chooseMission')}</p>
      <div className="kiosk-actions">
        {props.missions.map((m) => (
          <button key={m.id} type="button" className="kiosk-primary" data-testid="kiosk-mission" data-mission-id={m.id} onClick={() => props.onChoose(m.id)}>
            {t('kiosk.missionOption', { title: m.title, from: props.timeOf(m.startAt), to: props.timeOf(m.endAt) })}
          </button>
        ))}
      </div>
      <button type="button" data-testid="kiosk-back" onClick={props.onBack}>
        {t('kiosk.back')}
      </button>
    </section>
  );
}

/** The punch just recorded (or recognised as a repeated tap), shown a few seconds. */
export function PunchConfirm(props: { person: RosterPerson; punchType: PunchType; at: string; repeat: boolean; timeOf: (iso: string) => string; onDone: () => void }) {
  const { t } = useI18n();
  const time = props.timeOf(props.at);
  return (
    <section className="kiosk-center" data-testid="kiosk-confirm" role="status">
      <h2>{`${props.person.firstName} ${props.person.lastName}`}</h2>
      <p className="kiosk-clock">{props.repeat ? t('kiosk.confirmRepeat', { time }) : t(`kiosk.confirm_${props.punchType}`, { time })}</p>
      <button type="button" className="kiosk-primary" data-testid="kiosk-confirm-done" onClick={props.onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}
