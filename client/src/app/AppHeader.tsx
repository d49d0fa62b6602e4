import { SignOutButton } from '../auth/SignOutButton';
import { useSession } from '../auth/useSession';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { OrgSwitcher } from '../org/OrgSwitcher';
import { OnlineStatus } from '../pwa/OnlineStatus';
import { SyncStatus } from '../sync/ui/SyncStatus';
import { Brand } from './Brand';

export function AppHeader() {
  const { me } = useSession();
  return (
    <header className="app-header">
      <div className="app-header__row">
        <Brand />
        <div className="app-header__status">
          <OnlineStatus />
          <SyncStatus />
        </div>
      </div>
      <div className="app-header__row app-header__tools">
        <OrgSwitcher />
        <LanguageSwitch className="field-inline--on-dark" />
        {me && (
          <span className="account-name" data-testid="account-name">
            {me.account.name}
          </span>
        )}
        <SignOutButton />
      </div>
    </header>
  );
}
