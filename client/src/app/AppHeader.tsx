import { SignOutButton } from '../auth/SignOutButton';
import { useSession } from '../auth/useSession';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { OrgSwitcher } from '../org/OrgSwitcher';
import { OnlineStatus } from '../pwa/OnlineStatus';
import { FirstSyncStrip, SyncStatus } from '../sync/ui/SyncStatus';
import { useIsWide } from '../ui/useMediaQuery';
import { AccountMenu } from './AccountMenu';
import { NotificationPrefsButton } from '../notifications/NotificationPrefsButton';
import { Brand } from './Brand';
import { ThemeMenu } from './ThemeMenu';

/**
 * The app bar. Phones: one 56 px row (brand mark, the one status indicator, the account menu holding
 * organisation, language, appearance and sign-out). Wide screens: the same row with every tool in view.
 * `public`: the pages outside the shell (sign in, welcome, invitation) show the network state only.
 */
export function AppHeader({ variant = 'app' }: { variant?: 'app' | 'public' }) {
  const { me } = useSession();
  const wide = useIsWide();
  return (
    <header className="app-header" data-testid="app-header" data-layout={wide ? 'wide' : 'compact'}>
      <div className="app-header__bar">
        <Brand compact={!wide && variant === 'app'} />
        <div className="app-header__end">
          {variant === 'app' ? <SyncStatus /> : <OnlineStatus />}
          {wide ? (
            <div className="app-header__tools">
              {variant === 'app' && <OrgSwitcher />}
              <LanguageSwitch className="field-inline--on-dark" />
              <ThemeMenu />
              {me && (
                <span className="account-name" data-testid="account-name">
                  {me.account.name}
                </span>
              )}
              {me && variant === 'app' && <NotificationPrefsButton />}
              {me && <SignOutButton />}
            </div>
          ) : me ? (
            <AccountMenu />
          ) : (
            <LanguageSwitch className="field-inline--on-dark" />
          )}
        </div>
      </div>
      {variant === 'app' && <FirstSyncStrip />}
    </header>
  );
}
