import type { ReactNode } from 'react';

/** A polite status line (a write done, a result), announced to screen readers. */
export function Notice({ kind = 'success', testId, children }: { kind?: 'success' | 'warning' | 'error'; testId?: string; children: ReactNode }) {
  return (
    <p className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
