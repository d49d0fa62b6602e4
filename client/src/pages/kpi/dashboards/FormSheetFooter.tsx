import { useT } from '../../../i18n/useT';
import { Button } from '../../../ui';

/** The footer of a KPI form sheet: Cancel, and Create or Save submitting the form `formId`. */
export function FormSheetFooter({ formId, onClose, busy, editing, submitTestId }: { formId: string; onClose: () => void; busy: boolean; editing: boolean; submitTestId: string }) {
  const t = useT();
  return (
    <>
      <Button variant="secondary" onClick={onClose}>
        {t('kpi.cancel')}
      </Button>
      <Button type="submit" form={formId} loading={busy} data-testid={submitTestId}>
        {editing ? t('kpi.save') : t('kpi.create')}
      </Button>
    </>
  );
}
