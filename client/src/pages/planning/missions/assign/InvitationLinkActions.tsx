import { useRef, useState } from 'react';
import { useI18n } from '../../../../i18n/useT';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useOnlineStatus } from '../../../../pwa/useOnlineStatus';
import { CopyButton } from '../../../../ui/CopyButton';
import { ErrorMessage } from '../../../../ui/ErrorMessage';
import { shareableInvitationLink } from '../../../../lib/invitation-link';
import { fetchInvitationLink, revokeInvitationLink, type InvitationLink } from './invitation-api';

/** "Copy invitation link" and "Revoke link" for one assignment: server calls, so online only. */
export function InvitationLinkActions({ assignmentId, pending, tz }: { assignmentId: string; pending: boolean; tz: string }) {
  const { t, locale } = useI18n();
  const online = useOnlineStatus();
  const [link, setLink] = useState<InvitationLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await fn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const get = () =>
    run(async () => {
      const fetched = await fetchInvitationLink(assignmentId);
      const got = { ...fetched, link: shareableInvitationLink(fetched.link) };
      setLink(got);
      try {
        await navigator.clipboard?.writeText(got.link);
        setNote(t('planAssign.linkCopied'));
      } catch {
        setNote(t('planAssign.linkReady'));
      }
    });
  const revoke = () =>
    run(async () => {
      await revokeInvitationLink(assignmentId);
      setLink(null);
      setNote(t('planAssign.linkRevoked'));
    });

  return (
    <div className="invitation-link" data-testid={`assignment-link-box-${assignmentId}`}>
      <div className="row-actions">
        <button type="button" className="button button--secondary button--small" data-testid={`assignment-link-copy-${assignmentId}`} disabled={!online || busy} onClick={() => void get()}>
          {t('planAssign.copyLink')}
        </button>
        <button type="button" className="button button--ghost button--small" data-testid={`assignment-link-revoke-${assignmentId}`} disabled={!online || busy} onClick={() => void revoke()}>
          {t('planAssign.revokeLink')}
        </button>
      </div>
      {!online && (
        <p className="hint" data-testid={`assignment-link-offline-${assignmentId}`}>
          {t('planAssign.linkOffline')}
        </p>
      )}
      {online && pending && <p className="hint">{t('planAssign.linkPending')}</p>}
      {link && (
        <div className="input-row">
          <input ref={inputRef} className="field__input" readOnly aria-label={t('planAssign.link')} data-testid={`assignment-link-${assignmentId}`} value={link.link} onFocus={(e) => e.target.select()} />
          <CopyButton text={link.link} inputRef={inputRef} />
        </div>
      )}
      {link && <p className="hint">{t('planAssign.linkExpires', { date: formatInZone(locale, link.expiresAt, tz) })}</p>}
      {note && (
        <p className="hint" role="status" data-testid={`assignment-link-msg-${assignmentId}`}>
          {note}
        </p>
      )}
      <ErrorMessage error={error} testId={`assignment-link-error-${assignmentId}`} />
    </div>
  );
}
