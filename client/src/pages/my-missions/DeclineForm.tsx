import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';

/** The optional reason of a decline, then the confirmation. */
export function DeclineForm({ id, onConfirm, onCancel }: { id: string; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const t = useT();
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason);
  };
  return (
    <form className="stack decline-form" onSubmit={submit} data-testid={`my-decline-form-${id}`}>
      <label className="field__label" htmlFor={fieldId}>
        {t('myMissions.reason')}
      </label>
      <textarea id={fieldId} className="field__input" rows={2} maxLength={500} data-testid={`my-decline-reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="my-actions">
        <button type="submit" className="button button--danger button--big" data-testid={`my-decline-confirm-${id}`}>
          {t('myMissions.confirmDecline')}
        </button>
        <button type="button" className="button button--ghost button--big" onClick={onCancel}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
