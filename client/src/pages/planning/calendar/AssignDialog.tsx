import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { isQualified, requiredSkillSets } from '@coulisses/shared/planning/replacements';
import { useI18n } from '../../../i18n/useT';
import { isActive } from './calendar-writes';
import { useCalendarUi } from './calendar-context';
import { personName } from './calendar-types';

/** Picks a person to invite to a mission (the keyboard way of dropping a person on it). */
export function AssignDialog({ missionId, onAssign, onClose }: { missionId: string; onAssign: (userId: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { model } = useCalendarUi();
  const dialog = useRef<HTMLDialogElement | null>(null);
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const mission = model.missionById.get(missionId);

  useEffect(() => {
    const node = dialog.current;
    const before = document.activeElement as HTMLElement | null;
    if (node && !node.open) node.showModal();
    return () => {
      if (node?.open) node.close();
      before?.focus();
    };
  }, []);

  const taken = useMemo(() => new Set((model.allByMission.get(missionId) ?? []).filter(isActive).map((a) => a.userId)), [model, missionId]);
  const sets = useMemo(() => (mission ? requiredSkillSets(mission) : []), [mission]);
  const people = useMemo(() => {
    const q = query.trim().toLowerCase();
    return [...model.usersById.values()]
      .filter((u) => u.active && (!q || personName(u).toLowerCase().includes(q)))
      .sort((a, b) => personName(a).localeCompare(personName(b)));
  }, [model, query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) onAssign(choice);
  };
  if (!mission) return null;
  return (
    <dialog ref={dialog} className="cal-dialog" aria-labelledby={titleId} data-testid="cal-assign-dialog" onCancel={onClose}>
      <form className="form" onSubmit={submit}>
        <h2 id={titleId}>{t('calendar.assign.title', { title: mission.title })}</h2>
        <label className="field">
          <span className="field__label">{t('calendar.assign.search')}</span>
          <input className="field__input" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="cal-assign-search" autoFocus />
        </label>
        <fieldset className="cal-dialog__people">
          <legend className="visually-hidden">{t('calendar.assign.people')}</legend>
          {people.length === 0 && <p className="muted">{t('calendar.assign.nobody')}</p>}
          {people.map((u) => {
            const already = taken.has(u.id);
            return (
              <label key={u.id} className="checkbox cal-dialog__person">
                <input type="radio" name="assign-person" value={u.id} disabled={already} checked={choice === u.id} onChange={() => setChoice(u.id)} data-testid={`cal-assign-option-${u.id}`} />
                {personName(u)}
                {already && <span className="badge">{t('calendar.assign.already')}</span>}
                {!already && sets.length > 0 && isQualified(u, sets) && <span className="badge badge--accepted">{t('calendar.assign.qualified')}</span>}
              </label>
            );
          })}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!choice} data-testid="cal-assign-submit">
            {t('calendar.assign.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose} data-testid="cal-assign-cancel">
            {t('calendar.assign.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
