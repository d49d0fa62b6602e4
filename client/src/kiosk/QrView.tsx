import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useT';
import type { RosterPerson } from './kiosk-store';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (opts?: { formats?: string[] }) => BarcodeDetectorLike;

/** Identification by QR code: the camera where BarcodeDetector exists, or the code typed; matched by its hash. */
export function QrView({ people, onFound, onBack }: { people: RosterPerson[]; onFound: (p: RosterPerson) => void; onBack: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;

  const identify = useCallback(
    async (value: string): Promise<boolean> => {
      const hash = sha256Hex(value.trim());
      const person = people.find((p) => p.qrHash === hash);
      if (person) onFound(person);
      else setError(t('kiosk.qrUnknown'));
      return Boolean(person);
    },
    [people, onFound, t],
  );

  useEffect(() => {
    if (!Detector || !navigator.mediaDevices?.getUserMedia) return undefined;
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: number | undefined;
    const detector = new Detector({ formats: ['qr_code'] });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play().catch(() => undefined);
        const scan = async () => {
          if (stopped || !video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0] && (await identify(found[0].rawValue))) return;
          timer = window.setTimeout(() => void scan(), 400);
        };
        void scan();
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      if (timer) window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [Detector, identify]);

  return (
    <section className="kiosk-center" data-testid="kiosk-qr">
      <h2>{t('kiosk.qrTitle')}</h2>
      {Detector && <video ref={video} className="kiosk-video" muted playsInline />}
      <form
        className="kiosk-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          void identify(code);
        }}
      >
        <input value={code} onChange={(e) => setCode(e.target.value)} aria-label={t('kiosk.qrType')} placeholder={t('kiosk.qrType')} autoComplete="off" data-testid="kiosk-qr-input" />
        <button type="submit" className="kiosk-primary" data-testid="kiosk-qr-submit">
          {t('kiosk.qrSubmit')}
        </button>
      </form>
      {error && (
        <p className="kiosk-alert" role="alert">
          {error}
        </p>
      )}
      <button type="button" data-testid="kiosk-back" onClick={onBack}>
        {t('kiosk.back')}
      </button>
    </section>
  );
}
