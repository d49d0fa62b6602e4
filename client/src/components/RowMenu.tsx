import { useState } from 'react';
import { Button, Dialog, IconButton, IconMoreVertical, Menu, type MenuAction } from '../ui';
import { useT } from '../i18n/useT';

/** A secondary action of a row; `confirm` makes it destructive: it runs after a confirmation dialog. */
export interface RowAction {
  id: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  testId?: string;
  confirm?: { title: string; body: string };
}

/**
 * The secondary actions of a row or a page (duplicate, cancel, archive...) behind a kebab button named after
 * the item; destructive ones (with `confirm`) are drawn in the danger colour and ask first in a dialog.
 */
export function RowMenu({ name, actions, testId }: { name: string; actions: RowAction[]; testId?: string }) {
  const t = useT();
  const [asking, setAsking] = useState<RowAction | null>(null);
  const items: MenuAction[] = actions.map((a) => ({
    id: a.id,
    label: a.label,
    disabled: a.disabled,
    testId: a.testId,
    tone: a.confirm ? 'danger' : undefined,
    onSelect: () => (a.confirm ? setAsking(a) : a.onSelect()),
  }));
  const label = t('planActions.more', { name });
  return (
    <>
      <Menu
        label={label}
        items={items}
        align="end"
        testId={testId}
        renderTrigger={(props) => <IconButton {...props} icon={IconMoreVertical} label={label} data-testid={testId ? `${testId}-button` : undefined} />}
      />
      {asking && (
        <Dialog
          open
          onClose={() => setAsking(null)}
          role="alertdialog"
          size="sm"
          title={asking.confirm?.title ?? ''}
          description={asking.confirm?.body}
          testId="confirm-dialog"
          footer={
            <>
              <Button variant="secondary" onClick={() => setAsking(null)} data-autofocus="" data-testid="confirm-dialog-keep">
                {t('planActions.keep')}
              </Button>
              <Button
                variant="danger"
                data-testid="confirm-dialog-confirm"
                onClick={() => {
                  const run = asking;
                  setAsking(null);
                  run.onSelect();
                }}
              >
                {asking.label}
              </Button>
            </>
          }
        />
      )}
    </>
  );
}
