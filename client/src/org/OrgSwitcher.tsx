import { useId, useState } from 'react';
import { switchActiveOrg } from '../api/me';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { ErrorMessage } from '../ui/ErrorMessage';

/** Picks the active organisation; with a single organisation only its name is shown. */
export function OrgSwitcher() {
  const t = useT();
  const id = useId();
  const online = useOnlineStatus();
  const { me, applyMe } = useSession();
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
    try {
      applyMe(await switchActiveOrg(orgId));
    } catch (caught) {
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
