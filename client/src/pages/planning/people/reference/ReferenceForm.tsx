import { useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n/useT';
import { TextField } from '../../../../ui/TextField';

export interface ReferenceValues {
  name: string;
  address: string;
}

/** Name (and address for a venue) of a reference document; used to add one and to edit one. */
export function ReferenceForm({
  testPrefix,
  withAddress,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  testPrefix: string;
  withAddress: boolean;
  initial: ReferenceValues;
  submitLabel: string;
  onSubmit: (values: ReferenceValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!values.name.trim()) {
      setError(t('planRef.nameRequired'));
      return;
    }
    try {
      await onSubmit({ name: values.name.trim(), address: values.address.trim() });
      setError(null);
      if (!onCancel) setValues(initial);
    } catch (caught) {
      setError(t('plan.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    }
  };

  return (
    <form className="ref-form" onSubmit={submit} noValidate data-testid={`${testPrefix}-form`}>
      <TextField label={t('planRef.name')} testId={`${testPrefix}-name`} value={values.name} onValue={(name) => setValues((v) => ({ ...v, name }))} maxLength={200} autoComplete="off" />
      {withAddress && <TextField label={t('planRef.address')} testId={`${testPrefix}-address`} value={values.address} onValue={(address) => setValues((v) => ({ ...v, address }))} maxLength={500} autoComplete="off" />}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" data-testid={`${testPrefix}-submit`}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            {t('plan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
