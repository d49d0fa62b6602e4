import { uuidv7 } from '@coulisses/shared';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/useT';
import { IconCloud, IconCloudOff, IconUpload } from '../ui/icons';
import { useOrgAccent } from '../ui/useOrgAccent';
import { useNow } from '../lib/useNow';
import { capturePunchPhoto } from '../timeclock/photo-capture';
import { queuePhoto } from '../timeclock/photo-queue';
import { recordPunch } from '../timeclock/punch-recorder';
import { latestPunch, punchMission } from './kiosk-state';
import type { KioskIdentity, RosterPerson } from './kiosk-store';
import { KioskIncident } from './KioskIncident';
import { KioskTopBar } from './KioskTopBar';
import { PinPad } from './PinPad';
import { MissionChoice, PunchActions, PunchConfirm } from './PunchScreens';
import { QrView } from './QrView';
import { RosterView } from './RosterView';
import { usePinLocks } from './usePinLocks';
import { useKioskStation } from './useKioskStation';

/** How long the confirmation of a punch stays on screen (the Done button shortens it). */
export const CONFIRM_MS = 4000;

type Screen =
  | { kind: 'roster' }
  | { kind: 'pin'; person: RosterPerson }
  | { kind: 'actions'; person: RosterPerson; method: 'PIN' | 'QR' }
  | { kind: 'mission'; person: RosterPerson; method: 'PIN' | 'QR'; candidates: RosterPerson['missions'] }
  | { kind: 'confirm'; person: RosterPerson; punchType: PunchType; at: string; repeat: boolean }
  | { kind: 'qr' }
  | { kind: 'incident' };

export type EnrolledIdentity = KioskIdentity & { kiosk: NonNullable<KioskIdentity['kiosk']> };

/** An enrolled kiosk: roster, PIN or QR, the punch, its confirmation; the top bar says time, network and pending. */
export function KioskMain({ identity }: { identity: EnrolledIdentity }) {
  const { t, locale } = useI18n();
  const kioskId = identity.kiosk.id;
  const deviceId = identity.kiosk.deviceId;
  const { sync, status, local, roster, revoked, online } = useKioskStation(kioskId, identity.token, deviceId);
  const pins = usePinLocks(kioskId, roster);
  const [screen, setScreen] = useState<Screen>({ kind: 'roster' });
  // The person at the kiosk chooses, for this punch, to add a photo (off by default, asked again every time).
  const [withPhoto, setWithPhoto] = useState(false);
  const zone = roster?.zone ?? identity.org?.timezone ?? 'Europe/Paris';
  const now = useNow(1000);
  const clock = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(now), [now, zone, locale]);
  const timeOf = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
  const settings = roster?.settings ?? identity.settings;
  useOrgAccent(settings);
  // What the live region says: a punch recorded, in words (a screen reader announces it while the screen shows it).
  const [announce, setAnnounce] = useState('');
  const toRoster = () => {
    setWithPhoto(false);
    setScreen({ kind: 'roster' });
  };

  useEffect(() => {
    if (screen.kind !== 'confirm') return undefined;
    const timer = window.setTimeout(() => setScreen({ kind: 'roster' }), CONFIRM_MS);
    return () => window.clearTimeout(timer);
  }, [screen]);

  // A PIN locked here is reported to the server as an incident, which locks it for every kiosk.
  const recordLockIncident = async (person: RosterPerson) => {
    if (!sync) return;
    const at = new Date().toISOString();
    await sync.collection.insert({
      id: uuidv7(), updatedAt: at, kind: 'INCIDENT', userId: person.userId, missionId: null, subjectId: null, at, deviceId,
      payload: { type: 'PIN_LOCKED' }, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null,
    });
  };

  // An equipment incident reported at the kiosk: no person, the kiosk's device id and venue (issue 13).
  const onIncident = async (report: { category: 'BREAKDOWN' | 'DAMAGE' | 'LOSS' | 'SAFETY' | 'OTHER'; severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'; description: string }) => {
    if (!sync) return;
    const at = new Date().toISOString();
    await sync.collection.insert({
      id: uuidv7(), updatedAt: at, kind: 'INCIDENT', userId: null, missionId: null, subjectId: null, at, deviceId,
      payload: { ...report, equipmentItemId: null, venueId: identity.kiosk.venueId, hasPhoto: false }, receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null,
    });
    toRoster();
  };

  const onPin = async (person: RosterPerson, pin: string): Promise<string | null> => {
    const outcome = await pins.verify(person, pin);
    if (outcome.kind === 'ok') {
      setScreen({ kind: 'actions', person, method: 'PIN' });
      return null;
    }
    if (outcome.kind === 'none') return t('kiosk.noPin');
    if (outcome.kind === 'wrong') return t('kiosk.pinWrong', { left: outcome.left });
    if (outcome.justNow) await recordLockIncident(person);
    return t('kiosk.pinLocked');
  };

  // The mission of the punch: the open clock in's for a clock out or a break; for a clock in, the one running or
  // starting soon at this venue, or the person's choice when several fit (the server checks it is theirs here today).
  const onPunch = async (person: RosterPerson, method: 'PIN' | 'QR', punchType: PunchType, chosen?: string) => {
    if (!sync) return;
    let missionId: string | null;
    if (chosen !== undefined) missionId = chosen;
    else {
      const where = punchMission(person, latestPunch(person, local), punchType);
      if (where.kind === 'choose') {
        setScreen({ kind: 'mission', person, method, candidates: where.candidates });
        return;
      }
      missionId = where.missionId;
    }
    const photo = withPhoto ? await capturePunchPhoto() : null;
    setWithPhoto(false);
    const res = await recordPunch(
      sync.collection,
      { userId: person.userId, missionId, punchType, source: 'KIOSK', method, venueId: identity.kiosk.venueId, ...(photo ? { photoHash: photo.sha256 } : {}) },
      { deviceId, repeatTapSeconds: settings?.repeatTapSeconds ?? 10 },
    );
    if (photo && res.status !== 'REPEAT') await queuePhoto({ eventId: String(res.event.id), blob: photo.blob, sha256: photo.sha256 }).catch(() => undefined);
    const at = String(res.event.at);
    const repeat = res.status === 'REPEAT';
    const what = repeat ? t('kiosk.confirmRepeat', { time: timeOf(at) }) : t(`kiosk.confirm_${punchType}`, { time: timeOf(at) });
    setAnnounce(t('kiosk.announce', { name: `${person.firstName} ${person.lastName}`, what }));
    setScreen({ kind: 'confirm', person, punchType, at, repeat });
  };

  return (
    <main className="kiosk" data-testid="kiosk-app" data-screen={screen.kind}>
      <KioskTopBar title={roster?.venue.name || identity.kiosk.name} orgName={identity.org?.name}>
        <span className="kiosk-clock" data-testid="kiosk-clock">
          {clock}
        </span>
        <span className={`kiosk-chip ${online ? 'kiosk-chip--online' : 'kiosk-chip--offline'}`} data-testid="kiosk-online" data-online={online ? 'true' : 'false'}>
          {online ? <IconCloud /> : <IconCloudOff />}
          <span>{online ? t('kiosk.online') : t('kiosk.offline')}</span>
        </span>
        <span className="kiosk-chip" data-testid="kiosk-pending" data-count={status.pending} aria-live="polite">
          <IconUpload />
          <span className="kiosk-chip__num" aria-hidden="true">
            {status.pending}
          </span>
          <span className="kiosk-chip__words">{t('kiosk.pending', { count: status.pending })}</span>
        </span>
        {screen.kind === 'roster' && (
          <button type="button" className="kiosk-btn" data-testid="kiosk-incident-open" onClick={() => setScreen({ kind: 'incident' })}>
            {t('equipment.incidents.report')}
          </button>
        )}
      </KioskTopBar>
      {revoked && (
        <p className="kiosk-alert" role="alert" data-testid="kiosk-revoked">
          {t('kiosk.revoked')}
        </p>
      )}
      {screen.kind === 'roster' && <RosterView roster={roster} onPick={(person) => setScreen({ kind: 'pin', person })} onQr={() => setScreen({ kind: 'qr' })} />}
      {screen.kind === 'pin' && <PinPad person={screen.person} locked={pins.isLocked(screen.person)} onSubmit={(pin) => onPin(screen.person, pin)} onBack={toRoster} />}
      {screen.kind === 'incident' && <KioskIncident onSend={onIncident} onBack={toRoster} />}
      {screen.kind === 'qr' && <QrView people={roster?.people ?? []} onFound={(person) => setScreen({ kind: 'actions', person, method: 'QR' })} onBack={toRoster} />}
      {screen.kind === 'actions' && (
        <PunchActions
          person={screen.person}
          last={latestPunch(screen.person, local)}
          timeOf={timeOf}
          withPhoto={withPhoto}
          onPhoto={setWithPhoto}
          onPunch={(punchType) => void onPunch(screen.person, screen.method, punchType)}
          onBack={toRoster}
        />
      )}
      {screen.kind === 'mission' && (
        <MissionChoice
          person={screen.person}
          missions={screen.candidates}
          timeOf={timeOf}
          onChoose={(missionId) => void onPunch(screen.person, screen.method, 'IN', missionId)}
          onBack={toRoster}
        />
      )}
      {screen.kind === 'confirm' && (
        <PunchConfirm person={screen.person} punchType={screen.punchType} at={screen.at} repeat={screen.repeat} ms={CONFIRM_MS} timeOf={timeOf} onDone={() => setScreen({ kind: 'roster' })} />
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="kiosk-announce">
        {screen.kind === 'confirm' ? announce : ''}
      </p>
    </main>
  );
}
