import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../auth/SessionProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { SyncProvider } from '../sync/SyncProvider';
import { ToastProvider } from '../ui/Toast';
import { RemovedStoreNotices } from '../sync/ui/RemovedStoreNotices';
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import { AppRoutes } from './AppRoutes';
import { RouteErrorBoundary } from './ErrorBoundary';

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <SessionProvider>
          <SyncProvider>
            <RemovedStoreNotices />
            <BrowserRouter>
              <RouteErrorBoundary>
                <AppRoutes />
              </RouteErrorBoundary>
            </BrowserRouter>
          </SyncProvider>
          <UpdatePrompt />
        </SessionProvider>
      </ToastProvider>
      <LiveAnnouncer />
    </I18nProvider>
  );
}
