import type { HTMLAttributes, ReactNode } from 'react';
import { enumLabel } from '../i18n/enum-label';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import type { IconComponent } from './icons';
import { toneForStatus, type Tone } from './tones';
import './chip.css';

export interface ChipProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
  /** soft: tinted background (default); solid: strong fill; outline: border only. All meet AA in both themes. */
  variant?: 'soft' | 'solid' | 'outline';
  size?: 'sm' | 'md';
  icon?: IconComponent;
  /** A dot before the label (the colour never carries the meaning alone: the label does). */
  dot?: boolean;
  children: ReactNode;
}

/** A short status or category label. Not interactive: put it inside a button or link for that. */
export function Chip({ tone = 'neutral', variant = 'soft', size = 'md', icon: Icon, dot = false, className, children, ...rest }: ChipProps) {
  return (
    <span {...rest} className={cx('ui-chip', `ui-chip--${tone}`, `ui-chip--${variant}`, `ui-chip--${size}`, className)} data-tone={tone}>
      {dot && <span className="ui-chip__dot" aria-hidden="true" />}
      {Icon && <Icon size={size === 'sm' ? 14 : 16} />}
      <span className="ui-chip__label">{children}</span>
    </span>
  );
}

export interface StatusChipProps extends Omit<ChipProps, 'tone' | 'children'> {
  kind: 'assignment' | 'mission';
  status: string;
  /** The label; by default the status in the current language (enumLabel: plan.assignmentStatuses / plan.missionStatuses). */
  children?: ReactNode;
}

/** A chip for an assignment or mission status, with the tone of ui/tones.ts. */
export function StatusChip({ kind, status, children, dot = true, ...rest }: StatusChipProps) {
  const t = useT();
  const label = children ?? enumLabel(t, kind === 'assignment' ? 'assignmentStatus' : 'missionStatus', status);
  return (
    <Chip {...rest} dot={dot} tone={toneForStatus(kind, status)} data-status={status}>
      {label}
    </Chip>
  );
}
