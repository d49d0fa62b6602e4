import { cx } from './cx';
import './spinner.css';

/** A small busy indicator in currentColor; `label` makes it announce itself, else it is decorative. */
export function Spinner({ label, size = 'md', className }: { label?: string; size?: 'sm' | 'md' | 'lg'; className?: string }) {
  return (
    <span className={cx('ui-spinner', `ui-spinner--${size}`, className)} role={label ? 'status' : undefined} aria-hidden={label ? undefined : true}>
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}
