import { useT } from '../i18n/useT';
import { Button } from './Button';

export interface SheetFormFooterProps {
  /** The id of the form the submit button submits (the form sits in the sheet's body). */
  formId: string;
  onClose: () => void;
  busy: boolean;
  /** Create or Save, as the form says. */
  submitLabel: string;
  submitTestId: string;
}

/** The footer of a form in a Sheet: Cancel, and the submit button of the form `formId`. */
export function SheetFormFooter({ formId, onClose, busy, submitLabel, submitTestId }: SheetFormFooterProps) {
  const t = useT();
  return (
    <>
      <Button variant="secondary" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" form={formId} loading={busy} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </>
  );
}
