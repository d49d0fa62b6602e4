import type { ReactNode } from 'react';
import { SignOutButton } from '../auth/SignOutButton';
import { useSession } from '../auth/useSession';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { OnlineStatus } from '../pwa/OnlineStatus';
import { Brand } from './Brand';

/** Layout of the pages outside the shell: sign in, sign up, welcome, invitation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { me } = useSession();
  return (
    <div className="shell">
      <header className="app-header">
        <div className="app-header__row">
          <Brand />
          <OnlineStatus />
        </div>
        <div className="app-header__row app-header__tools">
          <LanguageSwitch className="field-inline--on-dark" />
          {me && (
            <>
              <span className="account-name" data-testid="account-name">
                {me.account.name}
              </span>
              <SignOutButton />
            </>
          )}
        </div>
      </header>
      <main id="main" className="main main--public">
        {children}
      </main>
    </div>
  );
}
