import { geofenceOf, geofenceVerdict } from '@coulisses/shared/timeclock/geofence';
import type { Position } from '@coulisses/shared/timeclock/punch';
import type { PunchType } from '@coulisses/shared/timeclock/types';
import { useState } from 'react';
import { useFieldEvents } from '../data/field-events';
import { useOrgContext } from '../data/org/useOrgContext';
import type { ReferenceDoc, UserDoc } from '../data/types';
import { usePendingIds } from '../data/usePendingIds';
import { useI18n } from '../i18n/useT';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { useSyncDatabase } from '../sync/useSync';
// Photo hook: the capture is built in photo-capture.ts; used only with the person's consent.
import { capturePunchPhoto } from './photo-capture';
import { queuePhoto } from './photo-queue';
import { currentPosition, punchStateOf, readConsent } from './punch-state';
import { phoneDeviceId, recordPunch } from './punch-recorder';

export type PunchMessage = { kind: 'success' | 'warning' | 'error'; text: string } | null;

/**
 * A person's phone punches (works offline): where they stand from their own punches, and `punch` that records
 * one in the local store (position and photo with this device's consents, the organisation's geofence rule,
 * repeated taps ignored). The Clock in tab and the My missions "Today" card share it.
 */
export function usePunch(user: UserDoc) {
  const { t } = useI18n();
  const { settings } = useOrgContext();
  const db = useSyncDatabase();
  const online = useOnlineStatus();
  const { docs: punches } = useFieldEvents('PUNCH', user.id);
  const pending = usePendingIds('field_events');
  const state = punchStateOf(punches);
  const [consentPosition, setConsentPosition] = useState(() => readConsent('position'));
  const [consentPhoto, setConsentPhoto] = useState(() => readConsent('photo'));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PunchMessage>(null);

  async function punch(type: PunchType, missionId: string | null, venue: ReferenceDoc | undefined): Promise<void> {
    if (!db?.collections.field_events || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      let position: Position | undefined;
      if (consentPosition) position = await currentPosition(5000);
      const fence = geofenceOf(venue?.data ?? null);
      const verdict = geofenceVerdict(position, fence);
      if (settings.geofenceMode === 'REFUSE' && verdict === 'OUTSIDE') {
        setMessage({ kind: 'error', text: t('timeclock.punch.refusedOutside', { venue: venue?.name ?? '' }) });
        return;
      }
      const photo = consentPhoto ? await capturePunchPhoto() : null;
      const result = await recordPunch(
        db.collections.field_events,
        {
          userId: user.id, missionId, punchType: type, source: 'PHONE', method: 'SESSION', venueId: venue?.id ?? null,
          ...(position ? { position } : {}),
          ...(position && fence ? { geofence: verdict } : {}),
          ...(photo ? { photoHash: photo.sha256 } : {}),
        },
        { deviceId: phoneDeviceId(), repeatTapSeconds: settings.repeatTapSeconds },
      );
      if (result.status === 'REPEAT') {
        setMessage({ kind: 'warning', text: t('timeclock.punch.repeat') });
        return;
      }
      if (photo) await queuePhoto({ eventId: result.event.id, blob: photo.blob, sha256: photo.sha256 }).catch(() => undefined);
      const outside = verdict === 'OUTSIDE' ? ` ${t('timeclock.punch.flaggedOutside')}` : '';
      setMessage({ kind: online ? 'success' : 'warning', text: (online ? t(`timeclock.punch.recorded.${type}`) : t(`timeclock.punch.recordedOffline.${type}`)) + outside });
    } catch (err) {
      setMessage({ kind: 'error', text: t('timeclock.punch.failed', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  }

  return {
    ready: Boolean(db?.collections.field_events),
    online,
    punches,
    pending,
    state,
    busy,
    message,
    punch,
    waiting: punches.filter((p) => pending.has(p.id)).length,
    consentPosition,
    setConsentPosition,
    consentPhoto,
    setConsentPhoto,
  };
}
