import { useT } from '../../i18n/useT';
import { Button } from '../../ui';

/** The footer of an equipment form sheet: Cancel, and Create or Save submitting the form `formId`. */
export function SheetFooter({ formId, onClose, busy, label, submitTestId }: { formId: string; onClose: () => void; busy: boolean; label: string; submitTestId: string }) {
  const t = useT();
  return (
    <>
      <Button variant="secondary" onClick={onClose}>
        {t('equipment.cancel')}
      </Button>
      <Button type="submit" form={formId} loading={busy} data-testid={submitTestId}>
        {label}
      </Button>
    </>
  );
}

/** Runs a save, returning the error text to show (null when it worked). */
export async function trySave(save: () => Promise<void>, failed: (reason: string) => string): Promise<string | null> {
  try {
    await save();
    return null;
  } catch (caught) {
    return failed(caught instanceof Error ? caught.message : String(caught));
  }
}
