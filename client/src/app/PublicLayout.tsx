import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader';

/** Layout of the pages outside the shell: sign in, sign up, welcome, invitation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <AppHeader variant="public" />
      <main id="main" className="main main--public">
        {children}
      </main>
    </div>
  );
}
