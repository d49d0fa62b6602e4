import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './cx';
import type { IconComponent } from './icons';
import './button.css';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> {
  /** The accessible name (required: an icon alone says nothing to a screen reader); also the tooltip. */
  label: string;
  icon: IconComponent;
  variant?: 'ghost' | 'secondary' | 'primary' | 'danger';
  size?: 'sm' | 'md' | 'lg';
  onDark?: boolean;
  /** A small count drawn on the corner (part of the name: pass it in `label` too). */
  badge?: number | string;
  ref?: Ref<HTMLButtonElement>;
}

/** A square button with an icon and a required accessible label (44x44 px; sm is 36 px with a mouse only). */
export function IconButton({
  label,
  icon: Icon,
  variant = 'ghost',
  size = 'md',
  onDark = false,
  badge,
  className,
  type = 'button',
  title,
  ref,
  ...rest
}: IconButtonProps) {
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      aria-label={label}
      title={title ?? label}
      className={cx('ui-icon-button', `ui-icon-button--${variant}`, `ui-icon-button--${size}`, onDark && 'ui-icon-button--on-dark', className)}
    >
      <Icon size={size === 'sm' ? 18 : 22} />
      {badge !== undefined && badge !== 0 && badge !== '' && (
        <span className="ui-icon-button__badge" aria-hidden="true">
          {badge}
        </span>
      )}
    </button>
  );
}
