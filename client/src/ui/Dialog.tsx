import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import { IconButton } from './IconButton';
import { IconClose } from './icons';
import { useModalDialog } from './useModalDialog';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  /** Called on Escape, the close button and (if dismissible) a click outside; set `open` to false there. */
  onClose: () => void;
  title: string;
  /** A sentence under the title, read with it by screen readers. */
  description?: ReactNode;
  children?: ReactNode;
  /** The actions, right-aligned (stacked full width on phones); put the primary one last. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** false: a click on the backdrop does not close (forms with unsaved input). Escape always closes. */
  dismissible?: boolean;
  /** alertdialog: a confirmation that interrupts (e.g. delete). */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  className?: string;
}

/**
 * A modal dialog on the native <dialog>: the page behind is inert, the focus starts on [data-autofocus] (else the
 * first control), stays inside, and returns to the opener on close.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = 'md', dismissible = true, role = 'dialog', testId, className }: DialogProps) {
  const t = useT();
  const id = useId();
  const modal = useModalDialog(open, onClose, dismissible);
  return (
    <dialog
      {...modal}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      className={cx('ui-dialog', `ui-dialog--${size}`, className)}
      data-testid={testId}
    >
      {open && (
        <div className="ui-dialog__frame">
          <header className="ui-dialog__header">
            <h2 className="ui-dialog__title" id={`${id}-title`}>
              {title}
            </h2>
            <span data-initial-focus-skip="">
              <IconButton icon={IconClose} label={t('ui.close')} onClick={onClose} data-testid={testId ? `${testId}-close` : undefined} />
            </span>
          </header>
          <div className="ui-dialog__body">
            {description && (
              <p className="ui-dialog__description" id={`${id}-desc`}>
                {description}
              </p>
            )}
            {children}
          </div>
          {footer && <footer className="ui-dialog__footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
