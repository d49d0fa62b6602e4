import { useId } from 'react';
import { useT } from '../i18n/useT';
import { IconBuilding } from '../ui/icons';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useOrgSwitch } from './useOrgSwitch';

/** Picks the active organisation (the wide header); with a single organisation only its name is shown. */
export function OrgSwitcher() {
  const t = useT();
  const id = useId();
  const { me, online, busy, error, switchTo } = useOrgSwitch();

  if (!me?.activeOrg) return null;
  if (me.orgs.length < 2) {
    return (
      <span className="org-name" data-testid="org-name">
        <IconBuilding size={18} />
        <span className="org-name__text">{me.activeOrg.name}</span>
      </span>
    );
  }

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
          title={online ? undefined : t('appHeader.switchOffline')}
          onChange={(event) => void switchTo(event.target.value)}
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
