import { useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n/useT';
import type { MissionDoc } from '../../../../data/types';
import type { MissionActions } from '../../../../data/planning/useMissionActions';
import { Notice } from '../ui/Notice';

/** Weekly recurrence: the mission n times in all, one week apart, at the same local times. */
export function RecurrenceForm({ mission, actions }: { mission: MissionDoc; actions: MissionActions | null }) {
  const t = useT();
  const [count, setCount] = useState(4);
  const [done, setDone] = useState<number | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!actions || !Number.isInteger(count) || count < 2 || count > 52) return;
    setDone(await actions.recur(mission, count));
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="mission-recur-form">
      <label className="field">
        <span className="field__label">{t('planMissions.recurCount')}</span>
        <input className="field__input" type="number" min={2} max={52} data-testid="mission-recur-count" value={Number.isFinite(count) ? count : ''} onChange={(e) => setCount(Number.parseInt(e.target.value, 10))} />
      </label>
      <button type="submit" className="button button--secondary" data-testid="mission-recur-submit" disabled={!actions}>
        {t('planMissions.recur')}
      </button>
      {done !== null && <Notice testId="mission-recur-done">{t('planMissions.recurDone', { count: done })}</Notice>}
    </form>
  );
}
