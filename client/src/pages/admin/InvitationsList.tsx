import { useState } from 'react';
import type { Invitation } from '../../api/types';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useOrgContext } from '../../data/org/useOrgContext';
import { useI18n } from '../../i18n/useT';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { enumLabel } from '../../i18n/enum-label';

/** Pending invitations with their expiry, the link to pass on (copyable) and a revoke button. */
export function InvitationsList({
  invitations,
  onRevoke,
}: {
  invitations: Invitation[];
  onRevoke: (id: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const shown = invitations.filter((i) => i.status.toLowerCase() === 'pending');

  const revoke = async (id: string) => {
    setPending(id);
    setError(null);
    try {
      await onRevoke(id);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('admin.invitations.title')}</h2>
      {shown.length === 0 ? (
        <p className="muted" data-testid="invitations-empty">
          {t('admin.invitations.empty')}
        </p>
      ) : (
        <ul className="list" data-testid="invitations-list">
          {shown.map((invitation) => (
            <li key={invitation.id} className="list__item" data-testid={`invitation-${invitation.id}`}>
              <span className="list__main">
                <strong className="break">{invitation.email}</strong>
                <span className="muted">
                  {enumLabel(t, 'role', invitation.role)}
                  {' - '}
                  {t('admin.invitations.expires', { date: formatInZone(locale, invitation.expiresAt, tz) })}
                </span>
                {invitation.link && (
                  <span className="input-row">
                    <input
                      className="field__input"
                      data-testid={`invitation-link-${invitation.id}`}
                      aria-label={t('admin.invitations.linkOf', { email: invitation.email })}
                      value={invitation.link}
                      readOnly
                      onFocus={(event) => event.target.select()}
                    />
                    <CopyButton text={invitation.link} testId={`invitation-copy-${invitation.id}`} />
                  </span>
                )}
              </span>
              <button
                type="button"
                className="button button--danger"
                data-testid={`invitation-revoke-${invitation.id}`}
                aria-label={t('admin.invitations.revokeLabel', { email: invitation.email })}
                disabled={pending === invitation.id}
                onClick={() => void revoke(invitation.id)}
              >
                {t('admin.invitations.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} testId="invitations-error" />
    </section>
  );
}
