import { useEffect, useRef } from 'react';
import { announce } from '../../a11y/announcer';
import { useI18n } from '../../i18n/useT';
import { useOnlineStatus } from '../../pwa/useOnlineStatus';
import { useSyncStatus } from '../useSync';

/** Writes sent, refused and partly discarded within this time are said in one sentence. */
const BATCH_MS = 800;

interface Seen {
  offline: boolean;
  pending: number;
  refused: number;
  discarded: number;
}

interface Batch {
  /** Writes that left the outbox: sent and accepted, or refused (counted apart, it may come a render later). */
  left: number;
  refused: number;
  discarded: number;
}

const EMPTY: Batch = { left: 0, refused: 0, discarded: 0 };

/**
 * Says the sync events in the app's polite live region (one region, never a toast per event): going offline and
 * back online at once; the writes that left this device (sent, refused by the server, partly replaced by a later
 * edit) gathered over a short time into one sentence. Nothing is said for the counts found when the local store
 * opens. Draws nothing: the header's indicator shows the same state.
 */
export function SyncAnnouncer() {
  const { t } = useI18n();
  const online = useOnlineStatus();
  const { open, phase, pending, refused, discarded } = useSyncStatus();
  const offline = !online || phase === 'offline';
  const seen = useRef<Seen | null>(null);
  const batch = useRef<Batch>(EMPTY);
  const timer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    const before = seen.current;
    const now: Seen = { offline, pending, refused, discarded };
    if (!open) {
      seen.current = null;
      return;
    }
    seen.current = now;
    if (!before) return;
    if (before.offline !== offline) announce(t(offline ? 'a11y.sync.offline' : 'a11y.sync.online'));
    const newlyRefused = Math.max(0, refused - before.refused);
    const newlyDiscarded = Math.max(0, discarded - before.discarded);
    const left = Math.max(0, before.pending - pending);
    if (left + newlyRefused + newlyDiscarded === 0) return;
    const b = batch.current;
    batch.current = { left: b.left + left, refused: b.refused + newlyRefused, discarded: b.discarded + newlyDiscarded };
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      const { left: l, refused: r, discarded: d } = batch.current;
      batch.current = EMPTY;
      const sent = Math.max(0, l - r);
      const parts = [
        sent > 0 ? t('a11y.sync.synced', { count: sent }) : null,
        r > 0 ? t('a11y.sync.refused', { count: r }) : null,
        d > 0 ? t('a11y.sync.discarded', { count: d }) : null,
      ].filter((part): part is string => part !== null);
      if (parts.length > 0) announce(parts.join(' '));
    }, BATCH_MS);
  }, [open, offline, pending, refused, discarded, t]);

  return null;
}
