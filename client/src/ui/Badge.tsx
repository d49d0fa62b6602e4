import type { HTMLAttributes } from 'react';
import { cx } from './cx';
import type { Tone } from './tones';
import './chip.css';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** A count (99+ above `max`) or a very short text. */
  value: number | string;
  tone?: Tone | 'accent';
  max?: number;
}

/** A small count, e.g. on a tab or a navigation item. Give its meaning in the parent's accessible name. */
export function Badge({ value, tone = 'neutral', max = 99, className, ...rest }: BadgeProps) {
  const text = typeof value === 'number' && value > max ? `${max}+` : String(value);
  return (
    <span {...rest} className={cx('ui-badge', `ui-badge--${tone}`, className)}>
      {text}
    </span>
  );
}
