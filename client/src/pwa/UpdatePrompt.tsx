import { useEffect, useSyncExternalStore } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/useT';
import { isAppUpdateRequired, subscribeAppUpdate } from './app-update';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** The service worker registration, to look for a new version at once when the server requires one. */
let currentRegistration: ServiceWorkerRegistration | undefined;

/** Asks the waiting service worker for an update every hour, skipping when offline or installing. */
function watchForUpdates(swUrl: string, registration: ServiceWorkerRegistration | undefined): void {
  if (!registration) return;
  currentRegistration = registration;
  window.setInterval(async () => {
    if (registration.installing || !navigator.onLine) return;
    try {
      const response = await fetch(swUrl, { cache: 'no-store', headers: { 'cache-control': 'no-cache' } });
      if (response.status === 200) await registration.update();
    } catch {
      // Offline or server down: try again next hour.
    }
  }, UPDATE_CHECK_MS);
}

/**
 * Registers /sw.js; offers to reload when a new version waits, and says when offline use is ready. When the
 * sync server refuses this version (426 APP_UPDATE_REQUIRED, sync stopped), it looks for the new version at once
 * and insists: the update prompt without "later", or, while no new version waits, a reload.
 */
export function UpdatePrompt() {
  const t = useT();
  const required = useSyncExternalStore(subscribeAppUpdate, isAppUpdateRequired, () => false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: watchForUpdates,
    onRegisterError: (error: unknown) => console.error('service worker registration failed', error),
  });

  useEffect(() => {
    if (!required || !currentRegistration || !navigator.onLine) return;
    currentRegistration.update().catch(() => undefined);
  }, [required]);

  if (needRefresh) {
    return (
      <div className="banner" role="alert" data-testid="update-prompt" data-required={String(required)}>
        <p className="banner__text">{required ? t('pwa.updateRequired') : t('pwa.updateAvailable')}</p>
        <div className="banner__actions">
          <button type="button" className="button button--primary" data-testid="update-reload" onClick={() => void updateServiceWorker(true)}>
            {t('pwa.reload')}
          </button>
          {!required && (
            <button type="button" className="button button--ghost" data-testid="update-later" onClick={() => setNeedRefresh(false)}>
              {t('pwa.later')}
            </button>
          )}
        </div>
      </div>
    );
  }

  if (required) {
    return (
      <div className="banner" role="alert" data-testid="update-required">
        <p className="banner__text">{t('pwa.reloadRequired')}</p>
        <div className="banner__actions">
          <button type="button" className="button button--primary" data-testid="update-required-reload" onClick={() => window.location.reload()}>
            {t('pwa.reload')}
          </button>
        </div>
      </div>
    );
  }

  if (offlineReady) {
    return (
      <div className="toast" role="status" data-testid="offline-ready">
        <p className="toast__text">{t('pwa.offlineReady')}</p>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="offline-ready-dismiss"
          onClick={() => setOfflineReady(false)}
        >
          {t('common.dismiss')}
        </button>
      </div>
    );
  }

  return null;
}
