import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import './skeleton.css';

export interface SkeletonProps {
  /** text: lines of text; rect: a block (card, image); circle: an avatar. */
  shape?: 'text' | 'rect' | 'circle';
  /** Lines for shape="text" (the last one shorter). */
  lines?: number;
  /** CSS width and height (rect and circle). */
  width?: string;
  height?: string;
  className?: string;
}

/** A grey placeholder of content that is loading. Decorative: wrap a group in <SkeletonGroup> to announce it. */
export function Skeleton({ shape = 'text', lines = 1, width, height, className }: SkeletonProps) {
  if (shape === 'text') {
    return (
      <span className={cx('ui-skeleton-lines', className)} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <span key={i} className="ui-skeleton ui-skeleton--text" style={i === lines - 1 && lines > 1 ? { width: '60%' } : width ? { width } : undefined} />
        ))}
      </span>
    );
  }
  return <span className={cx('ui-skeleton', `ui-skeleton--${shape}`, className)} style={{ width, height: height ?? width }} aria-hidden="true" />;
}

/** A loading region: announced once as busy ("Loading"), its skeletons hidden from screen readers. */
export function SkeletonGroup({ children, label, className, testId }: { children: ReactNode; label?: string; className?: string; testId?: string }) {
  const t = useT();
  return (
    <div className={cx('ui-skeleton-group', className)} role="status" aria-busy="true" data-testid={testId}>
      <span className="visually-hidden">{label ?? t('ui.loading')}</span>
      {children}
    </div>
  );
}
