import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/useT';
import { TextField } from '../../../ui/TextField';
import { PROJECT_STATUSES, PROJECT_NAME_MAX, cleanName, type ProjectStatus } from './project-writes';
import { useProjectActions } from './useProjectActions';

/** Creates a project on this device; it reaches the server with the next sync (at once when online). */
export function ProjectForm() {
  const t = useT();
  const statusId = useId();
  const actions = useProjectActions();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<ProjectStatus>('DRAFT');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const clean = cleanName(name);
    if (!clean) {
      setError(t('projects.nameRequired'));
      return;
    }
    if (!actions) return;
    setBusy(true);
    setError(null);
    try {
      await actions.create(clean, status);
      setName('');
    } catch (caught) {
      setError(t('projects.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form project-form" data-testid="project-form" onSubmit={submit} noValidate>
      <h2>{t('projects.formTitle')}</h2>
      <TextField label={t('projects.name')} testId="project-name" value={name} onValue={setName} maxLength={PROJECT_NAME_MAX} required autoComplete="off" />
      <div className="field">
        <label className="field__label" htmlFor={statusId}>
          {t('projects.status')}
        </label>
        <select id={statusId} data-testid="project-status" value={status} onChange={(event) => setStatus(event.target.value as ProjectStatus)}>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`projects.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="alert alert--error" role="alert" data-testid="project-error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="project-submit" disabled={busy || !actions}>
          {t('projects.create')}
        </button>
      </div>
    </form>
  );
}
