import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/useT';
import { TextField } from '../../../ui/TextField';
import { useReference, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { CheckboxList } from '../missions/ui/CheckboxList';
import { SelectField } from '../../../components/SelectField';
import { AccountSelect } from './AccountSelect';
import { EMPLOYMENT_TYPES, personFields, type PersonFields, type PersonFormValues } from './person-writes';
import { liveOnly } from '../../../data/planning/reference-writes';
import type { MembersLoad } from './useMembers';
import { enumLabel } from '../../../i18n/enum-label';

/** Creates or edits a schedulable person: identity, contacts, employment, skills, tags, teams, login account. */
export function PersonForm({ initial, editingId, members, submitLabel, onSave, onCancel }: { initial: PersonFormValues; editingId?: string; members: MembersLoad; submitLabel: string; onSave: (f: PersonFields) => Promise<void>; onCancel?: () => void }) {
  const t = useT();
  const skills = liveOnly(useReference('skill').docs);
  const teams = liveOnly(useReference('team').docs);
  const people = useUsers().docs;
  const [v, setV] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof PersonFormValues>(key: K) => (value: PersonFormValues[K]) => setV((cur) => ({ ...cur, [key]: value }));
  const takenBy = new Map(people.filter((u) => u.accountId && u.id !== editingId).map((u) => [u.accountId!, personName(u)]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = personFields(v);
    if ('error' in checked) {
      setError(t(checked.error === 'FIRST_NAME_REQUIRED' ? 'planPeople.firstNameRequired' : 'planPeople.badEmail'));
      return;
    }
    if (checked.fields.accountId && takenBy.has(checked.fields.accountId)) {
      setError(t('planPeople.accountTaken', { name: takenBy.get(checked.fields.accountId)! }));
      return;
    }
    try {
      await onSave(checked.fields);
      setError(null);
      if (!editingId) setV(initial);
    } catch (caught) {
      setError(t('plan.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    }
  };

  return (
    <form className="form" data-testid={editingId ? 'person-edit-form' : 'person-form'} onSubmit={submit} noValidate>
      <div className="form-grid">
        <TextField label={t('planPeople.firstName')} testId="person-first" value={v.firstName} onValue={set('firstName')} maxLength={200} autoComplete="off" />
        <TextField label={t('planPeople.lastName')} testId="person-last" value={v.lastName} onValue={set('lastName')} maxLength={200} autoComplete="off" />
        <TextField label={t('planPeople.email')} testId="person-email" type="email" value={v.email} onValue={set('email')} maxLength={254} autoComplete="off" />
        <TextField label={t('planPeople.phone')} testId="person-phone" type="tel" value={v.phone} onValue={set('phone')} maxLength={40} autoComplete="off" />
        <SelectField label={t('planPeople.employment')} testId="person-employment" value={v.employmentType} onValue={(x) => set('employmentType')(x as PersonFormValues['employmentType'])} options={EMPLOYMENT_TYPES.map((e) => ({ value: e, label: enumLabel(t, 'employmentType', e) }))} />
        <TextField label={t('planPeople.tags')} hint={t('planPeople.tagsHint')} testId="person-tags" value={v.tags} onValue={set('tags')} maxLength={2000} autoComplete="off" />
      </div>
      <CheckboxList legend={t('planPeople.skills')} testPrefix="person-skill" options={skills.map((s) => ({ id: s.id, label: s.name }))} selected={v.skills} onChange={set('skills')} empty={t('planPeople.noSkills')} />
      <CheckboxList legend={t('planPeople.teams')} testPrefix="person-team" options={teams.map((s) => ({ id: s.id, label: s.name }))} selected={v.teamIds} onChange={set('teamIds')} empty={t('planPeople.noTeams')} />
      <AccountSelect value={v.accountId} onValue={set('accountId')} members={members} takenBy={takenBy} />
      <label className="checkbox">
        <input type="checkbox" data-testid="person-active" checked={v.active} onChange={(e) => set('active')(e.target.checked)} />
        {t('planPeople.active')}
      </label>
      {error && (
        <p className="alert alert--error" role="alert" data-testid="person-error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="person-submit">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('plan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
