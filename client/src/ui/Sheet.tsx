import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import { IconButton } from './IconButton';
import { IconClose } from './icons';
import { useIsWide } from './useMediaQuery';
import { useModalDialog } from './useModalDialog';
import './dialog.css';

export interface SheetProps {
  open: boolean;
  /** Called on Escape, the close button and a click outside; set `open` to false there. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Actions kept in view at the bottom of the sheet. */
  footer?: ReactNode;
  /** Where it comes from: 'auto' is the bottom on phones and the right side from 720 px. */
  placement?: 'auto' | 'bottom' | 'side';
  /** Width of the side sheet. */
  size?: 'md' | 'lg';
  dismissible?: boolean;
  testId?: string;
  className?: string;
}

/**
 * A modal panel: a bottom sheet on phones (thumb reach), a side sheet on wide screens. Same focus rules as
 * Dialog: inert page, focus inside, Escape closes, focus back to the opener.
 */
export function Sheet({ open, onClose, title, description, children, footer, placement = 'auto', size = 'md', dismissible = true, testId, className }: SheetProps) {
  const t = useT();
  const id = useId();
  const wide = useIsWide();
  const modal = useModalDialog(open, onClose, dismissible);
  const side = placement === 'side' || (placement === 'auto' && wide);
  return (
    <dialog
      {...modal}
      aria-modal="true"
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      className={cx('ui-sheet', side ? 'ui-sheet--side' : 'ui-sheet--bottom', `ui-sheet--${size}`, className)}
      data-testid={testId}
      data-placement={side ? 'side' : 'bottom'}
    >
      {open && (
        <div className="ui-sheet__frame">
          {!side && <div className="ui-sheet__handle" aria-hidden="true" />}
          <header className="ui-sheet__header">
            <h2 className="ui-sheet__title" id={`${id}-title`}>
              {title}
            </h2>
            <span data-initial-focus-skip="">
              <IconButton icon={IconClose} label={t('ui.close')} onClick={onClose} data-testid={testId ? `${testId}-close` : undefined} />
            </span>
          </header>
          <div className="ui-sheet__body">
            {description && (
              <p className="ui-sheet__description" id={`${id}-desc`}>
                {description}
              </p>
            )}
            {children}
          </div>
          {footer && <footer className="ui-sheet__footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
