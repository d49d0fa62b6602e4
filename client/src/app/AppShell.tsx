import { Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { startPhotoUploader } from '../timeclock/photo-queue';
import { useOrgAccent } from '../ui/useOrgAccent';
import { SyncAnnouncer } from '../sync/ui/SyncAnnouncer';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { useActiveTabInView } from './useActiveTabInView';
import { useIdlePrefetch } from './prefetch';
import { LoadingScreen } from '../ui/LoadingScreen';
import { useLocaleSync } from '../notifications/useLocaleSync';

/** The signed-in layout. The page remounts when the active organisation changes, so it reloads its data. */
export function AppShell() {
  const t = useT();
  const { me } = useSession();
  const accountId = me?.account.id ?? null;
  // Punch photos taken offline wait in IndexedDB; they are sent while someone is signed in.
  useEffect(() => (accountId ? startPhotoUploader() : undefined), [accountId]);
  // The organisation's accent colour (settings.accentColor), else the brand's.
  useOrgAccent(me?.activeOrg?.settings);
  useActiveTabInView();
  // The other sections of the role, fetched when the browser is idle (each page is its own chunk).
  useIdlePrefetch(me?.role);
  // The language of this account's emails follows the app's.
  useLocaleSync(accountId);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SyncAnnouncer />
      <AppHeader />
      <MainNav />
      <main id="main" className="main" key={me?.activeOrg?.id ?? 'none'} tabIndex={-1}>
        {/* A page's chunk loading: the header and navigation stay, the loading line takes the page's place. */}
        <Suspense fallback={<LoadingScreen />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
