import { LOCALES, uuidv7, type Locale } from '@coulisses/shared';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { nextPunchTypes, presenceAfter } from '@coulisses/shared/timeclock/presence';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/useT';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { capturePunchPhoto } from '../timeclock/photo-capture';
import { queuePhoto, startPhotoUploader, uploadPendingPhotos } from '../timeclock/photo-queue';
import { recordPunch } from '../timeclock/punch-recorder';
import { KioskHttpError, fetchMe, fetchRoster, kioskHeaders } from './kiosk-api';
import { pinMatches } from './kiosk-crypto';
import { closestMission, latestPunch, type LocalPunch } from './kiosk-state';
import { liftLocks, readIdentity, readLocks, readRoster, saveIdentity, saveLocks, saveRoster, type KioskIdentity, type LocalLock, type Roster, type RosterPerson } from './kiosk-store';
import { KioskSync, type KioskSyncStatus } from './kiosk-sync';
import './kiosk.css';

/** Wrong PINs in a row before the kiosk locks the PIN (the server's limit too). */
const MAX_FAILURES = 5;
const ROSTER_EVERY_MS = 60_000;
const CONFIRM_MS = 3000;

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
      <main className="kiosk kiosk-center" data-testid="kiosk-enrolling">
        <p>{t('kiosk.enrolling')}</p>
      </main>
    );
  }
  if (!identity?.kiosk) {
    return (
      <main className="kiosk" data-testid="kiosk-instructions">
        <KioskTopBar title={t('kiosk.title')} />
        <section className="kiosk-center">
          <h2>{t('kiosk.instructionsTitle')}</h2>
          <p>{t('kiosk.instructions1')}</p>
          <p>{t('kiosk.instructions2')}</p>
          {enrolError && (
            <p className="kiosk-alert" role="alert" data-testid="kiosk-enrol-error">
              {enrolError === 'KIOSK_REVOKED' ? t('kiosk.revoked') : t('kiosk.enrolFailed', { reason: enrolError })}
            </p>
          )}
        </section>
      </main>
    );
  }
  return <KioskMain identity={identity as KioskIdentity & { kiosk: NonNullable<KioskIdentity['kiosk']> }} />;
}

function KioskTopBar({ title, children }: { title: string; children?: React.ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const fullscreen = () => {
    const el = document.documentElement;
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void el.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <header className="kiosk-bar">
      <h1 data-testid="kiosk-title">{title}</h1>
      {children}
      <div role="group" aria-label={t('lang.label')} className="kiosk-bar">
        {LOCALES.map((code: Locale) => (
          <button key={code} type="button" lang={code} aria-pressed={locale === code} className={locale === code ? 'kiosk-primary' : undefined} data-testid={`kiosk-lang-${code}`} onClick={() => setLocale(code)}>
            {code.toUpperCase()}
          </button>
        ))}
      </div>
      <button type="button" data-testid="kiosk-fullscreen" onClick={fullscreen}>
        {t('kiosk.fullscreen')}
      </button>
    </header>
  );
}

function useClock(zone: string, locale: string): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return useMemo(() => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(now), [now, zone, locale]);
}

type Screen =
  | { kind: 'roster' }
  | { kind: 'pin'; person: RosterPerson }
  | { kind: 'actions'; person: RosterPerson; method: 'PIN' | 'QR' }
  | { kind: 'confirm'; person: RosterPerson; punchType: PunchType; at: string; repeat: boolean }
  | { kind: 'qr' };

type EnrolledIdentity = KioskIdentity & { kiosk: NonNullable<KioskIdentity['kiosk']> };

function KioskMain({ identity }: { identity: EnrolledIdentity }) {
  const { t, locale } = useI18n();
  const kioskId = identity.kiosk.id;
  const deviceId = identity.kiosk.deviceId;
  const online = useOnlineStatus();
  const [sync, setSync] = useState<KioskSync | null>(null);
  const [status, setStatus] = useState<KioskSyncStatus>({ pending: 0, revoked: false, lastError: null });
  const [roster, setRoster] = useState<Roster | null>(() => readRoster(kioskId));
  const [revoked, setRevoked] = useState(false);
  const [locks, setLocks] = useState<Record<string, LocalLock>>(() => readLocks(kioskId));
  const [local, setLocal] = useState<LocalPunch[]>([]);
  const [screen, setScreen] = useState<Screen>({ kind: 'roster' });
  // The person at the kiosk chooses, for this punch, to add a photo (off by default, asked again every time).
  const [withPhoto, setWithPhoto] = useState(false);
  const zone = roster?.zone ?? identity.org?.timezone ?? 'Europe/Paris';
  const clock = useClock(zone, locale);

  useEffect(() => {
    let closed = false;
    let opened: KioskSync | null = null;
    KioskSync.open(kioskId, identity.token).then(
      (s) => {
        if (closed) {
          void s.close();
          return;
        }
        opened = s;
        setSync(s);
      },
      (err: unknown) => console.error('kiosk store failed to open', err),
    );
    return () => {
      closed = true;
      void opened?.close();
    };
  }, [kioskId, identity.token]);

  // Photos taken at this kiosk are sent with its token, whenever the network allows.
  useEffect(() => startPhotoUploader({ authHeaders: () => kioskHeaders(identity.token) }), [identity.token]);
  // Once the punches are on the server, their photos can follow at once (before that the server answers 409).
  useEffect(() => {
    if (status.pending === 0 && online) void uploadPendingPhotos(undefined, kioskHeaders(identity.token)).catch(() => undefined);
  }, [status.pending, online, identity.token]);

  useEffect(() => {
    if (!sync) return undefined;
    const a = sync.status$.subscribe(setStatus);
    const b = sync.collection.find({ selector: { deviceId } }).$.subscribe((docs) => setLocal(docs.map((d) => d.toJSON() as unknown as LocalPunch)));
    return () => {
      a.unsubscribe();
      b.unsubscribe();
    };
  }, [sync, deviceId]);

  const refreshRoster = useCallback(async () => {
    try {
      const fresh = await fetchRoster(identity.token);
      saveRoster(kioskId, fresh);
      setRoster(fresh);
      setRevoked(false);
      setLocks((prev) => {
        const next = liftLocks(prev, fresh);
        saveLocks(kioskId, next);
        return next;
      });
    } catch (err) {
      if (err instanceof KioskHttpError && err.code === 'KIOSK_REVOKED') setRevoked(true);
    }
  }, [identity.token, kioskId]);

  useEffect(() => {
    if (!online) return undefined;
    const first = window.setTimeout(() => void refreshRoster(), 0);
    const timer = window.setInterval(() => void refreshRoster(), ROSTER_EVERY_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [online, refreshRoster]);

  const updateLock = (userId: string, lock: LocalLock | null) => {
    setLocks((prev) => {
      const next = { ...prev };
      if (lock) next[userId] = lock;
      else delete next[userId];
      saveLocks(kioskId, next);
      return next;
    });
  };

  const isLocked = (p: RosterPerson) => Boolean(p.pin?.lockedAt || locks[p.userId]?.lockedAt);

  const recordLockIncident = async (person: RosterPerson) => {
    if (!sync) return;
    const at = new Date().toISOString();
    await sync.collection.insert({
      id: uuidv7(), updatedAt: at, kind: 'INCIDENT', userId: person.userId, missionId: null, subjectId: null, at, deviceId,
      payload: { type: 'PIN_LOCKED' }, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null,
    });
  };

  const onPin = async (person: RosterPerson, pin: string): Promise<string | null> => {
    if (!person.pin) return t('kiosk.noPin');
    if (isLocked(person)) return t('kiosk.pinLocked');
    if (await pinMatches(pin, person.pin)) {
      updateLock(person.userId, null);
      setScreen({ kind: 'actions', person, method: 'PIN' });
      return null;
    }
    const failures = (locks[person.userId]?.failures ?? 0) + 1;
    if (failures >= MAX_FAILURES) {
      updateLock(person.userId, { failures, lockedAt: new Date().toISOString() });
      await recordLockIncident(person);
      return t('kiosk.pinLocked');
    }
    updateLock(person.userId, { failures, lockedAt: null });
    return t('kiosk.pinWrong', { left: MAX_FAILURES - failures });
  };

  const onAction = async (person: RosterPerson, method: 'PIN' | 'QR', punchType: PunchType) => {
    if (!sync) return;
    const settings = roster?.settings ?? identity.settings;
    const photo = withPhoto ? await capturePunchPhoto() : null;
    setWithPhoto(false);
    const res = await recordPunch(
      sync.collection,
      { userId: person.userId, missionId: closestMission(person), punchType, source: 'KIOSK', method, venueId: identity.kiosk.venueId, ...(photo ? { photoHash: photo.sha256 } : {}) },
      { deviceId, repeatTapSeconds: settings?.repeatTapSeconds ?? 10 },
    );
    if (photo && res.status !== 'REPEAT') await queuePhoto({ eventId: String(res.event.id), blob: photo.blob, sha256: photo.sha256 }).catch(() => undefined);
    setScreen({ kind: 'confirm', person, punchType, at: String(res.event.at), repeat: res.status === 'REPEAT' });
  };

  useEffect(() => {
    if (screen.kind !== 'confirm') return undefined;
    const timer = window.setTimeout(() => setScreen({ kind: 'roster' }), CONFIRM_MS);
    return () => window.clearTimeout(timer);
  }, [screen]);

  const timeOf = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
  const venueName = roster?.venue.name || identity.kiosk.name;

  return (
    <main className="kiosk" data-testid="kiosk-app">
      <KioskTopBar title={venueName}>
        <span className="kiosk-clock" data-testid="kiosk-clock">
          {clock}
        </span>
        <span className={`kiosk-chip ${online ? 'kiosk-chip--online' : 'kiosk-chip--offline'}`} data-testid="kiosk-online" data-online={online ? 'true' : 'false'}>
          {online ? t('kiosk.online') : t('kiosk.offline')}
        </span>
        <span className="kiosk-chip" data-testid="kiosk-pending" data-count={status.pending} aria-live="polite">
          {t('kiosk.pending', { count: status.pending })}
        </span>
      </KioskTopBar>
      {(revoked || status.revoked) && (
        <p className="kiosk-alert" role="alert" data-testid="kiosk-revoked">
          {t('kiosk.revoked')}
        </p>
      )}
      {screen.kind === 'roster' && (
        <RosterView roster={roster} onPick={(person) => setScreen({ kind: 'pin', person })} onQr={() => setScreen({ kind: 'qr' })} />
      )}
      {screen.kind === 'pin' && (
        <PinPad person={screen.person} locked={isLocked(screen.person)} onSubmit={(pin) => onPin(screen.person, pin)} onBack={() => setScreen({ kind: 'roster' })} />
      )}
      {screen.kind === 'qr' && (
        <QrView
          people={roster?.people ?? []}
          onFound={(person) => setScreen({ kind: 'actions', person, method: 'QR' })}
          onBack={() => setScreen({ kind: 'roster' })}
        />
      )}
      {screen.kind === 'actions' && (() => {
        const last = latestPunch(screen.person, local);
        const state = presenceAfter(last?.punchType);
        const name = `${screen.person.firstName} ${screen.person.lastName}`;
        const stateText = !last ? t('kiosk.stateOut') : state === 'IN' ? t('kiosk.stateIn', { time: timeOf(last.at) }) : state === 'BREAK' ? t('kiosk.stateBreak', { time: timeOf(last.at) }) : t('kiosk.stateOutSince', { time: timeOf(last.at) });
        return (
          <section className="kiosk-center" data-testid="kiosk-actions" data-state={state}>
            <h2>{t('kiosk.hello', { name })}</h2>
            <p data-testid="kiosk-state">{stateText}</p>
            <div className="kiosk-actions">
              {nextPunchTypes(state).map((a) => (
                <button key={a} type="button" className="kiosk-primary" data-testid={`kiosk-action-${a}`} onClick={() => void onAction(screen.person, screen.method, a)}>
                  {t(`kiosk.action_${a}`)}
                </button>
              ))}
            </div>
            <label className="kiosk-photo">
              <input type="checkbox" data-testid="kiosk-photo" checked={withPhoto} onChange={(e) => setWithPhoto(e.target.checked)} /> {t('kiosk.withPhoto')}
            </label>
            <button type="button" data-testid="kiosk-back" onClick={() => { setWithPhoto(false); setScreen({ kind: 'roster' }); }}>
              {t('kiosk.back')}
            </button>
          </section>
        );
      })()}
      {screen.kind === 'confirm' && (
        <section className="kiosk-center" data-testid="kiosk-confirm" role="status">
          <h2>{`${screen.person.firstName} ${screen.person.lastName}`}</h2>
          <p className="kiosk-clock">{screen.repeat ? t('kiosk.confirmRepeat', { time: timeOf(screen.at) }) : t(`kiosk.confirm_${screen.punchType}`, { time: timeOf(screen.at) })}</p>
          <button type="button" className="kiosk-primary" data-testid="kiosk-confirm-done" onClick={() => setScreen({ kind: 'roster' })}>
            {t('kiosk.done')}
          </button>
        </section>
      )}
    </main>
  );
}

function RosterView({ roster, onPick, onQr }: { roster: Roster | null; onPick: (p: RosterPerson) => void; onQr: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  if (!roster) return <p data-testid="kiosk-no-roster">{t('kiosk.noRoster')}</p>;
  const q = query.trim().toLowerCase();
  const people = [...roster.people]
    .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`))
    .filter((p) => !q || `${p.firstName} ${p.lastName}`.toLowerCase().includes(q));
  return (
    <section className="stack" data-testid="kiosk-roster">
      <div className="kiosk-bar">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('kiosk.search')} aria-label={t('kiosk.search')} data-testid="kiosk-search" />
        <button type="button" data-testid="kiosk-scan-qr" onClick={onQr}>
          {t('kiosk.scanQr')}
        </button>
      </div>
      {roster.people.length === 0 && <p>{t('kiosk.nobody')}</p>}
      <div className="kiosk-tiles">
        {people.map((p) => (
          <button key={p.userId} type="button" data-testid="kiosk-tile" data-user-id={p.userId} onClick={() => onPick(p)}>
            {p.firstName} {p.lastName}
          </button>
        ))}
      </div>
    </section>
  );
}

function PinPad({ person, locked, onSubmit, onBack }: { person: RosterPerson; locked: boolean; onSubmit: (pin: string) => Promise<string | null>; onBack: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(locked ? t('kiosk.pinLocked') : person.pin ? null : t('kiosk.noPin'));
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const out = await onSubmit(pin);
    setPin('');
    setBusy(false);
    setMessage(out);
  };
  const press = (d: string) => setPin((p) => (p.length < 8 ? p + d : p));
  return (
    <section className="kiosk-center" data-testid="kiosk-pin">
      <h2>{t('kiosk.pinFor', { name: `${person.firstName} ${person.lastName}` })}</h2>
      <div className="kiosk-dots" data-testid="kiosk-pin-dots" aria-live="polite">
        {'\u25CF'.repeat(pin.length)}
      </div>
      {message && (
        <p className="kiosk-alert" role="alert" data-testid="kiosk-pin-message">
          {message}
        </p>
      )}
      <div className="kiosk-pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" data-testid={`kiosk-key-${d}`} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" data-testid="kiosk-key-clear" onClick={() => setPin('')}>
          {t('kiosk.pinClear')}
        </button>
        <button type="button" data-testid="kiosk-key-0" onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="kiosk-primary" data-testid="kiosk-pin-ok" disabled={busy} onClick={() => void submit()}>
          {t('kiosk.pinOk')}
        </button>
      </div>
      <button type="button" data-testid="kiosk-back" onClick={onBack}>
        {t('kiosk.back')}
      </button>
    </section>
  );
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (opts?: { formats?: string[] }) => BarcodeDetectorLike;

function QrView({ people, onFound, onBack }: { people: RosterPerson[]; onFound: (p: RosterPerson) => void; onBack: () => void }) {
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
