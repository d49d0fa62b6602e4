import { knownKey } from '@coulisses/shared';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useT';
import { dismissRefusedPhoto, refusedPhotos, RETRY_MS, type PendingPhoto } from '../../../timeclock/photo-queue';

/** Punch photos the server refused for good, each with its reason, until the person dismisses it. */
export function RefusedPhotos() {
  const { t } = useI18n();
  const [photos, setPhotos] = useState<PendingPhoto[]>([]);
  const load = useCallback(() => {
    refusedPhotos().then(setPhotos, () => setPhotos([]));
  }, []);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, RETRY_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  if (photos.length === 0) return null;
  return (
    <ul className="list" data-testid="punch-photos-refused">
      {photos.map((p) => {
        const code = p.refused?.code ?? '';
        const key = knownKey(`errors.${code}`);
        const reason = key ? t(key) : code;
        return (
          <li key={p.eventId} className="list__item alert alert--warning">
            <span className="list__main">{t('timeclock.punch.photoRefused', { reason })}</span>
            <button type="button" className="button button--ghost button--small" onClick={() => void dismissRefusedPhoto(p.eventId).then(load)}>
              {t('timeclock.punch.photoDismiss')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
