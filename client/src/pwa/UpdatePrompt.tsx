import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/useT';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Asks the waiting service worker for an update every hour, skipping when offline or installing. */
function watchForUpdates(swUrl: string, registration: ServiceWorkerRegistration | undefined): void {
  if (!registration) return;
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

/** Registers /sw.js; offers to reload when a new version waits, and says when offline use is ready. */
export function UpdatePrompt() {
  const t = useT();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: watchForUpdates,
    onRegisterError: (error: unknown) => console.error('service worker registration failed', error),
  });

  if (needRefresh) {
    return (
      <div className="banner" role="alert" data-testid="update-prompt">
        <p className="banner__text">{t('pwa.updateAvailable')}</p>
        <div className="banner__actions">
          <button type="button" className="button button--primary" data-testid="update-reload" onClick={() => void updateServiceWorker(true)}>
            {t('pwa.reload')}
          </button>
          <button type="button" className="button button--ghost" data-testid="update-later" onClick={() => setNeedRefresh(false)}>
            {t('pwa.later')}
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
