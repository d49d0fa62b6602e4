import { useCallback, useEffect, useState } from 'react';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { startPhotoUploader, uploadPendingPhotos } from '../timeclock/photo-queue';
import { KioskHttpError, fetchRoster, kioskHeaders } from './kiosk-api';
import type { LocalPunch } from './kiosk-state';
import { readRoster, saveRoster, type Roster } from './kiosk-store';
import { KioskSync, type KioskSyncStatus } from './kiosk-sync';

const ROSTER_EVERY_MS = 60_000;

export interface KioskStation {
  sync: KioskSync | null;
  status: KioskSyncStatus;
  /** This device's punches and incidents in its local store (sent or not). */
  local: LocalPunch[];
  /** Today's roster: the last one fetched, kept for offline days. */
  roster: Roster | null;
  /** The server said the kiosk's token was revoked. */
  revoked: boolean;
  online: boolean;
}

/**
 * What a kiosk runs on: its local store and push (KioskSync), today's roster refreshed every minute while
 * online, and its punch photos sent with its token as soon as their punches are on the server.
 */
export function useKioskStation(kioskId: string, token: string, deviceId: string): KioskStation {
  const online = useOnlineStatus();
  const [sync, setSync] = useState<KioskSync | null>(null);
  const [status, setStatus] = useState<KioskSyncStatus>({ pending: 0, revoked: false, lastError: null });
  const [roster, setRoster] = useState<Roster | null>(() => readRoster(kioskId));
  const [revoked, setRevoked] = useState(false);
  const [local, setLocal] = useState<LocalPunch[]>([]);

  useEffect(() => {
    let closed = false;
    let opened: KioskSync | null = null;
    KioskSync.open(kioskId, token).then(
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
  }, [kioskId, token]);

  useEffect(() => {
    if (!sync) return undefined;
    const a = sync.status$.subscribe(setStatus);
    const b = sync.collection.find({ selector: { deviceId } }).$.subscribe((docs) => setLocal(docs.map((d) => d.toJSON() as unknown as LocalPunch)));
    return () => {
      a.unsubscribe();
      b.unsubscribe();
    };
  }, [sync, deviceId]);

  // Photos taken at this kiosk are sent with its token, whenever the network allows; once the punches are on
  // the server, their photos can follow at once (before that the server answers 409).
  useEffect(() => startPhotoUploader({ authHeaders: () => kioskHeaders(token) }), [token]);
  useEffect(() => {
    if (status.pending === 0 && online) void uploadPendingPhotos(undefined, kioskHeaders(token)).catch(() => undefined);
  }, [status.pending, online, token]);

  const refreshRoster = useCallback(async () => {
    try {
      const fresh = await fetchRoster(token);
      saveRoster(kioskId, fresh);
      setRoster(fresh);
      setRevoked(false);
    } catch (err) {
      if (err instanceof KioskHttpError && err.code === 'KIOSK_REVOKED') setRevoked(true);
    }
  }, [token, kioskId]);

  useEffect(() => {
    if (!online) return undefined;
    const first = window.setTimeout(() => void refreshRoster(), 0);
    const timer = window.setInterval(() => void refreshRoster(), ROSTER_EVERY_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [online, refreshRoster]);

  return { sync, status, local, roster, revoked: revoked || status.revoked, online };
}
