import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../auth/SessionProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { AppRoutes } from './AppRoutes';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
        <UpdatePrompt />
      </SessionProvider>
    </I18nProvider>
  );
}
