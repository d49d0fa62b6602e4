import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/useT';
import { KioskHttpError, fetchMe } from './kiosk-api';
import { readIdentity, saveIdentity, type KioskIdentity } from './kiosk-store';
import { KioskMain, type EnrolledIdentity } from './KioskMain';
import { KioskTopBar } from './KioskTopBar';
import './kiosk.css';

/**
 * The kiosk is always dark (a tablet in the wings, backstage light): it sets the design system's dark theme on
 * <html> while mounted and gives the page back the theme it had.
 */
function useKioskTheme(): void {
  useEffect(() => {
    const root = document.documentElement;
    const before = root.getAttribute('data-theme');
    root.setAttribute('data-theme', 'dark');
    root.classList.add('kiosk-page');
    return () => {
      root.classList.remove('kiosk-page');
      if (before === null) root.removeAttribute('data-theme');
      else root.setAttribute('data-theme', before);
    };
  }, []);
}

/** Reads `#enrol=<token>` from the address (the enrolment link). */
function enrolTokenFromHash(): string | null {
  const m = /^#enrol=([A-Za-z0-9_-]{20,100})$/.exec(window.location.hash);
  return m ? m[1]! : null;
}

/**
 * The kiosk: a tablet enrolled for one venue where crew clock in and out with their PIN or QR code, offline
 * for days if need be. Outside the signed-in app: the kiosk token is its only credential.
 */
export function KioskApp() {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<KioskIdentity | null>(() => readIdentity());
  const [enrolError, setEnrolError] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState<boolean>(() => enrolTokenFromHash() !== null);
  useKioskTheme();

  useEffect(() => {
    const token = enrolTokenFromHash();
    if (!token) return;
    const fresh: KioskIdentity = { token, kiosk: null, org: null, settings: null };
    saveIdentity(fresh);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    // Not cancelled on cleanup: the hash is consumed once, so the answer must land whatever re-renders.
    fetchMe(token).then(
      (me) => {
        const full = { token, ...me };
        saveIdentity(full);
        setIdentity(full);
        setEnrolling(false);
      },
      (err: unknown) => {
        setEnrolError(err instanceof KioskHttpError ? err.code : String(err));
        setIdentity(fresh);
        setEnrolling(false);
      },
    );
  }, []);

  // An enrolled kiosk reads who it is again once per start: the organisation's name and settings (its accent colour)
  // may have changed since the enrolment. Offline or failing: what is stored stays.
  const enrolled = Boolean(identity?.kiosk);
  useEffect(() => {
    const stored = readIdentity();
    if (!enrolled || !stored?.kiosk || enrolTokenFromHash()) return;
    fetchMe(stored.token).then(
      (me) => {
        const full = { token: stored.token, ...me };
        saveIdentity(full);
        setIdentity(full);
      },
      () => undefined,
    );
  }, [enrolled]);

  // A token stored but /kiosk/me never answered (enrolled offline): ask again.
  useEffect(() => {
    if (!identity || identity.kiosk || enrolling) return undefined;
    const retry = () =>
      fetchMe(identity.token).then(
        (me) => {
          const full = { token: identity.token, ...me };
          saveIdentity(full);
          setIdentity(full);
        },
        (err: unknown) => setEnrolError(err instanceof KioskHttpError ? err.code : String(err)),
      );
    void retry();
    const timer = window.setInterval(() => void retry(), 15_000);
    return () => window.clearInterval(timer);
  }, [identity, enrolling]);

  if (enrolling) {
    return (
      <main className="kiosk" data-testid="kiosk-enrolling">
        <section className="kiosk-screen kiosk-screen--message">
          <p className="kiosk-notice">{t('kiosk.enrolling')}</p>
        </section>
      </main>
    );
  }
  if (!identity?.kiosk) {
    return (
      <main className="kiosk" data-testid="kiosk-instructions">
        <KioskTopBar title={t('kiosk.title')} />
        <section className="kiosk-screen kiosk-screen--message">
          <h2>{t('kiosk.instructionsTitle')}</h2>
          <p className="kiosk-sub">{t('kiosk.instructions1')}</p>
          <p className="kiosk-sub">{t('kiosk.instructions2')}</p>
          {enrolError && (
            <p className="kiosk-alert" role="alert" data-testid="kiosk-enrol-error">
              {enrolError === 'KIOSK_REVOKED' ? t('kiosk.revoked') : t('kiosk.enrolFailed', { reason: enrolError })}
            </p>
          )}
        </section>
      </main>
    );
  }
  return <KioskMain identity={identity as EnrolledIdentity} />;
}
