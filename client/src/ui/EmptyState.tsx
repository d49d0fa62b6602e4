import type { ReactNode } from 'react';
import { cx } from './cx';
import { IconInbox, type IconComponent } from './icons';
import './empty-state.css';

export interface EmptyStateProps {
  title: string;
  /** One or two sentences: why it is empty and what to do. */
  children?: ReactNode;
  icon?: IconComponent;
  /** The call to action, usually one primary <Button> (and maybe a secondary one). */
  action?: ReactNode;
  /** Heading level of the title in the page outline. */
  headingLevel?: 2 | 3 | 4;
  /** Smaller, for a panel or a table. */
  compact?: boolean;
  testId?: string;
  className?: string;
}

/** What a list shows when it has nothing: an icon, a title, a sentence, and the action that fills it. */
export function EmptyState({ title, children, icon: Icon = IconInbox, action, headingLevel = 2, compact = false, testId, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={cx('ui-empty', compact && 'ui-empty--compact', className)} data-testid={testId}>
      <span className="ui-empty__icon" aria-hidden="true">
        <Icon size={compact ? 24 : 32} />
      </span>
      <Heading className="ui-empty__title">{title}</Heading>
      {children && <div className="ui-empty__text">{children}</div>}
      {action && <div className="ui-empty__action">{action}</div>}
    </div>
  );
}
