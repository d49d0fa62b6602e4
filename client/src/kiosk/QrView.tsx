import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../i18n/useT';
import { BackButton } from './BackButton';
import type { RosterPerson } from './kiosk-store';
import { useQrCamera } from './qr-camera';

/** How long an unknown code read by the camera is not reported again (it stays in front of the camera). */
const UNKNOWN_QUIET_MS = 3000;

/**
 * Identification by QR code: the camera reads the badge (every browser, qr-camera.ts), or the code printed under
 * it is typed. A code is matched by its SHA-256 against the roster's qrHash: the kiosk never holds the codes.
 */
export function QrView({ people, onFound, onBack }: { people: RosterPerson[]; onFound: (p: RosterPerson) => void; onBack: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const lastUnknown = useRef<{ text: string; at: number } | null>(null);

  const identify = useCallback(
    (value: string, fromCamera: boolean): boolean => {
      const text = value.trim();
      const hash = sha256Hex(text);
      const person = people.find((p) => p.qrHash !== null && p.qrHash === hash);
      if (person) {
        onFound(person);
        return true;
      }
      const now = Date.now();
      if (fromCamera && lastUnknown.current?.text === text && now - lastUnknown.current.at < UNKNOWN_QUIET_MS) return false;
      lastUnknown.current = { text, at: now };
      setError(t('kiosk.qrUnknown'));
      return false;
    },
    [people, onFound, t],
  );

  const camera = useQrCamera(video, (text) => identify(text, true));

  return (
    <section className="kiosk-screen kiosk-screen--qr" data-testid="kiosk-qr" data-camera={camera}>
      <header className="kiosk-head">
        <h2>{t('kiosk.qrTitle')}</h2>
      </header>
      <div className="kiosk-body kiosk-qr">
        <div className="kiosk-qr__camera" data-testid="kiosk-qr-camera">
          {camera !== 'unavailable' && <video ref={video} className="kiosk-video" muted playsInline aria-hidden="true" />}
          {camera !== 'unavailable' && <span className="kiosk-qr__frame" aria-hidden="true" />}
          <p className="kiosk-qr__status" role="status" data-testid="kiosk-qr-status">
            {camera === 'starting' ? t('kiosk.qrStarting') : camera === 'scanning' ? t('kiosk.qrLooking') : t('kiosk.qrNoCamera')}
          </p>
        </div>
        <div className="kiosk-qr__side">
          <form
            className="kiosk-qr__form"
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              lastUnknown.current = null;
              identify(code, false);
            }}
          >
            <label className="kiosk-qr__label" htmlFor="kiosk-qr-input">
              {t('kiosk.qrType')}
            </label>
            <div className="kiosk-qr__row">
              <input id="kiosk-qr-input" className="kiosk-input" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="off" spellCheck={false} data-testid="kiosk-qr-input" />
              <button type="submit" className="kiosk-btn kiosk-btn--primary" data-testid="kiosk-qr-submit">
                {t('kiosk.qrSubmit')}
              </button>
            </div>
          </form>
          {error && (
            <p className="kiosk-alert" role="alert" data-testid="kiosk-qr-error">
              {error}
            </p>
          )}
        </div>
      </div>
      <footer className="kiosk-foot">
        <BackButton onBack={onBack} />
      </footer>
    </section>
  );
}
