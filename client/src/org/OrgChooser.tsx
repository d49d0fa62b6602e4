import { useState } from 'react';
import { switchActiveOrg } from '../api/me';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { ErrorMessage } from '../ui/ErrorMessage';
import { enumLabel } from '../i18n/enum-label';

/** Memberships to pick from when the account has organisations but none is active. */
export function OrgChooser() {
  const t = useT();
  const { me, applyMe } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!me || me.orgs.length === 0) return null;

  const choose = async (orgId: string) => {
    setBusy(true);
    setError(null);
    try {
      applyMe(await switchActiveOrg(orgId));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="choose-org-title">
      <h2 id="choose-org-title">{t('org.choose.title')}</h2>
      <ul className="list">
        {me.orgs.map((org) => (
          <li key={org.id} className="list__item">
            <span>
              <strong>{org.name}</strong> <span className="muted">{enumLabel(t, 'role', org.role)}</span>
            </span>
            <button
              type="button"
              className="button button--secondary"
              data-testid={`choose-org-${org.id}`}
              disabled={busy}
              onClick={() => void choose(org.id)}
            >
              {t('org.choose.open')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} testId="choose-org-error" />
    </section>
  );
}
