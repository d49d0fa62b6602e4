import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/useSession';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { useOnlineStatus } from '../../pwa/useOnlineStatus';
import { cx } from '../../ui/cx';
import { restoreFocus } from '../../ui/focus';
import { IconCloud, IconCloudOff, IconSync, IconWarning, type IconComponent } from '../../ui/icons';
import { warningCount } from '../status-view';
import { useSyncStatus } from '../useSync';
import { SyncProgress } from './SyncProgress';
import { progressPercent, readableError, refusedHref } from './status-text';
import './sync-status.css';

type Indicator = 'online' | 'offline' | 'syncing' | 'problem' | 'opening';

function indicatorOf(online: boolean, open: boolean, phase: string): Indicator {
  if (!online || phase === 'offline') return 'offline';
  if (!open) return 'opening';
  if (phase === 'syncing') return 'syncing';
  if (phase === 'error' || phase === 'signed-out' || phase === 'update-required') return 'problem';
  return 'online';
}

const ICONS: Record<Indicator, IconComponent> = {
  online: IconCloud,
  offline: IconCloudOff,
  syncing: IconSync,
  problem: IconWarning,
  opening: IconSync,
};

/**
 * The header's one status indicator: the network (online/offline) and the sync engine merged in one button,
 * with the pending count and the warnings (refused writes plus documents whose values the server discarded,
 * leading to their list). The button opens the details: last sync in the organisation's time zone, last error,
 * live stream, which tab replicates.
 */
export function SyncStatus() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const online = useOnlineStatus();
  const status = useSyncStatus();
  const { phase, pending, refused, discarded, lastSyncAt, lastError } = status;
  const warnings = warningCount(status);
  const zone = me?.activeOrg?.timezone;
  const indicator = indicatorOf(online, status.open, phase);
  const label = indicator === 'offline' ? t('status.offline') : status.open ? t(`sync.phase.${phase}`) : t('sync.opening');
  const Icon = ICONS[indicator];
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const buttonName = [t('appHeader.status', { state: label }), pending > 0 ? t('sync.pendingCount', { count: pending }) : null].filter(Boolean).join('. ');

  return (
    <div
      ref={rootRef}
      className={cx('status-indicator', `status-indicator--${indicator}`)}
      data-testid="online-status"
      data-state={online ? 'online' : 'offline'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          setOpen(false);
          restoreFocus(buttonRef.current);
        }
      }}
    >
      <div
        className={`sync sync--${phase}`}
        data-testid="sync-status"
        data-phase={phase}
        data-leader={String(status.isLeader)}
        data-live={String(status.streamConnected)}
        data-last-sync={lastSyncAt ?? ''}
      >
        <button
          ref={buttonRef}
          type="button"
          className="sync__trigger"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={buttonName}
          title={t('appHeader.details')}
          onClick={() => setOpen((was) => !was)}
          data-testid="sync-toggle"
        >
          <Icon size={20} className="sync__icon" />
          <span className="sync__phase" data-testid="sync-phase">
            {label}
          </span>
          <span className={cx('sync__count', 'sync__count--pending', pending === 0 && 'is-zero')} data-testid="sync-pending" data-count={pending} title={pending > 0 ? t('sync.pendingCount', { count: pending }) : undefined}>
            {pending}
          </span>
        </button>
        <Link
          to={refusedHref(me?.role)}
          className={cx('sync__warnings', warnings === 0 && 'is-zero')}
          data-testid="sync-refused"
          data-count={warnings}
          data-refused={refused}
          data-discarded={discarded}
          title={t('sync.warningsLabel', { count: warnings, refused, discarded })}
          aria-label={t('sync.warningsLabel', { count: warnings, refused, discarded })}
        >
          <IconWarning size={16} />
          <span>{warnings}</span>
        </Link>
        <div id={panelId} className="sync__panel" hidden={!open} role="region" aria-label={t('appHeader.details')} data-testid="sync-details">
          <p className="sync__panel-title">
            <Icon size={18} />
            <strong>{label}</strong>
          </p>
          {indicator === 'offline' && <p>{t('appHeader.offlineText')}</p>}
          {status.firstSync && <SyncProgress received={status.firstSync.received} total={status.firstSync.total} />}
          {pending > 0 && <p data-testid="sync-pending-text">{t('sync.pendingCount', { count: pending })}</p>}
          <p data-testid="sync-last">{lastSyncAt ? t('sync.lastSync', { time: formatInZone(locale, lastSyncAt, zone) }) : t('sync.neverSynced')}</p>
          {lastError && (
            <p className="sync__error" data-testid="sync-error">
              {t('sync.lastError', { error: readableError(lastError) ?? t('clientErrors.UNKNOWN') })}
            </p>
          )}
          <p className="sync__meta">{status.streamConnected ? t('sync.live') : t('sync.notLive')}</p>
          {status.open && <p className="sync__meta">{status.isLeader ? t('sync.leader') : t('sync.follower')}</p>}
          {discarded > 0 && (
            <p>
              <Link to={refusedHref(me?.role)} data-testid="sync-see-discarded" onClick={() => setOpen(false)}>
                {t('sync.seeDiscarded', { count: discarded })}
              </Link>
            </p>
          )}
          {refused > 0 && (
            <p>
              <Link to={refusedHref(me?.role)} onClick={() => setOpen(false)}>
                {t('sync.seeRefused')}
              </Link>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * The first sync's progress as a thin bar along the bottom edge of the app bar (it adds no height); the numbers
 * are in the status indicator's details. Nothing once the first sync is done.
 */
export function FirstSyncStrip() {
  const { t } = useI18n();
  const { firstSync } = useSyncStatus();
  if (!firstSync) return null;
  const percent = progressPercent(firstSync.received, firstSync.total);
  return (
    <div className="first-sync-bar" role="progressbar" aria-label={t('sync.firstSync')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="first-sync-bar">
      <div className="first-sync-bar__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
