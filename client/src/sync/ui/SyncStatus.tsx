import { Link } from 'react-router';
import { useSession } from '../../auth/useSession';
import { formatInZone } from '../../i18n/format';
import { useI18n } from '../../i18n/useT';
import { warningCount } from '../status-view';
import { useSyncStatus } from '../useSync';
import { SyncProgress } from './SyncProgress';
import { readableError, refusedHref } from './status-text';
import './sync-status.css';

/**
 * The header's sync indicator, compact for phones: the engine's phase, the pending count and the warning count
 * (refused writes plus documents whose values the server discarded; it leads to their list); details on demand: last sync in the organisation's time zone, last
 * error, live stream, which tab replicates. The first sync shows a progress bar.
 */
export function SyncStatus() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const status = useSyncStatus();
  const { phase, pending, refused, discarded, lastSyncAt, lastError, firstSync } = status;
  const warnings = warningCount(status);
  const zone = me?.activeOrg?.timezone;
  return (
    <div
      className={`sync sync--${phase}`}
      data-testid="sync-status"
      data-phase={phase}
      data-leader={String(status.isLeader)}
      data-live={String(status.streamConnected)}
      data-last-sync={lastSyncAt ?? ''}
    >
      <details className="sync__details">
        <summary className="sync__summary" aria-label={t('sync.label')}>
          <span className="sync__dot" aria-hidden="true" />
          <span className="sync__phase" data-testid="sync-phase">
            {status.open ? t(`sync.phase.${phase}`) : t('sync.opening')}
          </span>
          <span
            className={`sync__count sync__count--pending${pending > 0 ? ' sync__count--on' : ''}`}
            data-testid="sync-pending"
            data-count={pending}
            role="status"
            title={t('sync.pendingLabel', { count: pending })}
            aria-label={t('sync.pendingLabel', { count: pending })}
          >
            {pending}
          </span>
          <Link
            to={refusedHref(me?.role)}
            className={`sync__count sync__count--refused${warnings > 0 ? ' sync__count--on' : ''}`}
            data-testid="sync-refused"
            data-count={warnings}
            data-refused={refused}
            data-discarded={discarded}
            title={t('sync.warningsLabel', { count: warnings, refused, discarded })}
            aria-label={t('sync.warningsLabel', { count: warnings, refused, discarded })}
          >
            {warnings}
          </Link>
        </summary>
        <div className="sync__panel" data-testid="sync-details">
          <p data-testid="sync-last">
            {lastSyncAt ? t('sync.lastSync', { time: formatInZone(locale, lastSyncAt, zone) }) : t('sync.neverSynced')}
          </p>
          {lastError && (
            <p className="sync__error" data-testid="sync-error">
              {t('sync.lastError', { error: readableError(lastError) ?? t('clientErrors.UNKNOWN') })}
            </p>
          )}
          <p>{status.streamConnected ? t('sync.live') : t('sync.notLive')}</p>
          {status.open && <p>{status.isLeader ? t('sync.leader') : t('sync.follower')}</p>}
          {discarded > 0 && (
            <p>
              <Link to={refusedHref(me?.role)} data-testid="sync-see-discarded">
                {t('sync.seeDiscarded', { count: discarded })}
              </Link>
            </p>
          )}
          {refused > 0 && <Link to={refusedHref(me?.role)}>{t('sync.seeRefused')}</Link>}
        </div>
      </details>
      {firstSync && <SyncProgress received={firstSync.received} total={firstSync.total} />}
    </div>
  );
}
