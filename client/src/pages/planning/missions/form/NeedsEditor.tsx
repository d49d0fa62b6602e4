import { useT } from '../../../../i18n/useT';
import type { ReferenceDoc } from '../../../../data/types';
import type { NeedValues } from '../../../../data/planning/mission-writes';

/** The role needs of a mission: role, how many people, which skills (reference kind 'skill'). */
export function NeedsEditor({ needs, onChange, skills, testPrefix = 'mission-need' }: { needs: NeedValues[]; onChange: (needs: NeedValues[]) => void; skills: ReferenceDoc[]; testPrefix?: string }) {
  const t = useT();
  const update = (i: number, patch: Partial<NeedValues>) => onChange(needs.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <fieldset className="needs" data-testid={`${testPrefix}s`}>
      <legend className="field__label">{t('planMissionForm.needs')}</legend>
      {needs.length === 0 && <p className="hint">{t('planMissionForm.noNeeds')}</p>}
      {needs.map((n, i) => (
        <div key={i} className="needs__row">
          <label className="field needs__role">
            <span className="field__label">{t('planMissionForm.role')}</span>
            <input className="field__input" data-testid={`${testPrefix}-role-${i}`} value={n.role} maxLength={60} onChange={(e) => update(i, { role: e.target.value })} />
          </label>
          <label className="field needs__count">
            <span className="field__label">{t('planMissionForm.count')}</span>
            <input className="field__input" type="number" min={1} max={500} inputMode="numeric" data-testid={`${testPrefix}-count-${i}`} value={Number.isFinite(n.count) ? n.count : ''} onChange={(e) => update(i, { count: Number.parseInt(e.target.value, 10) })} />
          </label>
          {skills.length > 0 && (
            <fieldset className="needs__skills">
              <legend className="hint">{t('planMissionForm.skills')}</legend>
              {skills.map((s) => (
                <label key={s.id} className="checkbox checkbox--inline">
                  <input
                    type="checkbox"
                    data-testid={`${testPrefix}-skill-${i}-${s.id}`}
                    checked={n.skills.includes(s.id)}
                    onChange={(e) => update(i, { skills: e.target.checked ? [...n.skills, s.id] : n.skills.filter((x) => x !== s.id) })}
                  />
                  {s.name}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" className="button button--ghost button--small" data-testid={`${testPrefix}-remove-${i}`} onClick={() => onChange(needs.filter((_, j) => j !== i))}>
            {t('planMissionForm.removeNeed')}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" data-testid={`${testPrefix}-add`} onClick={() => onChange([...needs, { role: '', count: 1, skills: [] }])}>
        {t('planMissionForm.addNeed')}
      </button>
    </fieldset>
  );
}
