import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import type { IconComponent } from './icons';
import { Spinner } from './Spinner';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** sm is 36 px high with a mouse and grows to 44 px on touch screens; md 44 px; lg 52 px. */
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and ignores clicks (the button keeps its focus and its label). */
  loading?: boolean;
  /** An icon before the label. */
  icon?: IconComponent;
  /** An icon after the label (e.g. a chevron). */
  iconEnd?: IconComponent;
  /** Full width. */
  block?: boolean;
  /** On the dark app bar. */
  onDark?: boolean;
  ref?: Ref<HTMLButtonElement>;
  children?: ReactNode;
}

/** The app's button. type="button" unless told otherwise. */
export function Button({
  variant = 'secondary',
  size = 'md',
  loading = false,
  icon: Icon,
  iconEnd: IconEnd,
  block = false,
  onDark = false,
  className,
  type = 'button',
  disabled,
  onClick,
  children,
  ref,
  ...rest
}: ButtonProps) {
  const t = useT();
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      disabled={disabled}
      aria-busy={loading || undefined}
      aria-disabled={loading || undefined}
      className={cx(
        'ui-button',
        `ui-button--${variant}`,
        `ui-button--${size}`,
        block && 'ui-button--block',
        onDark && 'ui-button--on-dark',
        loading && 'is-loading',
        className,
      )}
      onClick={handleClick}
    >
      {loading ? <Spinner size="sm" /> : Icon && <Icon size={size === 'lg' ? 22 : 18} />}
      {children !== undefined && children !== null && <span className="ui-button__label">{children}</span>}
      {IconEnd && <IconEnd size={18} />}
      {loading && <span className="visually-hidden">{t('ui.loading')}</span>}
    </button>
  );
}
