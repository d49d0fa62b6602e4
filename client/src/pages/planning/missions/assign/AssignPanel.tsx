import { assignBlocker, blocks, type AssignBlocker } from '@coulisses/shared/planning/assign-check';
import { useState } from 'react';
import { useT } from '../../../../i18n/useT';
import { liveOnly } from '../../../../data/planning/reference-writes';
import { byId, useReference } from '../../../../data/queries';
import { personName, type AssignmentDoc, type MissionDoc, type UserDoc } from '../../../../data/types';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { CheckboxList } from '../ui/CheckboxList';
import { Notice } from '../ui/Notice';
import { SelectField } from '../../../../components/SelectField';
import { useAssignActions } from './useAssignActions';

/**
 * Assign people to a mission: a multi-select of active people with their skills. Before writing, the local copy
 * is checked for an active assignment of that person overlapping the mission: a warning, or a block when the
 * organisation refuses overlaps (overlapPolicy REFUSE). The server checks again when the write arrives.
 */
export function AssignPanel({ mission, people, assignments, missions }: { mission: MissionDoc; people: UserDoc[]; assignments: AssignmentDoc[]; missions: MissionDoc[] }) {
  const t = useT();
  const { settings } = useOrgContext();
  const actions = useAssignActions();
  const skills = byId(liveOnly(useReference('skill').docs));
  const [selected, setSelected] = useState<string[]>([]);
  const [role, setRole] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const missionsById = byId(missions);
  const policy = settings.overlapPolicy;

  const blockerOf = (userId: string): AssignBlocker | null => assignBlocker(mission, userId, assignments, missionsById);
  const describe = (b: AssignBlocker) => (b.kind === 'DUPLICATE' ? t('planAssign.alreadyOn') : t('planAssign.overlapWith', { titles: b.missionIds.map((id) => missionsById.get(id)?.title ?? '?').join(', ') }));
  const options = people
    .filter((u) => u.active)
    .map((u) => {
      const b = blockerOf(u.id);
      const skillNames = u.skills.map((s) => skills.get(s)?.name).filter(Boolean).join(', ');
      return { id: u.id, label: personName(u), hint: [skillNames && `(${skillNames})`, b && `- ${describe(b)}`].filter(Boolean).join(' '), disabled: blocks(b, policy) };
    });
  const warned = selected.filter((id) => blockerOf(id) !== null);

  const submit = async () => {
    if (!actions || selected.length === 0) return;
    if (warned.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    const allowed = selected.filter((id) => !blocks(blockerOf(id), policy));
    const n = await actions.assign(mission.id, allowed, role || null, assignments);
    setNotice(t('planAssign.assigned', { count: n }));
    setSelected([]);
    setConfirming(false);
  };

  return (
    <section className="stack assign-panel" data-testid="assign-panel" aria-label={t('planAssign.title')}>
      <h3>{t('planAssign.title')}</h3>
      {policy === 'REFUSE' && <p className="hint">{t('planAssign.refusePolicy')}</p>}
      <CheckboxList
        legend={t('planAssign.people')}
        testPrefix="assign-user"
        options={options}
        selected={selected}
        onChange={(ids) => {
          setSelected(ids);
          setConfirming(false);
        }}
        empty={t('planAssign.noPeople')}
      />
      {mission.needs.length > 0 && (
        <SelectField label={t('planAssign.role')} testId="assign-role" value={role} onValue={setRole} options={[{ value: '', label: t('plan.none') }, ...mission.needs.map((n) => ({ value: n.role, label: n.role }))]} />
      )}
      {confirming && (
        <div className="alert alert--warning" role="alert" data-testid="assign-warning">
          <p>{t('planAssign.confirmOverlap')}</p>
          <ul>
            {warned.map((id) => (
              <li key={id}>
                {options.find((o) => o.id === id)?.label}: {describe(blockerOf(id)!)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="assign-submit" disabled={!actions || selected.length === 0} onClick={() => void submit()}>
          {confirming ? t('planAssign.assignAnyway') : t('planAssign.assign')}
        </button>
      </div>
      {notice && <Notice testId="assign-notice">{notice}</Notice>}
    </section>
  );
}
