import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';
import { createOrganisation } from './create-org';

export function CreateOrgForm() {
  const t = useT();
  const { applyMe } = useSession();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      applyMe(await createOrganisation(name.trim()));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="create-org-title">
      <h2 id="create-org-title">{t('org.create.title')}</h2>
      <TextField
        label={t('org.create.name')}
        testId="create-org-name"
        value={name}
        onValue={setName}
        autoComplete="organization"
        maxLength={120}
        required
      />
      <ErrorMessage error={error} testId="create-org-error" />
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="create-org-submit" disabled={busy}>
          {busy ? t('org.create.submitting') : t('org.create.submit')}
        </button>
      </div>
    </form>
  );
}
