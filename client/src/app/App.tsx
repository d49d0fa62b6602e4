import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../auth/SessionProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { SyncProvider } from '../sync/SyncProvider';
import { RemovedStoreNotices } from '../sync/ui/RemovedStoreNotices';
import { AppRoutes } from './AppRoutes';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <SyncProvider>
          <RemovedStoreNotices />
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SyncProvider>
        <UpdatePrompt />
      </SessionProvider>
    </I18nProvider>
  );
}
