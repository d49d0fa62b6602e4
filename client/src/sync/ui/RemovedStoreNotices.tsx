import { useSyncExternalStore } from 'react';
import { useT } from '../../i18n/useT';
import { browserStorage } from '../../lib/storage';
import { REMOVED_STORES_KEY, dismissRemovedNotice, readRemovedNotices, subscribeRemovedNotices, type RemovedNotice } from '../removed-stores';
import './sync-status.css';

/** The raw list as a stable snapshot for useSyncExternalStore (parsed only when the stored text changes). */
let cached: { raw: string | null; list: RemovedNotice[] } = { raw: null, list: [] };
function snapshot(): RemovedNotice[] {
  const storage = browserStorage();
  let raw: string | null;
  try {
    raw = storage?.getItem(REMOVED_STORES_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (raw !== cached.raw) cached = { raw, list: readRemovedNotices(storage) };
  return cached.list;
}

/**
 * Tells the user that an organisation's data left this device because the account is no longer a member,
 * naming the organisation and saying how many changes made here could not be sent. Stays until dismissed.
 */
export function RemovedStoreNotices() {
  const t = useT();
  const notices = useSyncExternalStore(subscribeRemovedNotices, snapshot, () => []);
  if (notices.length === 0) return null;
  return (
    <div className="removed-notices">
      {notices.map((n) => (
        <section key={n.dbName} className="removed-notice" role="alert" aria-labelledby={`removed-${n.dbName}`} data-testid={`removed-notice-${n.orgId}`} data-unsent={n.unsent}>
          <h2 id={`removed-${n.dbName}`} className="removed-notice__title">
            {t('sync.removed.title')}
          </h2>
          <p>{t('sync.removed.body', { org: n.orgName ?? t('sync.removed.unknownOrg') })}</p>
          <p className={n.unsent > 0 ? 'removed-notice__lost' : undefined} data-testid={`removed-unsent-${n.orgId}`}>
            {n.unsent === 0 ? t('sync.removed.unsentNone') : n.unsent === 1 ? t('sync.removed.unsentOne') : t('sync.removed.unsentMany', { count: n.unsent })}
          </p>
          <button type="button" className="button button--secondary button--small" data-testid={`removed-dismiss-${n.orgId}`} onClick={() => dismissRemovedNotice(browserStorage(), n.dbName)}>
            {t('sync.removed.dismiss')}
          </button>
        </section>
      ))}
    </div>
  );
}
