import { useId, useState } from 'react';
import { switchActiveOrg } from '../api/me';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { useSyncControl } from '../sync/useSync';
import { ErrorMessage } from '../ui/ErrorMessage';

/** Picks the active organisation; with a single organisation only its name is shown. */
export function OrgSwitcher() {
  const t = useT();
  const id = useId();
  const online = useOnlineStatus();
  const { me, applyMe } = useSession();
  const sync = useSyncControl();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!me?.activeOrg) return null;
  if (me.orgs.length < 2) {
    return (
      <span className="org-name" data-testid="org-name">
        {me.activeOrg.name}
      </span>
    );
  }

  const onChange = async (orgId: string) => {
    setBusy(true);
    setError(null);
    // The old organisation's engine stops before the server session moves (the sync routes follow the session).
    const release = await sync.suspend();
    try {
      const next = await switchActiveOrg(orgId);
      if (next.activeOrg?.id === me.activeOrg?.id) release();
      applyMe(next);
    } catch (caught) {
      release();
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="org-switcher">
      <div className="field-inline">
        <label htmlFor={id} className="field-inline__label">
          {t('org.switcherLabel')}
        </label>
        <select
          id={id}
          data-testid="org-switcher"
          value={me.activeOrg.id}
          disabled={busy || !online}
          onChange={(event) => void onChange(event.target.value)}
        >
          {me.orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} testId="org-switcher-error" />
    </div>
  );
}
