import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/useT';
import { TextField } from '../../../ui/TextField';
import { useReference, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { CheckboxList } from '../missions/ui/CheckboxList';
import { SelectField } from '../../../components/SelectField';
import { ReferenceManager } from '../people/reference/ReferenceManager';
import { liveOnly } from '../../../data/planning/reference-writes';
import { EMPTY_PROJECT_FORM, PROJECT_NAME_MAX, PROJECT_STATUSES, projectFields, type ProjectFormValues } from './project-writes';
import { useProjectActions, type ProjectFields } from './useProjectActions';
import { enumLabel } from '../../../i18n/enum-label';

/**
 * Creates a project on this device (it reaches the server with the next sync, at once when online), or edits
 * one when `editing` is given. The venue manager opens next to the form (a form cannot hold another form).
 */
export function ProjectForm({ editing, onDone }: { editing?: { id: string; values: ProjectFormValues }; onDone?: () => void }) {
  const t = useT();
  const actions = useProjectActions();
  const venues = liveOnly(useReference('venue').docs);
  const people = useUsers().docs.filter((u) => u.active);
  const [values, setValues] = useState<ProjectFormValues>(editing?.values ?? EMPTY_PROJECT_FORM);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [venuesOpen, setVenuesOpen] = useState(false);
  const set = <K extends keyof ProjectFormValues>(key: K) => (value: ProjectFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = projectFields(values);
    if ('error' in checked) {
      setError(checked.error === 'NAME_REQUIRED' ? t('projects.nameRequired') : t('planProjects.endBeforeStart'));
      return;
    }
    if (!actions) return;
    setBusy(true);
    setError(null);
    try {
      const fields: ProjectFields = checked.fields;
      if (editing) await actions.update(editing.id, fields);
      else await actions.createFull(fields);
      if (!editing) setValues(EMPTY_PROJECT_FORM);
      onDone?.();
    } catch (caught) {
      setError(t('projects.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="form project-form" data-testid="project-form" onSubmit={submit} noValidate>
        <h2>{editing ? t('planProjects.editTitle') : t('projects.formTitle')}</h2>
        <div className="form-grid">
          <TextField label={t('projects.name')} testId="project-name" value={values.name} onValue={set('name')} maxLength={PROJECT_NAME_MAX} required autoComplete="off" />
          <TextField label={t('planProjects.code')} testId="project-code" value={values.code} onValue={set('code')} maxLength={40} autoComplete="off" />
          <SelectField label={t('projects.status')} testId="project-status" value={values.status} onValue={(s) => set('status')(s as ProjectFormValues['status'])} options={PROJECT_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'projectStatus', s) }))} />
          <TextField label={t('planProjects.startDate')} testId="project-start" type="date" value={values.startDate} onValue={set('startDate')} />
          <TextField label={t('planProjects.endDate')} testId="project-end" type="date" value={values.endDate} onValue={set('endDate')} />
        </div>
        <details className="form-more">
          <summary data-testid="project-more">{t('planProjects.venuesAndManagers')}</summary>
          <div className="stack">
            <CheckboxList legend={t('planProjects.venues')} testPrefix="project-venue" options={venues.map((v) => ({ id: v.id, label: v.name }))} selected={values.venueIds} onChange={set('venueIds')} empty={t('planProjects.noVenues')} />
            <button type="button" className="button button--ghost button--small" data-testid="project-manage-venues" aria-expanded={venuesOpen} onClick={() => setVenuesOpen((o) => !o)}>
              {venuesOpen ? t('planProjects.hideVenues') : t('planProjects.manageVenues')}
            </button>
            <CheckboxList legend={t('planProjects.managers')} testPrefix="project-manager" options={people.map((u) => ({ id: u.id, label: personName(u) }))} selected={values.managerUserIds} onChange={set('managerUserIds')} empty={t('planProjects.noPeople')} />
          </div>
        </details>
        {error && (
          <p className="alert alert--error" role="alert" data-testid="project-error">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="project-submit" disabled={busy || !actions}>
            {editing ? t('projects.save') : t('projects.create')}
          </button>
          {editing && onDone && (
            <button type="button" className="button button--ghost" data-testid="project-edit-cancel" onClick={onDone}>
              {t('projects.cancel')}
            </button>
          )}
        </div>
      </form>
      {venuesOpen && (
        <div className="card card--inset">
          <ReferenceManager kind="venue" />
        </div>
      )}
    </>
  );
}
